/**
 * Durable, cluster-safe retries for {@code OutcomeMailer} on db-scheduler and JDBC (H2 embedded by default,
 * PostgreSQL for real), with a ledger that keeps a recipient from getting a send twice; and, in the same database,
 * the delivery records ({@link org.mailoutcome.jdbc.JdbcDeliveryStore}), the suppression list
 * ({@link org.mailoutcome.jdbc.JdbcSuppressionList}), the address book ({@link org.mailoutcome.jdbc.JdbcAddressBook})
 * and the history of an address ({@link org.mailoutcome.jdbc.JdbcHistory}), shared by every instance on it.
 *
 * <p>Parameters and return values are never null; absent values are {@code Optional}. {@link
 * org.mailoutcome.jdbc.JdbcRetries}, {@link org.mailoutcome.jdbc.RetryWorker} and the stores are thread-safe.
 */
package org.mailoutcome.jdbc;
