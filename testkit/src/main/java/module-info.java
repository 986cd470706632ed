/**
 * A scriptable SMTP server for tests, with a JUnit 5 extension.
 *
 * <p>See {@link org.mailoutcome.testkit.SmtpServer} and {@link org.mailoutcome.testkit.SmtpServerExtension}.
 */
module org.mailoutcome.testkit {
    requires transitive jakarta.mail;
    requires transitive org.junit.jupiter.api;

    exports org.mailoutcome.testkit;
}
