package org.mailoutcome.spring;

import java.util.Objects;
import org.mailoutcome.bounce.ParsedMail;

/**
 * Published by the auto-configured {@code DeliveryTracker} for a notice that matches no tracked send, or names a
 * recipient the send does not have: reported, never dropped.
 *
 * @param notice what the parser made of the notice
 * @param why what did not match
 */
public record UnmatchedNoticeEvent(ParsedMail notice, String why) {

    /**
     * Checks the components.
     *
     * @param notice the notice
     * @param why what did not match
     */
    public UnmatchedNoticeEvent {
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(why, "why");
    }
}
