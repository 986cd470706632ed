package org.mailoutcome.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL 15 (Debian's packages) on {@code 127.0.0.1} and a free port, started from the recipe packaged
 * with this module ({@code recipes/postgres}) with its data, socket and log in a fresh {@link RunDirectory},
 * removed when the server is closed. Data is throw-away: {@code fsync} is off. Each test takes a schema of its
 * own ({@link #freshSchemaUrl()}), so tests never see each other's rows. The JDBC driver must be on the class
 * path of the caller.
 *
 * <pre>{@code
 * try (PostgresServer postgres = PostgresServer.start()) {
 *     DataSource ds = ...(postgres.freshSchemaUrl());
 * }
 * }</pre>
 */
public final class PostgresServer implements AutoCloseable {
    private static final List<String> RECIPE = List.of("start.sh", "stop.sh");
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(120);
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private final RunDirectory run;
    private final Recipe recipe;
    private final int port;

    private PostgresServer(RunDirectory run, int port) {
        this.run = run;
        this.recipe = Recipe.copy("postgres", RECIPE, run.path().resolve("recipe"));
        this.port = port;
    }

    /**
     * Starts PostgreSQL on a free port.
     *
     * @return the running server
     * @throws IllegalStateException when PostgreSQL is missing ({@code .ci/postgres-install} installs it) or does
     *     not start, with the script's output
     */
    public static PostgresServer start() {
        return start(Map.of("FSYNC", "off"));
    }

    /**
     * Starts PostgreSQL on a free port with {@code fsync} on, as a benchmark of durable writes wants it.
     *
     * @return the running server
     * @throws IllegalStateException when PostgreSQL is missing or does not start, with the script's output
     */
    public static PostgresServer startDurable() {
        return start(Map.of("FSYNC", "on"));
    }

    private static PostgresServer start(Map<String, String> env) {
        PostgresServer server = new PostgresServer(RunDirectory.create("pg"), FreePorts.one());
        server.recipe.run("start.sh", SCRIPT_TIMEOUT, env, server.run.toString(), Integer.toString(server.port))
                .ifPresent(failure -> {
                    server.run.close();
                    throw new IllegalStateException("PostgreSQL did not start: " + failure);
                });
        System.out.println(server.recipe.output("start.sh"));
        return server;
    }

    /**
     * The port it listens on, on {@code 127.0.0.1}.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * The URL of the {@code postgres} database, as user {@code postgres} (trust authentication on loopback).
     *
     * @return a JDBC URL
     */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    /**
     * Creates a new empty schema and returns a URL whose connections use it.
     *
     * @return a JDBC URL with {@code currentSchema} set
     * @throws IllegalStateException when the schema cannot be created
     */
    public String freshSchemaUrl() {
        String schema = "t" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url());
                PreparedStatement ps = c.prepareStatement("CREATE SCHEMA " + schema)) {
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + ": " + e.getMessage(), e);
        }
        return url() + "&currentSchema=" + schema;
    }

    /**
     * Stops PostgreSQL and removes its run directory.
     *
     * @throws IllegalStateException when {@code stop.sh} fails, with its output
     */
    @Override
    public void close() {
        recipe.run("stop.sh", SCRIPT_TIMEOUT, Map.of(), run.toString()).ifPresent(failure -> {
            throw new IllegalStateException("PostgreSQL did not stop: " + failure);
        });
        run.close();
    }
}
