package org.mailoutcome.jakarta.internal;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Checks a message and resolves its envelope recipients the way {@code Transport.send} does. */
public final class Envelope {
    private Envelope() {
    }

    /**
     * The recipients: groups expanded, duplicates (compared case-insensitively) sent once, in order.
     *
     * @throws IllegalArgumentException for no recipient or a recipient that is not an Internet address
     */
    public static List<InternetAddress> recipients(Address[] addresses) {
        if (addresses == null || addresses.length == 0) {
            throw new IllegalArgumentException("message has no recipients");
        }
        Map<String, InternetAddress> unique = new LinkedHashMap<>();
        for (Address address : addresses) {
            for (InternetAddress a : expand(Objects.requireNonNull(address, "recipient address"))) {
                unique.putIfAbsent(a.getAddress().toLowerCase(Locale.ROOT), a);
            }
        }
        if (unique.isEmpty()) throw new IllegalArgumentException("message has no recipients (only empty groups)");
        return new ArrayList<>(unique.values());
    }

    /** The message's recipients (To, Cc, Bcc). */
    public static List<InternetAddress> recipients(Message message) {
        try {
            return recipients(message.getAllRecipients());
        } catch (MessagingException e) {
            throw new IllegalArgumentException("cannot read the message's recipients: " + e.getMessage(), e);
        }
    }

    /**
     * Checks that the message can be sent by SMTP and has a sender, then calls {@code saveChanges()} once (as
     * {@code Transport.send} does), so the Message-ID stays the same across every later attempt.
     *
     * @throws IllegalArgumentException for a message that is not MIME, has no sender, or cannot be prepared
     */
    public static MimeMessage prepare(Message message, Session session) {
        Objects.requireNonNull(message, "message");
        if (!(message instanceof MimeMessage mime)) {
            throw new IllegalArgumentException("SMTP can send only MimeMessage: " + message.getClass().getName());
        }
        try {
            Address[] from = message.getFrom();
            boolean hasFrom = from != null && from.length > 0;
            if (!hasFrom && session.getProperty("mail.smtp.from") == null) {
                throw new IllegalArgumentException("message has no sender: set From or mail.smtp.from");
            }
            mime.saveChanges();
            return mime;
        } catch (MessagingException e) {
            throw new IllegalArgumentException("message cannot be prepared for sending: " + e.getMessage(), e);
        }
    }

    private static List<InternetAddress> expand(Address address) {
        if (!(address instanceof InternetAddress ia)) {
            throw new IllegalArgumentException("not an Internet address: " + address);
        }
        if (!ia.isGroup()) return List.of(ia);
        try {
            InternetAddress[] members = ia.getGroup(false);
            return members == null ? List.of() : List.of(members);
        } catch (AddressException e) {
            throw new IllegalArgumentException("bad group address " + ia + ": " + e.getMessage(), e);
        }
    }
}
