package org.mailoutcome.bounce;

import java.util.Locale;
import java.util.Optional;

/** The RFC 3464 {@code Action} of one recipient: what the reporting server did. */
public enum Action {
    /** The message could not be delivered; the server gives up. Final. */
    FAILED,
    /** Delivery is delayed; the server keeps trying. Not final. */
    DELAYED,
    /** Delivered to the recipient's mailbox. */
    DELIVERED,
    /** Relayed to a system that sends no further notices. */
    RELAYED,
    /** Delivered and then expanded to more recipients (a list or an alias). */
    EXPANDED;

    /**
     * Parses an {@code Action} field value, ignoring case, blanks and comments ({@code "failed (bad)"}).
     *
     * @param value the field value
     * @return the action, or empty if it names none
     */
    public static Optional<Action> tryParse(String value) {
        String word = value.strip().split("[\\s(;]", 2)[0].toUpperCase(Locale.ROOT);
        for (Action action : values()) {
            if (action.name().equals(word)) return Optional.of(action);
        }
        return Optional.empty();
    }

    /**
     * Whether this action ends the recipient's delivery: {@link #FAILED}, {@link #DELIVERED}, {@link #RELAYED}
     * or {@link #EXPANDED} (a later bounce can still come after a success).
     *
     * @return {@code false} only for {@link #DELAYED}
     */
    public boolean isFinal() {
        return this != DELAYED;
    }
}
