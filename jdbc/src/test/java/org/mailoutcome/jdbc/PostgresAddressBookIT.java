package org.mailoutcome.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.tracking.AddressBook;

/** The address-book contract on PostgreSQL 15, a schema per test. */
class PostgresAddressBookIT extends AddressBookContract {
    private ExtensionContext context;
    private Database db;

    @RegisterExtension
    final BeforeEachCallback remember = c -> context = c;

    @Override
    AddressBook book() {
        db = new Database(PostgresExtension.server(context).freshSchemaUrl());
        return JdbcAddressBook.create(db.dataSource());
    }

    @AfterEach
    void close() {
        if (db != null) db.close();
    }
}
