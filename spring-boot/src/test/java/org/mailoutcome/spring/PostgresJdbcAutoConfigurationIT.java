package org.mailoutcome.spring;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.mailoutcome.testsupport.PostgresServer;

/** The JDBC auto-configuration on a real PostgreSQL 15, a fresh schema per test. */
class PostgresJdbcAutoConfigurationIT extends JdbcAutoConfigurationContract {
    private static PostgresServer postgres;

    @BeforeAll
    static void start() {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stop() {
        if (postgres != null) postgres.close();
    }

    @Override
    String newDatabaseUrl() {
        return postgres.freshSchemaUrl();
    }
}
