package org.mailoutcome.internal;

import java.util.Optional;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.DeliveryOutcome.Accepted;
import org.mailoutcome.DeliveryOutcome.AcceptedUnverified;
import org.mailoutcome.DeliveryOutcome.InsufficientStorage;
import org.mailoutcome.DeliveryOutcome.LocalError;
import org.mailoutcome.DeliveryOutcome.MailboxBusy;
import org.mailoutcome.DeliveryOutcome.MailboxNameNotAllowed;
import org.mailoutcome.DeliveryOutcome.MailboxUnavailable;
import org.mailoutcome.DeliveryOutcome.NotLocalNoRelay;
import org.mailoutcome.DeliveryOutcome.PermanentFailure;
import org.mailoutcome.DeliveryOutcome.ProtocolError;
import org.mailoutcome.DeliveryOutcome.ServiceUnavailable;
import org.mailoutcome.DeliveryOutcome.StorageExceeded;
import org.mailoutcome.DeliveryOutcome.TransactionFailed;
import org.mailoutcome.DeliveryOutcome.TransientFailure;
import org.mailoutcome.DeliveryOutcome.Unexpected;
import org.mailoutcome.DeliveryOutcome.WillForward;
import org.mailoutcome.Reason;
import org.mailoutcome.SmtpReply;
import org.mailoutcome.Stage;

/** The reply-to-record table of {@link DeliveryOutcome#classify(Stage, SmtpReply)}. */
public final class OutcomeClassifier {
    private OutcomeClassifier() {
    }

    /** Classifies; see the table on {@link DeliveryOutcome}. */
    public static DeliveryOutcome classify(Stage stage, SmtpReply reply) {
        return classify(stage, reply, Optional.empty());
    }

    /** Classifies a reply about a recipient, whose own address is never its forward path. */
    public static DeliveryOutcome classify(Stage stage, SmtpReply reply, Optional<String> recipient) {
        Optional<SmtpReply> r = Optional.of(reply);
        int code = reply.code();
        switch (reply.codeClass()) {
            case 2:
                return positive(stage, r, code, recipient);
            case 3:
                boolean expected = (code == 354 && stage == Stage.DATA) || (code == 334 && stage == Stage.AUTH);
                return expected ? new Accepted(stage, r, Reason.NONE) : new Unexpected(stage, r, Reason.UNKNOWN);
            case 4:
                return transientOutcome(stage, r, code, reason(reply));
            case 5:
                return permanent(stage, reply, r, code, recipient);
            default:
                return new Unexpected(stage, r, Reason.UNKNOWN);
        }
    }

    private static DeliveryOutcome positive(Stage stage, Optional<SmtpReply> r, int code, Optional<String> recipient) {
        if (code == 251) {
            return new WillForward(stage, r, Reason.MOVED, ForwardPathExtractor.extract(r.get().lines(), recipient));
        }
        return code == 252 ? new AcceptedUnverified(stage, r, Reason.NONE) : new Accepted(stage, r, Reason.NONE);
    }

    private static DeliveryOutcome transientOutcome(Stage stage, Optional<SmtpReply> r, int code, Reason reason) {
        switch (code) {
            case 421: return new ServiceUnavailable(stage, r, reason);
            case 450: return new MailboxBusy(stage, r, reason);
            case 451: return new LocalError(stage, r, reason);
            case 452: return new InsufficientStorage(stage, r, reason);
            default: return new TransientFailure(stage, r, reason);
        }
    }

    private static DeliveryOutcome permanent(Stage stage, SmtpReply reply, Optional<SmtpReply> r, int code,
            Optional<String> recipient) {
        boolean moved = code == 551 || reply.enhancedStatus().filter(s -> s.matches(1, 6)).isPresent();
        Optional<String> forwardPath = moved ? ForwardPathExtractor.extract(reply.lines(), recipient)
                : ForwardPathExtractor.extractMoved(reply.lines(), recipient);
        if (moved || forwardPath.isPresent()) {
            Reason reason = forwardPath.isPresent() || moved && code != 551 ? Reason.MOVED : movedOr(reason(reply));
            return new NotLocalNoRelay(stage, r, reason, forwardPath);
        }
        Reason reason = reason(reply);
        switch (code) {
            case 550: return new MailboxUnavailable(stage, r, reason);
            case 552: return tooManyRecipients(stage, reply) ? new InsufficientStorage(stage, r,
                    Reason.TOO_MANY_RECIPIENTS) : new StorageExceeded(stage, r, reason);
            case 553: return new MailboxNameNotAllowed(stage, r, reason);
            case 554: return new TransactionFailed(stage, r, reason);
            case 500: case 501: case 502: case 503: case 504: case 555: return new ProtocolError(stage, r, reason);
            default: return new PermanentFailure(stage, r, reason);
        }
    }

    /** A 551 without a forward path is still about a non-local user, unless the text says something finer. */
    private static Reason movedOr(Reason fromText) {
        return fromText == Reason.UNKNOWN ? Reason.MOVED : fromText;
    }

    /** RFC 5321 section 4.5.3.1.10: some servers answer 552 where 452 "too many recipients" was meant. */
    private static boolean tooManyRecipients(Stage stage, SmtpReply reply) {
        if (stage != Stage.RCPT) return false;
        if (reply.enhancedStatus().filter(s -> s.matches(5, 3)).isPresent()) return true;
        return ForwardPathExtractor.asciiLowerCase(reply.text()).contains("too many recipients");
    }

    private static Reason reason(SmtpReply reply) {
        return ReasonClassifier.reasonOf(reply.code(), reply.enhancedStatus(), reply.text());
    }
}
