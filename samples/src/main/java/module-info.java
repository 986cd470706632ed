/** Runnable examples of mail-outcome, one per use case, each against an embedded server. */
module org.mailoutcome.samples {
    requires org.mailoutcome;
    requires org.mailoutcome.jakarta;
    requires org.mailoutcome.testkit;
    requires org.mailoutcome.providers;
    requires jdk.httpserver;
    requires java.net.http;

    exports org.mailoutcome.samples;
}
