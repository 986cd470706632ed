/** Runnable examples of mail-outcome, one per use case, each against an embedded SMTP server. */
module org.mailoutcome.samples {
    requires org.mailoutcome;
    requires org.mailoutcome.jakarta;
    requires org.mailoutcome.testkit;

    exports org.mailoutcome.samples;
}
