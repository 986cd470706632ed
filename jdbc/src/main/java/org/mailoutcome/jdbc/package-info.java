/**
 * Durable, cluster-safe retries for {@code OutcomeMailer} on db-scheduler and JDBC (H2 embedded by default,
 * PostgreSQL for real), with a ledger that keeps a recipient from getting a send twice.
 *
 * <p>Parameters and return values are never null; absent values are {@code Optional}. {@link
 * org.mailoutcome.jdbc.JdbcRetries} and {@link org.mailoutcome.jdbc.RetryWorker} are thread-safe.
 */
package org.mailoutcome.jdbc;
