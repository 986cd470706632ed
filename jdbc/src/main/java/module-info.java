/**
 * mail-outcome JDBC: durable retries on db-scheduler with a per-recipient ledger, on H2 or PostgreSQL.
 */
module org.mailoutcome.jdbc {
    requires transitive org.mailoutcome.jakarta;
    requires transitive java.sql;
    requires com.github.kagkarlsson.scheduler;
    requires com.h2database;
    requires org.slf4j;

    exports org.mailoutcome.jdbc;
}
