package org.mailoutcome.bounce.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.EnhancedStatus;
import org.mailoutcome.Reason;
import org.mailoutcome.Stage;
import org.mailoutcome.bounce.Action;

/**
 * What a notice adds to the reason of the reply it reports: facts about the bounce (its action, the stage the
 * reply came at, the sender's giving up) that the SMTP reply alone does not carry.
 */
final class NoticeReason {
    /** A connection that timed out or could not be made, or a lifetime that ran out: the sender retried. */
    private static final Pattern NO_CONNECTION = Pattern.compile("timed out|time-?out|message expired|"
            + "requests to connect|could not connect|couldn't connect|unable to connect|cannot connect|failed to connect");
    /** The reporting server's own words for a recipient it has no mailbox for. */
    private static final Pattern NO_MAILBOX = Pattern.compile("recipient name is not recognized|"
            + "address couldn't be found|address could not be found");
    /** The sender retried until its queue lifetime ran out. */
    private static final Pattern GAVE_UP = Pattern.compile("in the queue too long|too long in (?:the )?queue|"
            + "retry timeout exceeded|message expired|lifetime (?:has )?expired|could not be delivered within|"
            + "failing for a long time|not going to try again|giving up|gave up|given up");
    /** A name the DNS does not know: no host to connect to. */
    private static final Pattern NO_SUCH_HOST = Pattern.compile(
            "host or domain name not found|host \\S+ not found|domain name not found|unrouteable address|invalid domain");

    private NoticeReason() {
    }

    /**
     * The reason of one recipient's notice.
     *
     * <ul>
     *   <li>A failure whose {@code Status} field is X.4.7 (delivery time expired; Sendmail writes {@code 4.4.7} with
     *       {@code Action: failed} when its queue lifetime runs out): EXPIRED, whatever the last reply it quotes.
     *   <li>A failure with a transient (4yz) status that names nothing finer than NETWORK or UNKNOWN, whose words say
     *       the sender retried until it gave up ("I'm not going to try again; this message has been in the queue
     *       too long", "retry timeout exceeded"): EXPIRED.
     *   <li>A delay whose reply names nothing finer than NETWORK or UNKNOWN: EXPIRED (the message waits in a queue).
     *   <li>A failure whose reply is NETWORK or UNKNOWN and says a connection timed out or could not be made:
     *       EXPIRED. That is transient; a failure notice for it is written when the sender stops retrying.
     *   <li>A failure whose reply is NETWORK and says the DNS does not know the name: HOST_UNKNOWN.
     *   <li>An UNKNOWN reply beside the reporting server's own words for a missing mailbox ("the recipient name is
     *       not recognized", "the address couldn't be found"): USER_UNKNOWN.
     *   <li>"User unknown" at end of DATA, without X.1.1: POLICY. The server took the recipient at RCPT; what
     *       rejected the message afterwards looked at its content (a filtering gateway).
     * </ul>
     *
     * @param action the notice's action
     * @param statusField the notice's {@code Status} field, if it has one
     * @param status the recipient's status
     * @param diagnostic the diagnostic text, if any
     * @param outcome the reply's outcome
     * @return the reason
     */
    static Reason of(Action action, Optional<EnhancedStatus> statusField, EnhancedStatus status,
            Optional<String> diagnostic, DeliveryOutcome outcome) {
        if (action == Action.FAILED && statusField.filter(s -> s.matches(4, 7)).isPresent()) return Reason.EXPIRED;
        Reason reason = outcome.reason();
        String text = diagnostic.orElse("").toLowerCase(Locale.ROOT);
        boolean vague = reason == Reason.NETWORK || reason == Reason.UNKNOWN;
        if (action == Action.DELAYED && vague) return Reason.EXPIRED;
        boolean lingered = status.statusClass() == 4 && GAVE_UP.matcher(text).find();
        if (action == Action.FAILED && vague && lingered) return Reason.EXPIRED;
        if (action == Action.FAILED && vague && NO_CONNECTION.matcher(text).find()) return Reason.EXPIRED;
        if (action == Action.FAILED && reason == Reason.NETWORK && NO_SUCH_HOST.matcher(text).find()) {
            return Reason.HOST_UNKNOWN;
        }
        if (reason == Reason.UNKNOWN && NO_MAILBOX.matcher(text).find()) return Reason.USER_UNKNOWN;
        boolean afterData = outcome.stage() == Stage.MESSAGE || outcome.stage() == Stage.DATA;
        boolean mailboxStatus = status.subject() == 1 && status.detail() == 1;
        if (reason == Reason.USER_UNKNOWN && afterData && !mailboxStatus) return Reason.POLICY;
        return reason;
    }
}
