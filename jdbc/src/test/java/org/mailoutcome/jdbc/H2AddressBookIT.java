package org.mailoutcome.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.mailoutcome.tracking.AddressBook;

/** The address-book contract on an H2 file, a new file per test. */
class H2AddressBookIT extends AddressBookContract {
    private Database db;

    @Override
    AddressBook book() throws Exception {
        db = Database.h2("book");
        return JdbcAddressBook.create(db.dataSource());
    }

    @AfterEach
    void close() {
        if (db != null) db.close();
    }
}
