package org.mailoutcome.jakarta;

import java.time.Duration;
import java.util.Objects;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Disposition;

/**
 * What {@link MailerPool#check(Duration)} found: the server's answer to a {@code NOOP} on a pooled
 * connection, or what stopped the check (a {@code 421 4.3.2} to the greeting, a refused AUTH, a lost connection,
 * no answer within the check's timeout).
 *
 * @param outcome {@code Accepted} at {@code NOOP} when the server is fine, else the outcome of the step that failed
 * @param elapsed how long the check took (at most about its timeout)
 * @param reusedConnection whether the check ran on a connection that was already open (no new connect or AUTH)
 */
public record ServerCheck(DeliveryOutcome outcome, Duration elapsed, boolean reusedConnection) {

    /**
     * Checks the components.
     *
     * @param outcome the outcome
     * @param elapsed how long the check took
     * @param reusedConnection whether the check reused an open connection
     */
    public ServerCheck {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /**
     * Whether the server answered the check with a success.
     *
     * @return true for a 2yz answer to {@code NOOP}
     */
    public boolean isUp() {
        return outcome.disposition() == Disposition.SUCCESS;
    }
}
