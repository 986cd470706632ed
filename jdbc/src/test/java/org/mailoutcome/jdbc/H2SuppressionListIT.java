package org.mailoutcome.jdbc;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.mailoutcome.tracking.SuppressionList;
import org.mailoutcome.tracking.SuppressionPolicy;

/** The suppression-list contract on an H2 file, a new file per test. */
class H2SuppressionListIT extends SuppressionListContract {
    private Database db;

    @Override
    SuppressionList list(SuppressionPolicy policy) throws Exception {
        Path file = Files.createTempDirectory(Files.createDirectories(Path.of("target", "h2")), "suppressions")
                .resolve("mail-outcome");
        db = new Database("jdbc:h2:file:" + file.toAbsolutePath());
        return JdbcSuppressionList.builder(db.dataSource()).policy(policy).build();
    }

    @AfterEach
    void close() {
        if (db != null) db.close();
    }
}
