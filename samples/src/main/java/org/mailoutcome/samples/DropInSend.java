package org.mailoutcome.samples;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.jakarta.RecipientOutcome;
import org.mailoutcome.testkit.SmtpServer;
import org.mailoutcome.testkit.Verb;

/**
 * Sample: {@code OutcomeMailer.send} in place of {@code Transport.send}, and reading the report.
 * Runs against an embedded scripted server; point the session at your own server to try it for real.
 */
public final class DropInSend {
    private DropInSend() {
    }

    /**
     * Runs the sample.
     *
     * @param args unused
     * @throws Exception if the message cannot be built
     */
    public static void main(String[] args) throws Exception {
        try (SmtpServer server = SmtpServer.start()) {
            server.on(Verb.RCPT, "unverified@example.test").reply("252 2.1.5 Cannot VRFY user, but will attempt delivery");
            server.on(Verb.RCPT, "moved@example.test").reply("551 5.1.6 User not local; please try <new@example.test>");
            Session session = Session.getInstance(server.clientProperties());

            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress("me@example.test"));
            message.setRecipients(Message.RecipientType.TO, "ok@example.test, unverified@example.test, moved@example.test");
            message.setSubject("Hello");
            message.setText("Hello from mail-outcome.");

            try (OutcomeMailer mailer = OutcomeMailer.create(session)) {   // once per application
                DeliveryReport report = mailer.send(message);               // instead of Transport.send(message)
                for (RecipientOutcome r : report.recipients()) {
                    DeliveryOutcome outcome = r.outcome();
                    System.out.printf("%-24s %-20s %s%n", r.address().getAddress(), outcome.name(),
                            outcome.forwardPath().map(p -> "moved to " + p).orElse(outcome.disposition().toString()));
                }
                System.out.println("fully accepted: " + report.isFullyAccepted() + ", queue id: " + report.queueId());
            }
        }
    }
}
