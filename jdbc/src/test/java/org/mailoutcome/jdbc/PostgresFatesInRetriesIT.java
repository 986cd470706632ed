package org.mailoutcome.jdbc;

import org.junit.jupiter.api.extension.ExtensionContext;

/** Durable retries of tracked sends with a suppression list and an address book, on PostgreSQL 15. */
class PostgresFatesInRetriesIT extends FatesInRetriesContract {
    @Override
    Database open(ExtensionContext context) {
        return new Database(PostgresExtension.server(context).freshSchemaUrl());
    }
}
