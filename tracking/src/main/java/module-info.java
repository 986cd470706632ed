/**
 * mail-outcome tracking: the model of a send after the SMTP conversation, shared by the mailer that records sends
 * and the bounce tracker that reads notices against them, so that neither depends on the other. No dependency but
 * core.
 */
module org.mailoutcome.tracking {
    requires transitive org.mailoutcome;

    exports org.mailoutcome.tracking;
}
