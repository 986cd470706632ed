package org.mailoutcome.cli;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Builds the messages the tool sends. */
final class Messages {
    private Messages() {
    }

    static MimeMessage create(Session session, String from, List<String> to, String subject, String body)
            throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from, true));
        for (String address : to) message.addRecipient(Message.RecipientType.TO, new InternetAddress(address, true));
        message.setSubject(subject, "UTF-8");
        message.setText(body, "UTF-8");
        return message;
    }

    static MimeMessage fromFile(Session session, Path eml) throws MessagingException, IOException {
        try (InputStream in = Files.newInputStream(eml)) {
            return new MimeMessage(session, in);
        }
    }
}
