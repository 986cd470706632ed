package org.mailoutcome.jakarta;

import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Disposition;
import org.mailoutcome.tracking.MovedAddress;

/**
 * The final outcome of one envelope recipient, with every attempt that led to it.
 *
 * @param address the recipient as given in the envelope
 * @param attempts the attempts in order: one, or more after a retry or a forward; the last one is final. When the
 *     mailer's address book knew a forward path its policy allows, the first attempt already went to the new
 *     address ({@link #isRewritten()})
 * @param knownForward the forward path the mailer's address book knew for this address before the send, whether
 *     or not it was used; empty without an address book, or when it knew none
 */
public record RecipientOutcome(InternetAddress address, List<Attempt> attempts, Optional<MovedAddress> knownForward) {

    /**
     * Checks and copies the components.
     *
     * @param address the recipient as given in the envelope
     * @param attempts the attempts in order, the last one final
     * @param knownForward the forward path the address book knew
     * @throws IllegalArgumentException if there is no attempt
     */
    public RecipientOutcome {
        Objects.requireNonNull(address, "address");
        attempts = List.copyOf(attempts);
        if (attempts.isEmpty()) throw new IllegalArgumentException("attempts must not be empty: " + address);
        Objects.requireNonNull(knownForward, "knownForward");
    }

    /**
     * A recipient for which no forward path was known.
     *
     * @param address the recipient as given in the envelope
     * @param attempts the attempts in order, the last one final
     * @throws IllegalArgumentException if there is no attempt
     */
    public RecipientOutcome(InternetAddress address, List<Attempt> attempts) {
        this(address, attempts, Optional.empty());
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
        List<Attempt> more = new ArrayList<>(attempts);
        more.add(attempt);
        return new RecipientOutcome(address, more, knownForward);
    }

    /**
     * Whether the mailer sent to the address book's forward path instead of the envelope address (one transaction,
     * no 551 first): the first attempt went to {@link #knownForward()}'s new address.
     *
     * @return true when the envelope address was rewritten
     */
    public boolean isRewritten() {
        return knownForward.isPresent() && !attempts.get(0).address().getAddress().equalsIgnoreCase(address.getAddress())
                && key(attempts.get(0).address()).equals(knownForward.get().newAddress());
    }

    /**
     * The attempts whose reply named a forward path (a 251, or a 551 or other moved-recipient rejection with one)
     * that the address book did not know for that address before this send; every such attempt when the mailer
     * has no address book. What {@link OutcomeHandler#onAddressMoved} is called for: a move fires once, when it
     * is learnt, not on every later send that meets it again.
     *
     * @return those attempts, in order
     */
    public List<Attempt> movesLearnt() {
        List<Attempt> learnt = new ArrayList<>();
        for (Attempt a : attempts) {
            Optional<String> path = a.outcome() instanceof DeliveryOutcome.WillForward
                    || a.outcome() instanceof DeliveryOutcome.NotLocalNoRelay ? a.outcome().forwardPath() : Optional.empty();
            if (path.isEmpty()) continue;
            boolean known = knownForward.isPresent() && knownForward.get().oldAddress().equals(key(a.address()))
                    && knownForward.get().newAddress().equalsIgnoreCase(path.get().strip());
            if (!known) learnt.add(a);
        }
        return learnt;
    }

    private static String key(InternetAddress address) {
        return address.getAddress().strip().toLowerCase(Locale.ROOT);
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
