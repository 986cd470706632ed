package org.mailoutcome.jdbc;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The durable-retry suite on an embedded H2 file database, a new file per test. */
class H2DurableRetriesIT extends DurableRetriesContract {
    @Override
    Database open(ExtensionContext context) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "h2"));
        Path file = Files.createTempDirectory(dir, "retries").resolve("mail-outcome");
        return new Database("jdbc:h2:file:" + file.toAbsolutePath());
    }
}
