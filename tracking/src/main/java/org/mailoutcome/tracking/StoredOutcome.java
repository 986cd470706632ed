package org.mailoutcome.tracking;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Reason;
import org.mailoutcome.SmtpReply;
import org.mailoutcome.Stage;
import org.mailoutcome.SuppressionKind;

/**
 * A {@link DeliveryOutcome} as two plain values a store can keep in two columns: the stage and the reply text.
 * The outcome is rebuilt with core's {@link DeliveryOutcome#classify(Stage, CharSequence)}, which is pure, so
 * what comes back is the outcome that went in, record, reason and forward path included.
 *
 * <p>The text is the reply in its wire form ({@link SmtpReply#toString()}, lines joined by {@code \n}); for a
 * {@link DeliveryOutcome.ConnectionLost} it is {@code "lost: DETAIL"} or {@code "lost after end of data: DETAIL"}
 * (a reply always starts with a digit, so the two never mix); for a {@link DeliveryOutcome.Suppressed} recipient
 * it is {@code "suppressed: KIND REASON SINCE UNTIL CAUSE"} ({@code UNTIL} is {@code -} for none); for an
 * {@link DeliveryOutcome.Unexpected} reply that did not parse it is empty.
 *
 * @param stage the stage the outcome is about
 * @param text the reply text, or the lost-connection form above
 */
public record StoredOutcome(Stage stage, String text) {
    private static final String LOST = "lost: ";
    private static final String LOST_AFTER_DATA = "lost after end of data: ";
    private static final String SUPPRESSED = "suppressed: ";

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
        if (outcome instanceof DeliveryOutcome.Suppressed s) {
            return new StoredOutcome(s.stage(), SUPPRESSED + s.kind() + " " + s.reason() + " " + s.since() + " "
                    + s.until().map(Instant::toString).orElse("-") + " " + s.cause());
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
        if (text.startsWith(SUPPRESSED)) return suppressed(text.substring(SUPPRESSED.length()));
        return DeliveryOutcome.classify(stage, text);
    }

    private static DeliveryOutcome suppressed(String fields) {
        String[] f = fields.split(" ", 5);
        if (f.length < 4) throw new IllegalArgumentException("not a stored suppressed outcome: " + fields);
        return new DeliveryOutcome.Suppressed(SuppressionKind.valueOf(f[0]), Reason.valueOf(f[1]),
                Instant.parse(f[2]), f[3].equals("-") ? Optional.empty() : Optional.of(Instant.parse(f[3])),
                f.length == 5 ? f[4] : "");
    }
}
