package org.mailoutcome.testkit;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/** Builds messages for Jakarta Mail (Angus) clients in tests. */
final class Mails {

    private Mails() {
    }

    static Session session(Properties properties) {
        return Session.getInstance(properties);
    }

    static MimeMessage message(Session session, String from, String... to) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        for (String recipient : to) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        }
        message.setSubject("testkit");
        message.setText("Hello from the testkit.\n.leading dot line\n");
        return message;
    }
}
