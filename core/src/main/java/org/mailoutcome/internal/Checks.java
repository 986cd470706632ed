package org.mailoutcome.internal;

import java.util.Objects;
import java.util.Optional;
import org.mailoutcome.Reason;
import org.mailoutcome.SmtpReply;
import org.mailoutcome.Stage;

/** Argument checks shared by the outcome records. */
public final class Checks {
    private Checks() {
    }

    /** Components of an outcome that may lack a reply. */
    public static void outcome(Stage stage, Optional<SmtpReply> reply, Reason reason) {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(reason, "reason");
    }

    /** Components of an outcome that always has a reply. */
    public static void replied(Stage stage, Optional<SmtpReply> reply, Reason reason) {
        outcome(stage, reply, reason);
        if (reply.isEmpty()) throw new IllegalArgumentException("reply must be present for a " + stage + " reply outcome");
    }

    /** Fails with {@code "name must be >= min: value"} unless {@code value >= min}. */
    public static int atLeast(String name, int value, int min) {
        if (value < min) throw new IllegalArgumentException(name + " must be >= " + min + ": " + value);
        return value;
    }
}
