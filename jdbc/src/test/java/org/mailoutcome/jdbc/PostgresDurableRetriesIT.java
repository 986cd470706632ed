package org.mailoutcome.jdbc;

import org.junit.jupiter.api.extension.ExtensionContext;

/** The durable-retry suite on PostgreSQL 15 (started by {@code jdbc/postgres/start.sh}), a schema per test. */
class PostgresDurableRetriesIT extends DurableRetriesContract {
    @Override
    Database open(ExtensionContext context) {
        return new Database(PostgresExtension.server(context).freshSchemaUrl());
    }
}
