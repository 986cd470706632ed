package org.mailoutcome.jakarta;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Properties;
import org.mailoutcome.testkit.SmtpServer;

/** Test messages and sessions. */
final class Mails {
    private Mails() {
    }

    static Session session(SmtpServer server) {
        return Session.getInstance(server.clientProperties());
    }

    static Session session(String host, int port) {
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", host);
        props.setProperty("mail.smtp.port", Integer.toString(port));
        return Session.getInstance(props);
    }

    static MimeMessage message(Session session, String... to) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress("sender@client.test"));
            message.setRecipients(Message.RecipientType.TO, Arrays.stream(to).map(Mails::address)
                    .toArray(InternetAddress[]::new));
            message.setSubject("mail-outcome test");
            message.setText("Hello from mail-outcome.\r\n");
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static InternetAddress address(String address) {
        try {
            return new InternetAddress(address);
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Every RCPT command the server received, in order. */
    static java.util.List<String> rcpts(SmtpServer server) {
        return server.sessions().stream().flatMap(s -> s.commands().stream()).filter(c -> c.startsWith("RCPT"))
                .toList();
    }
}
