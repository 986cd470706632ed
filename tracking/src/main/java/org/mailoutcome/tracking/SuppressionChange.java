package org.mailoutcome.tracking;

import java.util.List;
import java.util.Objects;

/** What {@link SuppressionList#record(String, Evidence, java.time.Instant)} did. */
public sealed interface SuppressionChange {

    /**
     * Nothing changed: the evidence is not about the mailbox, or is the sender's own problem.
     *
     * @param why in words, from the policy
     */
    record Ignored(String why) implements SuppressionChange {
        /**
         * Checks the component.
         *
         * @param why in words
         */
        public Ignored {
            Objects.requireNonNull(why, "why");
        }
    }

    /**
     * The address is now suppressed by this entry (new, or replacing one that ended sooner).
     *
     * @param entry the entry in force
     */
    record Suppressed(Suppression entry) implements SuppressionChange {
        /**
         * Checks the component.
         *
         * @param entry the entry
         */
        public Suppressed {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /**
     * The address was suppressed already by an entry that lasts at least as long, or by this very evidence.
     *
     * @param entry the entry kept
     */
    record AlreadySuppressed(Suppression entry) implements SuppressionChange {
        /**
         * Checks the component.
         *
         * @param entry the entry
         */
        public AlreadySuppressed {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /**
     * A soft bounce counted (or found counted already), below the threshold.
     *
     * @param softBounces the soft bounces of the address now, oldest first
     */
    record Counted(List<SoftBounce> softBounces) implements SuppressionChange {
        /**
         * Copies the list.
         *
         * @param softBounces the soft bounces
         */
        public Counted {
            softBounces = List.copyOf(softBounces);
        }
    }

    /**
     * A delivery forgot the soft bounces of the address, and the suppression they had made.
     *
     * @param softBounces how many soft bounces were forgotten
     * @param liftedSuppression whether a soft-bounce suppression was lifted
     */
    record Cleared(int softBounces, boolean liftedSuppression) implements SuppressionChange {
    }
}
