package org.mailoutcome.cli;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Properties;
import org.mailoutcome.bounce.tracking.DeliveryTracker;
import org.mailoutcome.bounce.tracking.FateListener;
import org.mailoutcome.bounce.tracking.IngestResult;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.tracking.Fate;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.Suppression;
import org.mailoutcome.tracking.TrackedRecipient;
import org.mailoutcome.tracking.Tracking;
import org.mailoutcome.testkit.DeliveryStatusNotice;
import org.mailoutcome.testkit.ReceivedMessage;
import org.mailoutcome.testkit.SmtpServer;
import org.mailoutcome.testkit.Verb;

/**
 * The demo's last step: the 252 recipient ("will attempt delivery") bounces later. Its bounce, a real-looking
 * RFC 3464 notification with the send's ENVID, goes through the embedded server to the envelope sender with
 * {@code MAIL FROM:<>}, as an MTA sends it; the tracker reads it from there and the recipient's fate becomes
 * bounced.
 */
final class DemoBounce {
    static final String RECIPIENT = "unverified@lab.test";
    private static final String SENDER = "sender@client.test";

    private DemoBounce() {
    }

    /** The embedded server advertises DSN, so the tracked send carries an ENVID. */
    static void script(SmtpServer server) {
        server.on(Verb.EHLO).reply("250-testkit.local", "250-SIZE 10240000", "250-DSN", "250-ENHANCEDSTATUSCODES",
                "250 8BITMIME");
    }

    /** Bounces the 252 recipient of the tracked send and prints how its fate changed. */
    static void run(SmtpServer server, Stores stores, DeliveryReport report, PrintStream out)
            throws MessagingException, IOException {
        Tracking tracking = stores.tracking();
        SentMessage sent = tracking.store().findByMessageId(report.messageId().orElseThrow()).get(0);
        DeliveryStatusNotice.Builder notice = DeliveryStatusNotice.builder("mx.lab.test").to(SENDER)
                .returnedMessageId(report.messageId().get()).recipient(RECIPIENT, "failed", "5.1.1",
                        "smtp; 550 5.1.1 <" + RECIPIENT + ">: Recipient address rejected: User unknown");
        sent.envelopeId().ifPresent(notice::envelopeId);
        deliver(server, notice.build());
        List<ReceivedMessage> received = server.messages(); // recorded before the end-of-data reply was sent
        ReceivedMessage bounce = received.get(received.size() - 1);
        DeliveryTracker tracker = DeliveryTracker.builder(tracking).suppressions(stores.suppressions())
                .addressBook(stores.addressBook()).listener(new FateListener() {
            @Override
            public void onBounced(SentMessage send, TrackedRecipient recipient, Fate.Bounced fate) {
                out.println("  onBounced(" + recipient.address() + "): " + fate.outcome().name() + " "
                        + fate.reason() + ", " + fate.outcome().reply().map(Object::toString).orElse(""));
            }

            @Override
            public void onSuppressed(Suppression entry) {
                out.println("  onSuppressed(" + entry.address() + "): " + entry.kind() + " " + entry.reason());
            }
        }).build();
        out.println("\nLater, " + RECIPIENT + " (252: \"will attempt delivery\") bounced. The bounce, an RFC 3464 "
                + "delivery status\nnotification, came through the embedded server to " + bounce.envelopeRecipients()
                + " with MAIL FROM:<" + bounce.envelopeFrom() + ">,\nand the tracker read it:");
        IngestResult result = tracker.ingest(bounce.mimeMessage());
        TrackedRecipient after = tracking.store().find(sent.id()).orElseThrow().recipient(RECIPIENT).orElseThrow();
        out.println("  matched to the send by " + ((IngestResult.Tracked) result).matchedBy() + " ("
                + sent.envelopeId().map(e -> "ENVID " + e).orElse("Message-ID " + report.messageId().get()) + ")");
        out.println("  " + RECIPIENT + ": " + after.outcome().name() + " at send -> fate " + after.fate().name());
    }

    /** Sends the notice as an MTA would: null sender, no new Message-ID. */
    private static void deliver(SmtpServer server, DeliveryStatusNotice notice) throws MessagingException {
        Properties props = server.clientProperties();
        props.setProperty("mail.smtp.from", "<>");
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(notice.bytes()));
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, new InternetAddress[] {new InternetAddress(SENDER)});
        }
    }
}
