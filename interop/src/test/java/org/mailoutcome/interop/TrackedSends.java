package org.mailoutcome.interop;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.tracking.DeliveryStore;
import org.mailoutcome.tracking.Fate;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.Tracking;

/** Tracked sends of the bounce-tracking tests, from the sender whose notices the servers route to the suite. */
final class TrackedSends {
    /** The tracked sender: the servers deliver the notices for {@code sender.test} to the suite's notice server. */
    static final String TRACKER = "tracker@sender.test";

    private TrackedSends() {
    }

    /**
     * Sends from {@link #TRACKER} to a server on loopback, printing the outcomes; the send as recorded.
     *
     * @param notify the notices to ask for ({@code mail.smtp.dsn.notify}, e.g. {@code "FAILURE,DELAY"}); none
     *     when empty
     */
    static SentMessage send(int port, String notify, Tracking tracking, String scenario, String... to)
            throws MessagingException {
        Properties props = Mails.properties(port);
        if (!notify.isEmpty()) props.setProperty("mail.smtp.dsn.notify", notify);
        Session session = Session.getInstance(props);
        MimeMessage message = Mails.message(session, to);
        message.setFrom(new InternetAddress(TRACKER));
        try (OutcomeMailer mailer = OutcomeMailer.builder(session).tracking(tracking).build()) {
            DeliveryReport report = Scenarios.print(scenario, mailer.send(message));
            assertThat(report.isFullyAccepted()).isTrue();
            return tracking.store().findByMessageId(report.messageId().orElseThrow()).get(0);
        }
    }

    /** The recipient's fate as the store has it now. */
    static Fate fate(DeliveryStore store, SentMessage sent, String recipient) {
        return store.find(sent.id()).orElseThrow().recipient(recipient).orElseThrow().fate();
    }

    /** A fate in a few words: its name, and a bounce's outcome and reason. */
    static String describe(Fate fate) {
        return fate instanceof Fate.Bounced b ? "Bounced " + b.outcome().name() + " " + b.outcome().reason()
                : fate.name();
    }
}
