/**
 * The JUnit 5 extension of the testkit, {@link org.mailoutcome.testkit.junit5.SmtpServerExtension}, kept apart from
 * the server so that code using the server outside tests (a demo, a command-line tool) ships no test framework.
 *
 * <p>No method returns {@code null}; a {@code null} argument throws {@link NullPointerException}. The extension is
 * safe to use from the test's threads.
 */
package org.mailoutcome.testkit.junit5;
