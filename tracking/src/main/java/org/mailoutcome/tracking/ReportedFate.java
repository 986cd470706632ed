package org.mailoutcome.tracking;

import java.util.Objects;

/**
 * What a notice says about one recipient of one send, as the tracker hands it to
 * {@link DeliveryStore#update(ReportedFate)}.
 *
 * @param sendId the {@link SentMessage#id()} of the send
 * @param recipient the recipient's envelope address ({@link TrackedRecipient#address()})
 * @param fate the fate the notice reports
 * @param noticeId the notice's identity: its own Message-ID, or a digest of its content when it has none; the
 *     same notice ingested twice has the same identity
 */
public record ReportedFate(String sendId, String recipient, Fate fate, String noticeId) {
    /**
     * Checks the components.
     *
     * @param sendId the send
     * @param recipient the recipient's envelope address
     * @param fate the reported fate
     * @param noticeId the notice's identity
     */
    public ReportedFate {
        Objects.requireNonNull(sendId, "sendId");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(fate, "fate");
        Objects.requireNonNull(noticeId, "noticeId");
        if (noticeId.isEmpty()) throw new IllegalArgumentException("noticeId must not be empty");
    }
}
