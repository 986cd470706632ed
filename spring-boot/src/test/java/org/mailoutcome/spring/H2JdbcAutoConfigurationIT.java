package org.mailoutcome.spring;

import java.util.concurrent.atomic.AtomicInteger;

/** The JDBC auto-configuration on an in-memory H2 database, one per test. */
class H2JdbcAutoConfigurationIT extends JdbcAutoConfigurationContract {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    String newDatabaseUrl() {
        return "jdbc:h2:mem:spring" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    }
}
