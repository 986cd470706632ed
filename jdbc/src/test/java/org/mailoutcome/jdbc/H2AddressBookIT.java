package org.mailoutcome.jdbc;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.mailoutcome.tracking.AddressBook;

/** The address-book contract on an H2 file, a new file per test. */
class H2AddressBookIT extends AddressBookContract {
    private Database db;

    @Override
    AddressBook book() throws Exception {
        Path file = Files.createTempDirectory(Files.createDirectories(Path.of("target", "h2")), "book")
                .resolve("mail-outcome");
        db = new Database("jdbc:h2:file:" + file.toAbsolutePath());
        return JdbcAddressBook.create(db.dataSource());
    }

    @AfterEach
    void close() {
        if (db != null) db.close();
    }
}
