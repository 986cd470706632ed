/**
 * A scriptable SMTP server for tests; see {@link org.mailoutcome.testkit.SmtpServer}. Its JUnit 5 extension is in
 * the module {@code org.mailoutcome.testkit.junit5}, so that the server itself needs no test framework.
 */
module org.mailoutcome.testkit {
    requires transitive jakarta.mail;

    exports org.mailoutcome.testkit;
}
