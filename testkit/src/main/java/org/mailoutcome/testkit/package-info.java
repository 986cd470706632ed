/**
 * A scriptable SMTP server for tests: answer any command with any reply, inject faults, and assert what the server
 * really received.
 *
 * <p>Start a server with {@link org.mailoutcome.testkit.SmtpServer#start()} or
 * {@link org.mailoutcome.testkit.SmtpServer#builder()}, or register the JUnit 5 extension of the
 * {@code mail-outcome-testkit-junit5} module in a test class. Script replies with
 * {@link org.mailoutcome.testkit.SmtpServer#on(Verb, String)}; read what was received with
 * {@link org.mailoutcome.testkit.SmtpServer#messages()} and {@link org.mailoutcome.testkit.SmtpServer#sessions()}.
 *
 * <p><b>Nulls:</b> no method of this package returns {@code null}; absent values are {@link java.util.Optional}.
 * Arguments must not be {@code null} unless a method says so ({@code argumentPattern} of
 * {@link org.mailoutcome.testkit.SmtpServer#on(Verb, String)} is the one exception); a {@code null} argument throws
 * {@link NullPointerException} naming it.
 *
 * <p><b>Threads:</b> {@link org.mailoutcome.testkit.SmtpServer} and {@link org.mailoutcome.testkit.Gate} are safe to
 * use from any thread, while clients are connected: rules may be added, and recordings read, at any time. Recordings
 * ({@link org.mailoutcome.testkit.SmtpSession}, {@link org.mailoutcome.testkit.ReceivedMessage}) are immutable
 * snapshots. The builders ({@link org.mailoutcome.testkit.SmtpServer.Builder}, {@link org.mailoutcome.testkit.Rule})
 * are meant for one thread. Every thread the server starts is a daemon thread and ends in
 * {@link org.mailoutcome.testkit.SmtpServer#close()}.
 */
package org.mailoutcome.testkit;
