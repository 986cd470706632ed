package org.mailoutcome.jdbc;

import org.junit.jupiter.api.extension.ExtensionContext;

/** The JDBC DeliveryStore on PostgreSQL 15, a schema per test. */
class PostgresDeliveryStoreIT extends JdbcDeliveryStoreContract {
    @Override
    Database open(ExtensionContext context) {
        return new Database(PostgresExtension.server(context).freshSchemaUrl());
    }
}
