package org.mailoutcome.jdbc;

import org.junit.jupiter.api.extension.ExtensionContext;

/** The history of an address on PostgreSQL 15. */
class PostgresHistoryIT extends HistoryContract {
    @Override
    Database open(ExtensionContext context) {
        return new Database(PostgresExtension.server(context).freshSchemaUrl());
    }
}
