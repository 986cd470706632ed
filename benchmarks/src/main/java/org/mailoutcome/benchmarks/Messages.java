package org.mailoutcome.benchmarks;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

/** Builds the messages every client sends: the same sender, recipients and plain-text body of a given size. */
public final class Messages {
    /** The envelope sender, a domain Postfix does not check. */
    public static final String FROM = "sender@client.test";
    /** Local users of the project's Postfix recipe, which allows at most 3 recipients per message. */
    public static final List<String> LOCAL_USERS = List.of("alice@lab.test", "bob@lab.test", "postmaster@lab.test");

    private final List<String> to;
    private final String body;

    /**
     * A factory of messages.
     *
     * @param to the recipients, at least one
     * @param bodyBytes the size of the body: 7-bit text in lines of 76 characters
     */
    public Messages(List<String> to, int bodyBytes) {
        if (to.isEmpty()) throw new IllegalArgumentException("to must not be empty");
        this.to = List.copyOf(to);
        this.body = body(bodyBytes);
    }

    /**
     * A new message, not yet saved: {@code Transport.send}, the mailer and the careful user call
     * {@code saveChanges()}.
     *
     * @param session the session
     * @return the message
     * @throws MessagingException if Jakarta Mail refuses an address or the body
     */
    public MimeMessage create(Session session) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(FROM));
        for (String address : to) message.addRecipient(Message.RecipientType.TO, new InternetAddress(address));
        message.setSubject("mail-outcome benchmark");
        message.setText(body, "us-ascii");
        return message;
    }

    private static String body(int bytes) {
        StringBuilder out = new StringBuilder(bytes);
        String line = "The quick brown fox jumps over the lazy dog; 0123456789 abcdefghijklmnopqrst\n";
        while (out.length() + line.length() <= bytes) out.append(line);
        while (out.length() < bytes) out.append(out.length() == bytes - 1 ? '\n' : 'x');
        return out.toString();
    }
}
