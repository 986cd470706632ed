package org.mailoutcome.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.mailoutcome.jdbc.internal.Ledger;
import org.mailoutcome.jdbc.internal.TaskCodec;
import org.mailoutcome.jdbc.internal.TaskData;

/** A test's own database: a URL (for child JVMs) and a data source, which can be released for another JVM. */
final class Database implements AutoCloseable {
    private final String url;
    private DataSource dataSource;

    Database(String url) {
        this.url = url;
    }

    /** A new H2 file database under {@code target/h2}, its directory named after what it is for. */
    static Database h2(String what) throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory(java.nio.file.Files.createDirectories(
                java.nio.file.Path.of("target", "h2")), what);
        return new Database("jdbc:h2:file:" + dir.toAbsolutePath().resolve("mail-outcome"));
    }

    String url() {
        return url;
    }

    boolean isH2() {
        return url.startsWith("jdbc:h2:");
    }

    synchronized DataSource dataSource() {
        if (dataSource == null) dataSource = JdbcRetries.dataSource(url);
        return dataSource;
    }

    /** Closes this JVM's connections: an H2 file can then be opened by a child JVM. */
    synchronized void release() {
        if (dataSource instanceof JdbcConnectionPool pool) pool.dispose();
        dataSource = null;
    }

    /** The stored data of a round's task, if the task is there. */
    Optional<TaskData> task(String sendId, int round) throws SQLException {
        try (Connection c = dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT task_data FROM " + Ledger.TASKS_TABLE
                        + " WHERE task_instance = ?")) {
            ps.setString(1, Ledger.instance(sendId, round));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(TaskCodec.decode(rs.getBytes(1))) : Optional.empty();
            }
        }
    }

    @Override
    public void close() {
        release();
    }
}
