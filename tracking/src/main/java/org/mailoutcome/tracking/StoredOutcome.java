package org.mailoutcome.tracking;

import java.util.Objects;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.SmtpReply;
import org.mailoutcome.Stage;

/**
 * A {@link DeliveryOutcome} as two plain values a store can keep in two columns: the stage and the reply text.
 * The outcome is rebuilt with core's {@link DeliveryOutcome#classify(Stage, CharSequence)}, which is pure, so
 * what comes back is the outcome that went in, record, reason and forward path included.
 *
 * <p>The text is the reply in its wire form ({@link SmtpReply#toString()}, lines joined by {@code \n}); for a
 * {@link DeliveryOutcome.ConnectionLost} it is {@code "lost: DETAIL"} or {@code "lost after end of data: DETAIL"}
 * (a reply always starts with a digit, so the two never mix); for an {@link DeliveryOutcome.Unexpected} reply that
 * did not parse it is empty.
 *
 * @param stage the stage the outcome is about
 * @param text the reply text, or the lost-connection form above
 */
public record StoredOutcome(Stage stage, String text) {
    private static final String LOST = "lost: ";
    private static final String LOST_AFTER_DATA = "lost after end of data: ";

    /**
     * Checks the components.
     *
     * @param stage the stage
     * @param text the text
     */
    public StoredOutcome {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(text, "text");
    }

    /**
     * The stored form of an outcome.
     *
     * @param outcome the outcome
     * @return its stage and text
     */
    public static StoredOutcome of(DeliveryOutcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome instanceof DeliveryOutcome.ConnectionLost lost) {
            return new StoredOutcome(lost.stage(), (lost.isMaybeDelivered() ? LOST_AFTER_DATA : LOST) + lost.detail());
        }
        return new StoredOutcome(outcome.stage(), outcome.reply().map(SmtpReply::toString).orElse(""));
    }

    /**
     * The outcome again.
     *
     * @return the outcome this was made from
     */
    public DeliveryOutcome outcome() {
        if (text.startsWith(LOST_AFTER_DATA)) {
            return new DeliveryOutcome.ConnectionLost(stage, true, text.substring(LOST_AFTER_DATA.length()));
        }
        if (text.startsWith(LOST)) return new DeliveryOutcome.ConnectionLost(stage, false, text.substring(LOST.length()));
        return DeliveryOutcome.classify(stage, text);
    }
}
