package org.mailoutcome.interop;

import org.mailoutcome.testsupport.PostfixServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Properties;

/** Sessions for the suite's Postfix and the messages sent to it. */
final class Mails {
    /** The envelope sender of every message. */
    static final String SENDER = "sender@client.test";

    private Mails() {
    }

    /** A plain session to the trusted port. */
    static Session session(PostfixServer postfix) {
        return Session.getInstance(properties(postfix));
    }

    /** A session that must upgrade with STARTTLS, trusting Postfix's self-signed certificate for 127.0.0.1. */
    static Session startTlsSession(PostfixServer postfix) {
        Properties props = properties(postfix);
        props.setProperty("mail.smtp.starttls.enable", "true");
        props.setProperty("mail.smtp.starttls.required", "true");
        props.setProperty("mail.smtp.ssl.trust", PostfixServer.HOST);
        return Session.getInstance(props);
    }

    /** The session properties for the trusted port, with timeouts (Angus's are infinite). */
    static Properties properties(PostfixServer postfix) {
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", PostfixServer.HOST);
        props.setProperty("mail.smtp.port", Integer.toString(postfix.port()));
        props.setProperty("mail.smtp.connectiontimeout", "10000");
        props.setProperty("mail.smtp.timeout", "10000");
        props.setProperty("mail.smtp.writetimeout", "10000");
        return props;
    }

    /** A short text message from {@link #SENDER} to the given recipients, in that envelope order. */
    static MimeMessage message(Session session, String... to) {
        return message(session, "Hello from the mail-outcome interop suite.\r\n", to);
    }

    /** A text message of at least {@code bytes} bytes of 7-bit lines. */
    static MimeMessage bigMessage(Session session, int bytes, String... to) {
        String line = "0123456789".repeat(7) + "\r\n";
        return message(session, line.repeat(bytes / line.length() + 1), to);
    }

    private static MimeMessage message(Session session, String text, String... to) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(SENDER));
            message.setRecipients(Message.RecipientType.TO,
                    Arrays.stream(to).map(Mails::address).toArray(InternetAddress[]::new));
            message.setSubject("mail-outcome interop");
            message.setText(text, "us-ascii");
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static InternetAddress address(String address) {
        try {
            return new InternetAddress(address);
        } catch (AddressException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
