/**
 * The {@code mail-outcome} command-line tool: classify and explain replies, send and probe with a per-recipient
 * report, read bounces and providers' events, run durable retries, and a demo on an embedded server.
 */
module org.mailoutcome.cli {
    requires org.mailoutcome;
    requires org.mailoutcome.jakarta;
    requires org.mailoutcome.bounce;
    requires org.mailoutcome.testkit;
    requires org.mailoutcome.jdbc;
    requires org.mailoutcome.providers;
    requires info.picocli;

    // picocli reads the commands' annotated fields and creates the mixins
    opens org.mailoutcome.cli to info.picocli;
}
