/**
 * A JUnit 5 extension for the mail-outcome testkit: {@link org.mailoutcome.testkit.junit5.SmtpServerExtension}
 * runs an {@link org.mailoutcome.testkit.SmtpServer} per test class (reset before each test) or per test.
 */
module org.mailoutcome.testkit.junit5 {
    requires transitive org.mailoutcome.testkit;
    requires transitive org.junit.jupiter.api;

    exports org.mailoutcome.testkit.junit5;
}
