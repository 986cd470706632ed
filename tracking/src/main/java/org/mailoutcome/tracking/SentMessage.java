package org.mailoutcome.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One tracked send, as the mailer records it when the send returns: its correlation keys and every envelope
 * recipient with its SMTP-time outcome and its fate.
 *
 * @param id the send's identity, unique in the store (letters and digits, at most 64)
 * @param messageId the Message-ID header sent, with its angle brackets ({@code "<abc@host>"}), if the message had
 *     one
 * @param envelopeId the RFC 3461 ENVID given with MAIL FROM; empty when the server did not advertise DSN, or
 *     tracking asked for none
 * @param verpToken the token of the VERP envelope sender ({@code bounces+TOKEN@domain}), if one was used
 * @param queueId the id the server gave in its reply to the end of data ({@code queued as ID}, SES's
 *     {@code 250 Ok ID}, which is the {@code mail.messageId} of SES's events), if it gave one
 * @param sentAt when the send started
 * @param server the server sent to, {@code host:port}
 * @param recipients every envelope recipient, in envelope order
 */
public record SentMessage(String id, Optional<String> messageId, Optional<String> envelopeId,
        Optional<String> verpToken, Optional<String> queueId, Instant sentAt, String server,
        List<TrackedRecipient> recipients) {

    /** The longest {@link #id()}: RFC 3461 allows 100 characters of ENVID; a local part has 64. */
    public static final int MAX_ID_LENGTH = 64;

    /**
     * Checks and copies the components.
     *
     * @param id the identity
     * @param messageId the Message-ID
     * @param envelopeId the ENVID
     * @param verpToken the VERP token
     * @param queueId the server's id of the message
     * @param sentAt when the send started
     * @param server the server
     * @param recipients the recipients
     * @throws IllegalArgumentException for an id that is empty, too long or not letters and digits, or no
     *     recipient
     */
    public SentMessage {
        checkId(id);
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(envelopeId, "envelopeId");
        Objects.requireNonNull(verpToken, "verpToken");
        Objects.requireNonNull(queueId, "queueId");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(server, "server");
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) throw new IllegalArgumentException("a sent message has recipients: " + id);
    }

    /**
     * A send without a queue id.
     *
     * @param id the identity
     * @param messageId the Message-ID
     * @param envelopeId the ENVID
     * @param verpToken the VERP token
     * @param sentAt when the send started
     * @param server the server
     * @param recipients the recipients
     */
    public SentMessage(String id, Optional<String> messageId, Optional<String> envelopeId, Optional<String> verpToken,
            Instant sentAt, String server, List<TrackedRecipient> recipients) {
        this(id, messageId, envelopeId, verpToken, Optional.empty(), sentAt, server, recipients);
    }

    /**
     * The recipient a notice names, by its envelope address or the address its last attempt went to.
     *
     * @param mailbox the address, compared case-insensitively
     * @return the recipient, or empty
     */
    public Optional<TrackedRecipient> recipient(String mailbox) {
        Objects.requireNonNull(mailbox, "mailbox");
        return recipients.stream().filter(r -> r.isAddressedAs(mailbox)).findFirst();
    }

    /**
     * Whether some recipient may still hear of a notice that changes its fate: one whose fate is not final.
     * A recipient whose fate is {@link Fate.Delivered} counts, as delivered is never final.
     *
     * @return true while any recipient's fate is not final
     */
    public boolean isUnresolved() {
        return recipients.stream().anyMatch(r -> !r.fate().isFinal());
    }

    /**
     * A copy with one recipient replaced (the one with the same envelope address), for stores.
     *
     * @param updated the new state of a recipient of this send
     * @return the updated send
     * @throws IllegalArgumentException when no recipient has that envelope address
     */
    public SentMessage with(TrackedRecipient updated) {
        List<TrackedRecipient> list = new ArrayList<>(recipients);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).address().equalsIgnoreCase(updated.address())) {
                list.set(i, updated);
                return new SentMessage(id, messageId, envelopeId, verpToken, queueId, sentAt, server, list);
            }
        }
        throw new IllegalArgumentException("no recipient " + updated.address() + " in send " + id);
    }

    /**
     * Checks a send identity: 1 to {@link #MAX_ID_LENGTH} ASCII letters and digits (safe as an ENVID, which is
     * xtext, and in a VERP local part).
     *
     * @param id the identity
     * @return the identity
     * @throws IllegalArgumentException when it is not one
     */
    public static String checkId(String id) {
        Objects.requireNonNull(id, "id");
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH || !id.chars().allMatch(SentMessage::isLetterOrDigit)) {
            throw new IllegalArgumentException("a send id is 1 to " + MAX_ID_LENGTH + " ASCII letters and digits: "
                    + id);
        }
        return id;
    }

    private static boolean isLetterOrDigit(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
