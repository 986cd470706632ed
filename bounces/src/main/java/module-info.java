/**
 * mail-outcome bounces: parses delivery status notifications, complaint reports and auto-replies into typed
 * per-recipient outcomes classified by core.
 */
module org.mailoutcome.bounce {
    requires transitive org.mailoutcome;
    requires transitive jakarta.mail;
    requires org.eclipse.angus.mail;

    requires transitive org.mailoutcome.tracking;
    requires org.slf4j;

    exports org.mailoutcome.bounce;
    exports org.mailoutcome.bounce.tracking;
}
