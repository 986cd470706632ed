package org.mailoutcome.jdbc;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The JDBC DeliveryStore on an H2 file, reopened from the file. */
class H2DeliveryStoreIT extends JdbcDeliveryStoreContract {
    @Override
    Database open(ExtensionContext context) throws Exception {
        Path file = Files.createTempDirectory(Files.createDirectories(Path.of("target", "h2")), "store")
                .resolve("mail-outcome");
        return new Database("jdbc:h2:file:" + file.toAbsolutePath());
    }
}
