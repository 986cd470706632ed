package org.mailoutcome.jakarta.reliability;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.RecipientOutcome;
import org.mailoutcome.testkit.ReceivedMessage;

/** Test messages and the checks every reliability test shares. */
final class Messages {
    static final String SENDER = "sender@client.test";

    private Messages() {
    }

    static List<String> recipients(int count) {
        List<String> list = new ArrayList<>();
        for (int i = 1; i <= count; i++) list.add("r" + i + "@example.test");
        return list;
    }

    static MimeMessage message(Session session, String subject, List<String> to) {
        return message(session, subject, to, "Hello from the reliability suite.\r\n");
    }

    static MimeMessage message(Session session, String subject, List<String> to, String body) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(SENDER));
            InternetAddress[] addresses = new InternetAddress[to.size()];
            for (int i = 0; i < addresses.length; i++) addresses[i] = new InternetAddress(to.get(i));
            message.setRecipients(Message.RecipientType.TO, addresses);
            message.setSubject(subject);
            message.setText(body);
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Scripts every kind of RCPT reply for {@code r2} to {@code r6} (of {@link #recipients} 6): 251 with a forward
     * path, 252, 550, 551 with a forward path, 451; {@code r1} is accepted with 250.
     */
    static void everyKindOfRcptReply(org.mailoutcome.testkit.SmtpServer s) {
        s.on(org.mailoutcome.testkit.Verb.RCPT, "r2@*")
                .reply("251 2.1.5 User not local; will forward to <r2@new.example.test>");
        s.on(org.mailoutcome.testkit.Verb.RCPT, "r3@*").reply("252 2.1.5 Cannot VRFY user, but will accept message");
        s.on(org.mailoutcome.testkit.Verb.RCPT, "r4@*")
                .reply("550 5.1.1 <r4@example.test>: Recipient address rejected: unknown");
        s.on(org.mailoutcome.testkit.Verb.RCPT, "r5@*").reply("551 5.1.6 User not local; please try <r5@new.example.test>");
        s.on(org.mailoutcome.testkit.Verb.RCPT, "r6@*").reply("451 4.7.1 Greylisted, please try again later");
    }

    /** The subject the server received, or "" when the data does not parse. */
    static String subject(ReceivedMessage message) {
        try {
            String subject = message.mimeMessage().getSubject();
            return subject == null ? "" : subject;
        } catch (MessagingException | IllegalStateException e) {
            return "";
        }
    }

    /** The envelope addresses of a report, in order. */
    static List<String> addresses(DeliveryReport report) {
        return report.recipients().stream().map(RecipientOutcome::address).map(InternetAddress::getAddress).toList();
    }
}
