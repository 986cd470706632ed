package org.mailoutcome.tracking;

import java.time.Instant;
import java.util.ArrayList;
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
 * @param attempts every attempt, oldest first: those of the send itself (round 0), then one per durable retry
 *     round; empty when the store does not keep them
 */
public record TrackedRecipient(String address, String finalAddress, DeliveryOutcome outcome, Fate fate,
        List<String> notices, List<Attempt> attempts) {

    /**
     * Checks and copies the components.
     *
     * @param address the envelope address
     * @param finalAddress the address of the last attempt
     * @param outcome the SMTP-time outcome
     * @param fate the fate
     * @param notices the notices applied
     * @param attempts the attempts
     */
    public TrackedRecipient {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(finalAddress, "finalAddress");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(fate, "fate");
        notices = List.copyOf(notices);
        attempts = List.copyOf(attempts);
    }

    /**
     * A recipient without its attempts (a store that does not keep them).
     *
     * @param address the envelope address
     * @param finalAddress the address of the last attempt
     * @param outcome the SMTP-time outcome
     * @param fate the fate
     * @param notices the notices applied
     */
    public TrackedRecipient(String address, String finalAddress, DeliveryOutcome outcome, Fate fate,
            List<String> notices) {
        this(address, finalAddress, outcome, fate, notices, List.of());
    }

    /**
     * One attempt to deliver to the recipient.
     *
     * @param address the address it went to
     * @param outcome what the server answered
     * @param round 0 for the send itself (its retries and forwards included), then the number of the durable
     *     retry round that made it
     * @param at when: the send's time for round 0, the round's time after
     */
    public record Attempt(String address, DeliveryOutcome outcome, int round, Instant at) {
        /**
         * Checks the components.
         *
         * @param address the address
         * @param outcome the outcome
         * @param round the round
         * @param at when
         */
        public Attempt {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(at, "at");
            if (round < 0) throw new IllegalArgumentException("round must be >= 0: " + round);
        }
    }

    /**
     * A recipient just sent: its fate is {@link Fate#initial(DeliveryOutcome)}, no notice yet, no attempt kept.
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
     * A recipient just sent, with its attempts: its outcome and final address are those of the last attempt.
     *
     * @param address the envelope address
     * @param attempts its attempts, at least one
     * @return the recipient
     * @throws IllegalArgumentException when there is no attempt
     */
    public static TrackedRecipient sent(String address, List<Attempt> attempts) {
        if (attempts.isEmpty()) throw new IllegalArgumentException("no attempt for " + address);
        Attempt last = attempts.get(attempts.size() - 1);
        return new TrackedRecipient(address, last.address(), last.outcome(), Fate.initial(last.outcome()), List.of(),
                attempts);
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
        List<String> seen = new ArrayList<>(notices);
        seen.add(Objects.requireNonNull(noticeId, "noticeId"));
        return new TrackedRecipient(address, finalAddress, outcome, Objects.requireNonNull(newFate, "newFate"), seen,
                attempts);
    }

    /**
     * A copy after a durable retry round: the attempt added, its outcome and address the final ones; a fate
     * that was {@link Fate.NotAccepted} (the recipient was deferred) starts again from the new outcome.
     *
     * @param attempt the round's attempt
     * @return the updated recipient
     */
    public TrackedRecipient retried(Attempt attempt) {
        List<Attempt> more = new ArrayList<>(attempts);
        more.add(Objects.requireNonNull(attempt, "attempt"));
        Fate next = fate instanceof Fate.NotAccepted ? Fate.initial(attempt.outcome()) : fate;
        return new TrackedRecipient(address, attempt.address(), attempt.outcome(), next, notices, more);
    }
}
