package org.mailoutcome.tracking;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.FailureCause;
import org.mailoutcome.Reason;
import org.mailoutcome.SmtpReply;
import org.mailoutcome.Stage;
import org.mailoutcome.SuppressionKind;
import org.mailoutcome.TlsFailure;

/**
 * A {@link DeliveryOutcome} as two plain values a store can keep in two columns: the stage and the reply text.
 * The outcome is rebuilt with core's {@link DeliveryOutcome#classify(Stage, CharSequence)}, which is pure, so
 * what comes back is the outcome that went in, record, reason and forward path included.
 *
 * <p>The text is the reply in its wire form ({@link SmtpReply#toString()}, lines joined by {@code \n}); for a
 * {@link DeliveryOutcome.ConnectionLost} it is {@code "lost: DETAIL"} or {@code "lost after end of data: DETAIL"}
 * (a reply always starts with a digit, so the two never mix); for a {@link DeliveryOutcome.Suppressed} recipient
 * it is {@code "suppressed: KIND REASON SINCE UNTIL CAUSE"} ({@code UNTIL} is {@code -} for none); for an
 * {@link DeliveryOutcome.Unexpected} reply that did not parse it is empty. An outcome with a
 * {@linkplain DeliveryOutcome#cause() cause} has it appended as lines {@code "\n[cause] TYPE"},
 * {@code "\n[message] MESSAGE"} (backslashes and line ends escaped) and, for TLS, {@code "\n[tls] FAILURE"}; texts
 * stored before causes were kept read as before.
 *
 * @param stage the stage the outcome is about
 * @param text the reply text, or the lost-connection form above
 */
public record StoredOutcome(Stage stage, String text) {
    private static final String LOST = "lost: ";
    private static final String LOST_AFTER_DATA = "lost after end of data: ";
    private static final String SUPPRESSED = "suppressed: ";
    private static final String CAUSE = "\n[cause] ";
    private static final String MESSAGE = "\n[message] ";
    private static final String TLS = "\n[tls] ";

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
        String cause = outcome.cause().map(StoredOutcome::cause).orElse("");
        if (outcome instanceof DeliveryOutcome.ConnectionLost lost) {
            return new StoredOutcome(lost.stage(), (lost.isMaybeDelivered() ? LOST_AFTER_DATA : LOST) + lost.detail()
                    + cause);
        }
        if (outcome instanceof DeliveryOutcome.Suppressed s) {
            return new StoredOutcome(s.stage(), SUPPRESSED + s.kind() + " " + s.reason() + " " + s.since() + " "
                    + s.until().map(Instant::toString).orElse("-") + " " + escape(s.evidence()));
        }
        return new StoredOutcome(outcome.stage(), outcome.reply().map(SmtpReply::toString).orElse("") + cause);
    }

    private static String cause(FailureCause cause) {
        return CAUSE + escape(cause.type()) + MESSAGE + escape(cause.message())
                + cause.tls().map(t -> TLS + t.name()).orElse("");
    }

    /**
     * The outcome again.
     *
     * @return the outcome this was made from
     */
    public DeliveryOutcome outcome() {
        int at = text.lastIndexOf(CAUSE);
        String base = at < 0 ? text : text.substring(0, at);
        Optional<FailureCause> cause = at < 0 ? Optional.empty() : parseCause(text.substring(at));
        if (base.startsWith(LOST_AFTER_DATA)) {
            return new DeliveryOutcome.ConnectionLost(stage, true, base.substring(LOST_AFTER_DATA.length()), cause);
        }
        if (base.startsWith(LOST)) {
            return new DeliveryOutcome.ConnectionLost(stage, false, base.substring(LOST.length()), cause);
        }
        if (base.startsWith(SUPPRESSED)) return suppressed(base.substring(SUPPRESSED.length()));
        DeliveryOutcome outcome = DeliveryOutcome.classify(stage, base);
        if (cause.isPresent() && outcome instanceof DeliveryOutcome.Unexpected u) {
            return new DeliveryOutcome.Unexpected(u.stage(), u.reply(), u.reason(), cause);
        }
        return outcome;
    }

    /** The cause block: {@code [cause] TYPE}, {@code [message] MESSAGE}, optionally {@code [tls] FAILURE}. */
    private static Optional<FailureCause> parseCause(String block) {
        int message = block.indexOf(MESSAGE);
        if (message < 0) return Optional.empty();
        int tls = block.indexOf(TLS, message);
        String type = unescape(block.substring(CAUSE.length(), message));
        String text = unescape(block.substring(message + MESSAGE.length(), tls < 0 ? block.length() : tls));
        Optional<TlsFailure> failure = Optional.empty();
        if (tls >= 0) {
            try {
                failure = Optional.of(TlsFailure.valueOf(block.substring(tls + TLS.length())));
            } catch (IllegalArgumentException e) {
                failure = Optional.of(TlsFailure.HANDSHAKE); // a name a later version stored
            }
        }
        return Optional.of(new FailureCause(type, text, failure));
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                out.append(c);
                continue;
            }
            char next = s.charAt(++i);
            out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
        }
        return out.toString();
    }

    private static DeliveryOutcome suppressed(String fields) {
        String[] f = fields.split(" ", 5);
        if (f.length < 4) throw new IllegalArgumentException("not a stored suppressed outcome: " + fields);
        return new DeliveryOutcome.Suppressed(SuppressionKind.valueOf(f[0]), Reason.valueOf(f[1]),
                Instant.parse(f[2]), f[3].equals("-") ? Optional.empty() : Optional.of(Instant.parse(f[3])),
                f.length == 5 ? unescape(f[4]) : "");
    }
}
