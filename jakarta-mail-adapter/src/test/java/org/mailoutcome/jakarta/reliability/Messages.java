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
