package org.mailoutcome.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL 15 of a test run, started with {@code jdbc/postgres/start.sh} on 127.0.0.1 and a free port.
 * Each test gets a schema of its own ({@link #freshSchemaUrl()}), so tests never see each other's rows.
 */
final class PostgresServer implements AutoCloseable {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private final Path scripts;
    private final Path run;
    private final int port;

    private PostgresServer(Path scripts, Path run, int port) {
        this.scripts = scripts;
        this.run = run;
        this.port = port;
    }

    static PostgresServer start(Path scripts, Path run) {
        int port = freePort();
        String out = script(scripts.resolve("start.sh"), run.toString(), Integer.toString(port));
        System.out.print("jdbc: " + out);
        return new PostgresServer(scripts, run, port);
    }

    int port() {
        return port;
    }

    /** The URL of the {@code postgres} database. */
    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    /** A new empty schema, and a URL whose connections use it. */
    String freshSchemaUrl() {
        String schema = "t" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url());
                PreparedStatement ps = c.prepareStatement("CREATE SCHEMA " + schema)) {
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + ": " + e.getMessage(), e);
        }
        return url() + "&currentSchema=" + schema;
    }

    @Override
    public void close() {
        script(scripts.resolve("stop.sh"), run.toString());
    }

    /** Runs a project script; its failure, with its output, fails the test that asked for the server. */
    private static String script(Path script, String... args) {
        try {
            ProcessBuilder pb = new ProcessBuilder(script.toString());
            pb.command().addAll(java.util.List.of(args));
            pb.environment().put("FSYNC", "off");
            pb.redirectErrorStream(true);
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(script + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + script, e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The run directory, or one under /var/tmp when the postgres user could not enter it (a checkout below a
     * 0700 directory such as /root or a {@code mktemp -d}).
     */
    static Path reachable(Path run) {
        Path absolute = run.toAbsolutePath().normalize();
        for (Path p = absolute; p != null; p = p.getParent()) {
            try {
                if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return Path.of("/var/tmp", "mail-outcome-postgres-" + Integer.toHexString(absolute.toString().hashCode()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the permissions of " + p, e);
            }
        }
        return absolute;
    }
}
