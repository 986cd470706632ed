package org.mailoutcome.tracking;

import java.util.List;
import java.util.Objects;
import org.mailoutcome.DeliveryOutcome;

/**
 * One envelope recipient of a tracked send: what the server said at SMTP time, and its fate since.
 *
 * @param address the envelope address the application sent to
 * @param finalAddress the address the last attempt went to: the same, or a forward path the mailer followed
 * @param outcome the final SMTP-time outcome (persist it as a {@link StoredOutcome})
 * @param fate what notices have told since ({@link Fate#initial(DeliveryOutcome)} at first)
 * @param notices the identities of the notices already applied to this recipient, oldest first: a notice seen
 *     again is recognised and not applied twice
 */
public record TrackedRecipient(String address, String finalAddress, DeliveryOutcome outcome, Fate fate,
        List<String> notices) {

    /**
     * Checks and copies the components.
     *
     * @param address the envelope address
     * @param finalAddress the address of the last attempt
     * @param outcome the SMTP-time outcome
     * @param fate the fate
     * @param notices the notices applied
     */
    public TrackedRecipient {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(finalAddress, "finalAddress");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(fate, "fate");
        notices = List.copyOf(notices);
    }

    /**
     * A recipient just sent: its fate is {@link Fate#initial(DeliveryOutcome)}, no notice yet.
     *
     * @param address the envelope address
     * @param finalAddress the address of the last attempt
     * @param outcome the SMTP-time outcome
     * @return the recipient
     */
    public static TrackedRecipient sent(String address, String finalAddress, DeliveryOutcome outcome) {
        return new TrackedRecipient(address, finalAddress, outcome, Fate.initial(outcome), List.of());
    }

    /**
     * Whether this recipient is the one a notice names, compared case-insensitively with both addresses.
     *
     * @param mailbox an address from a notice, e.g. its Final-Recipient
     * @return true when it is {@link #address()} or {@link #finalAddress()}
     */
    public boolean isAddressedAs(String mailbox) {
        Objects.requireNonNull(mailbox, "mailbox");
        return address.equalsIgnoreCase(mailbox) || finalAddress.equalsIgnoreCase(mailbox);
    }

    /**
     * Whether the notice with this identity was applied already.
     *
     * @param noticeId a notice identity
     * @return true when it is among {@link #notices()}
     */
    public boolean hasSeen(String noticeId) {
        return notices.contains(noticeId);
    }

    /**
     * A copy after a notice: with the new fate and the notice remembered.
     *
     * @param newFate the fate to record (the store checks {@link Fate#allows(Fate)} first)
     * @param noticeId the notice's identity
     * @return the updated recipient
     */
    public TrackedRecipient after(Fate newFate, String noticeId) {
        List<String> seen = new java.util.ArrayList<>(notices);
        seen.add(Objects.requireNonNull(noticeId, "noticeId"));
        return new TrackedRecipient(address, finalAddress, outcome, Objects.requireNonNull(newFate, "newFate"), seen);
    }
}
