/** Runnable examples and the mail-outcome command-line tool. */
module org.mailoutcome.samples {
    requires org.mailoutcome;
    requires org.mailoutcome.jakarta;
    requires org.mailoutcome.bounce;
    requires org.mailoutcome.testkit;
    requires org.mailoutcome.jdbc;
    requires info.picocli;

    exports org.mailoutcome.samples;

    // picocli reads the commands' annotated fields and creates the mixins
    opens org.mailoutcome.samples.cli to info.picocli;
}
