package org.mailoutcome.jakarta;

import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.Objects;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Disposition;

/**
 * The final outcome of one envelope recipient, with every attempt that led to it.
 *
 * @param address the recipient as given in the envelope
 * @param attempts the attempts in order: one, or more after a retry or a forward; the last one is final
 */
public record RecipientOutcome(InternetAddress address, List<Attempt> attempts) {

    /**
     * Checks and copies the components.
     *
     * @param address the recipient as given in the envelope
     * @param attempts the attempts in order, the last one final
     * @throws IllegalArgumentException if there is no attempt
     */
    public RecipientOutcome {
        Objects.requireNonNull(address, "address");
        attempts = List.copyOf(attempts);
        if (attempts.isEmpty()) throw new IllegalArgumentException("attempts must not be empty: " + address);
    }

    /**
     * A recipient with a single attempt.
     *
     * @param address the recipient
     * @param outcome its outcome
     * @return the recipient outcome
     */
    public static RecipientOutcome of(InternetAddress address, DeliveryOutcome outcome) {
        return new RecipientOutcome(address, List.of(new Attempt(address, outcome)));
    }

    /**
     * The final outcome: that of the last attempt.
     *
     * @return the outcome
     */
    public DeliveryOutcome outcome() {
        return attempts.get(attempts.size() - 1).outcome();
    }

    /**
     * Shorthand for {@code outcome().disposition()}.
     *
     * @return the disposition of the final outcome
     */
    public Disposition disposition() {
        return outcome().disposition();
    }

    /**
     * The address the final attempt went to: the envelope address, or a forward address.
     *
     * @return the address of the last attempt
     */
    public InternetAddress finalAddress() {
        return attempts.get(attempts.size() - 1).address();
    }

    /**
     * Returns a copy with one more attempt at the end.
     *
     * @param attempt the new final attempt
     * @return the new recipient outcome
     */
    public RecipientOutcome then(Attempt attempt) {
        List<Attempt> more = new java.util.ArrayList<>(attempts);
        more.add(attempt);
        return new RecipientOutcome(address, more);
    }

    /**
     * One attempt to deliver to a recipient.
     *
     * @param address the address used for this attempt
     * @param outcome what the server answered
     */
    public record Attempt(InternetAddress address, DeliveryOutcome outcome) {
        /**
         * Checks the components.
         *
         * @param address the address used for this attempt
         * @param outcome what the server answered
         */
        public Attempt {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(outcome, "outcome");
        }
    }
}
