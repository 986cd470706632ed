package org.mailoutcome.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.DeliveryOutcome.ConnectionLost;
import org.mailoutcome.DeliveryOutcome.NotLocalNoRelay;
import org.mailoutcome.DeliveryOutcome.Suppressed;
import org.mailoutcome.DeliveryOutcome.WillForward;
import org.mailoutcome.Disposition;
import org.mailoutcome.ForwardDecision;
import org.mailoutcome.ForwardPolicy;
import org.mailoutcome.Reason;

/**
 * The sentences built for one particular outcome (its reason, its forward path, what the client saw when no reply
 * came) and for comparisons that have no hand-written key difference in {@link ExplanationTable}.
 */
public final class ExplanationNotes {
    private ExplanationNotes() {
    }

    /**
     * The notes of one outcome. {@code recipient} and {@code policy} are used together, for the forward path of a
     * {@link NotLocalNoRelay}: with both, the note says whether the policy would follow it.
     */
    public static List<String> of(DeliveryOutcome outcome, Optional<String> recipient, Optional<ForwardPolicy> policy) {
        List<String> notes = new ArrayList<>();
        if (outcome.reason() != Reason.NONE) {
            notes.add("Reason " + outcome.reason() + ": " + ExplanationReasonTable.of(outcome.reason()).orElseThrow()
                    .summary());
        }
        if (outcome instanceof WillForward) {
            outcome.forwardPath().ifPresent(path -> notes.add("The server forwards the message to " + path
                    + " itself; nothing is resent."));
        } else if (outcome instanceof NotLocalNoRelay) {
            notes.addAll(forwarding(outcome.forwardPath(), recipient, policy));
        } else if (outcome instanceof ConnectionLost lost) {
            notes.add("No reply to " + lost.stage() + ": " + lost.detail() + ".");
            notes.add(lost.isMaybeDelivered() ? "The whole message had been sent: it may have been delivered."
                    : "The end of data had not been sent: the message was not delivered.");
        } else if (outcome instanceof Suppressed suppressed) {
            notes.add("Suppressed since " + suppressed.since() + " (" + suppressed.kind() + "), "
                    + suppressed.until().map(t -> "until " + t).orElse("until removed") + ": " + suppressed.evidence()
                    + ".");
        } else if (outcome.reply().isEmpty()) {
            notes.add("What the server sent was not an SMTP reply.");
        }
        return notes;
    }

    private static List<String> forwarding(Optional<String> forwardPath, Optional<String> recipient,
            Optional<ForwardPolicy> policy) {
        if (forwardPath.isEmpty()) {
            return List.of("The reply names no forward path: ask the recipient for the new address.");
        }
        String path = forwardPath.get();
        String named = "The reply names the forward path " + path + ".";
        if (recipient.isEmpty() || policy.isEmpty()) {
            return List.of(named, "OutcomeMailer resends there only when its ForwardPolicy allows it (forwarding is "
                    + "off by default).");
        }
        ForwardDecision decision = policy.get().wouldFollow(recipient.get(), path);
        return List.of(named, decision instanceof ForwardDecision.Refuse refuse
                ? "The configured ForwardPolicy would not follow it: " + refuse.reason() + "."
                : "The mailer would resend to " + path + " (policy: " + policy.get() + ").");
    }

    /** The class shown for a record that has no reply code (Unexpected, ConnectionLost). */
    public static String codelessClass(Disposition disposition) {
        return "no reply code; counted as " + word(disposition);
    }

    /** A key difference built from the two sides' labels, records and dispositions. */
    public static String keyDifference(String first, Class<?> firstRecord, Disposition firstDisposition,
            String second, Class<?> secondRecord, Disposition secondDisposition) {
        if (firstRecord == secondRecord) {
            return first + " and " + second + " are both " + firstRecord.getSimpleName() + ": they differ only in "
                    + "their standard text, and the client handles them the same way.";
        }
        if (firstDisposition == secondDisposition) {
            return first + " and " + second + " are both " + word(firstDisposition) + ": " + both(firstDisposition)
                    + ". They differ in cause: compare what the server does.";
        }
        return first + " is " + word(firstDisposition) + ": " + what(firstDisposition) + "; " + second + " is "
                + word(secondDisposition) + ": " + what(secondDisposition) + ".";
    }

    private static String word(Disposition disposition) {
        return disposition == Disposition.SUCCESS ? "successful" : disposition.name().toLowerCase(Locale.ROOT);
    }

    private static String what(Disposition disposition) {
        switch (disposition) {
            case SUCCESS: return "the server takes the message and nothing needs resending";
            case TRANSIENT: return "nothing is taken now, and the same request may succeed later";
            default: return "the server refuses, and the same request fails again";
        }
    }

    private static String both(Disposition disposition) {
        switch (disposition) {
            case SUCCESS: return "the message is taken either way";
            case TRANSIENT: return "a later retry may succeed for either";
            default: return "retrying either unchanged fails again";
        }
    }
}
