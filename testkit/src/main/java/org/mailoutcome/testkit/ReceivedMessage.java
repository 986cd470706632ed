package org.mailoutcome.testkit;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * A message the server received, with its envelope, as an immutable value.
 *
 * <p>A message is recorded when the reply to its end of data, or to its last {@code BDAT} chunk, is a {@code 2yz}
 * (default or scripted), or when no reply with a code was sent at all ({@link Rule#closeBeforeReply()},
 * {@link Rule#truncated()}, {@link Rule#garbage()}): then the server did get the message but the client cannot know,
 * and {@link #maybeDelivered()} is {@code true}. A {@code 4yz} or {@code 5yz} reply means it was not recorded. The
 * message is recorded before the reply is written, so it is in {@link SmtpServer#messages()} by the time a client has
 * read the reply.
 *
 * @param id the server's queue id, unique in the JVM; the default reply is {@code 250 2.0.0 Ok: queued as <id>}
 * @param envelopeFrom the reverse path of {@code MAIL FROM}, without {@code <>}; empty for the null reverse path
 *     (and when a scripted reply let {@code DATA} through without {@code MAIL})
 * @param envelopeRecipients the recipients accepted with a {@code 2yz} reply, in order, without {@code <>}
 * @param bytes the message data after dot-unstuffing, line endings as sent; or the octets of its {@code BDAT} chunks
 *     joined, exactly as sent (chunks are not dot-stuffed); read it through {@link #bytes()}, which returns a copy
 * @param maybeDelivered {@code true} when the server closed the connection or wrote no valid reply after the end of
 *     data: the "maybe delivered" case of a lost reply
 * @param session the session the message came in, as a snapshot taken when the message was recorded (before the
 *     reply to its end of data)
 */
public record ReceivedMessage(String id, String envelopeFrom, List<String> envelopeRecipients, byte[] bytes,
        boolean maybeDelivered, SmtpSession session) {

    /**
     * Checks and copies the components.
     *
     * @param id the queue id
     * @param envelopeFrom the reverse path
     * @param envelopeRecipients the accepted recipients
     * @param bytes the message data; copied
     * @param maybeDelivered whether no valid reply followed the data
     * @param session the session snapshot
     */
    public ReceivedMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(envelopeFrom, "envelopeFrom");
        envelopeRecipients = List.copyOf(envelopeRecipients);
        bytes = bytes.clone();
        Objects.requireNonNull(session, "session");
    }

    /**
     * The message data after dot-unstuffing.
     *
     * @return a copy of the bytes
     */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * The message data as text.
     *
     * @return the bytes decoded as UTF-8
     */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Parses the message data.
     *
     * @return a new {@link MimeMessage} on each call
     * @throws IllegalStateException if Jakarta Mail cannot parse the data
     */
    public MimeMessage mimeMessage() {
        try {
            return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot parse message " + id + " as MIME", e);
        }
    }

    /**
     * Compares all components, the bytes by content.
     *
     * @param o the other object
     * @return {@code true} if equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ReceivedMessage m && id.equals(m.id) && envelopeFrom.equals(m.envelopeFrom)
                && envelopeRecipients.equals(m.envelopeRecipients) && Arrays.equals(bytes, m.bytes)
                && maybeDelivered == m.maybeDelivered && session.equals(m.session);
    }

    /**
     * Hashes all components, the bytes by content.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(id, envelopeFrom, envelopeRecipients, Arrays.hashCode(bytes), maybeDelivered, session);
    }

    /**
     * Describes the message without its data or session.
     *
     * @return the id, envelope, size and flag
     */
    @Override
    public String toString() {
        return "ReceivedMessage[id=" + id + ", from=<" + envelopeFrom + ">, to=" + envelopeRecipients
                + ", " + bytes.length + " bytes" + (maybeDelivered ? ", maybe delivered" : "") + "]";
    }
}
