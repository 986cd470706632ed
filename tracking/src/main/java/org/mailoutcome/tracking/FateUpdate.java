package org.mailoutcome.tracking;

import java.util.Objects;

/** What {@link DeliveryStore#update(ReportedFate)} did. */
public sealed interface FateUpdate {

    /**
     * The fate moved: the current fate {@link Fate#allows(Fate) allowed} the reported one, and the notice was
     * remembered.
     *
     * @param message the send after the change
     * @param previous the recipient's fate before
     * @param recipient the recipient after the change
     */
    record Applied(SentMessage message, Fate previous, TrackedRecipient recipient) implements FateUpdate {
        /**
         * Checks the components.
         *
         * @param message the send after the change
         * @param previous the fate before
         * @param recipient the recipient after
         */
        public Applied {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(previous, "previous");
            Objects.requireNonNull(recipient, "recipient");
        }
    }

    /**
     * The notice is new but does not move the fate (e.g. a delay after a bounce, or anything after a final fate);
     * it was remembered, so it counts as seen.
     *
     * @param message the send
     * @param recipient the recipient, with the notice remembered and its fate unchanged
     */
    record Kept(SentMessage message, TrackedRecipient recipient) implements FateUpdate {
        /**
         * Checks the components.
         *
         * @param message the send
         * @param recipient the recipient
         */
        public Kept {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(recipient, "recipient");
        }
    }

    /**
     * This notice was applied to this recipient before: nothing changed (a notice ingested twice).
     *
     * @param message the send
     * @param recipient the recipient, unchanged
     */
    record Duplicate(SentMessage message, TrackedRecipient recipient) implements FateUpdate {
        /**
         * Checks the components.
         *
         * @param message the send
         * @param recipient the recipient
         */
        public Duplicate {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(recipient, "recipient");
        }
    }

    /** No send with that id, or no recipient with that address in it (e.g. evicted from a bounded store). */
    record NotFound() implements FateUpdate {
    }
}
