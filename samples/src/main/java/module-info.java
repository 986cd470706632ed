/** Runnable examples and the mail-outcome command-line tool. */
module org.mailoutcome.samples {
    requires org.mailoutcome;
    requires org.mailoutcome.jakarta;
    requires org.mailoutcome.testkit;

    exports org.mailoutcome.samples;
}
