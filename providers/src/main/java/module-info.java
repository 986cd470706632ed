/**
 * mail-outcome providers: email service providers' event webhooks (Amazon SES via SNS, SendGrid, Mailgun,
 * Postmark, SparkPost, Mailjet) verified and parsed into typed per-recipient events, the remote replies classified
 * by core. No web framework: usable from a servlet, a Lambda handler or any HTTP stack.
 */
module org.mailoutcome.providers {
    requires transitive org.mailoutcome;
    requires transitive org.mailoutcome.tracking;
    requires com.google.gson;
    requires java.net.http;

    exports org.mailoutcome.providers;
}
