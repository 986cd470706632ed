package org.mailoutcome.jakarta.internal;

import jakarta.mail.internet.InternetAddress;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.DeliveryOutcome.Accepted;
import org.mailoutcome.DeliveryOutcome.AcceptedUnverified;
import org.mailoutcome.DeliveryOutcome.ConnectionLost;
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
import org.mailoutcome.DeliveryOutcome.Suppressed;
import org.mailoutcome.DeliveryOutcome.TransactionFailed;
import org.mailoutcome.DeliveryOutcome.TransientFailure;
import org.mailoutcome.DeliveryOutcome.Unexpected;
import org.mailoutcome.DeliveryOutcome.WillForward;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeHandler;
import org.mailoutcome.jakarta.RecipientOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls an {@link OutcomeHandler} for each recipient; a callback that throws is logged and the rest go on. */
public final class HandlerDispatch {
    private static final Logger LOG = LoggerFactory.getLogger(OutcomeHandler.class);

    private HandlerDispatch() {
    }

    /** Calls the handler for every recipient of the report, in envelope order. */
    public static void dispatch(OutcomeHandler handler, DeliveryReport report) {
        if (handler == OutcomeHandler.NONE) return;
        for (RecipientOutcome r : report.recipients()) {
            dispatch(handler, r.address(), r.outcome());
            for (RecipientOutcome.Attempt attempt : r.movesLearnt()) moved(handler, attempt);
        }
    }

    /** {@code onAddressMoved} for an attempt whose reply named a new address. */
    private static void moved(OutcomeHandler handler, RecipientOutcome.Attempt attempt) {
        DeliveryOutcome outcome = attempt.outcome();
        if (!(outcome instanceof WillForward || outcome instanceof NotLocalNoRelay)) return;
        if (outcome.forwardPath().isEmpty()) return;
        try {
            handler.onAddressMoved(attempt.address(), new InternetAddress(outcome.forwardPath().get(), false));
        } catch (jakarta.mail.internet.AddressException | RuntimeException e) {
            threw("onAddressMoved", attempt.address(), outcome, e);
        }
    }

    /** Calls {@code onOutcome}, then the typed method of the outcome's record; each guarded on its own. */
    public static void dispatch(OutcomeHandler handler, InternetAddress recipient, DeliveryOutcome outcome) {
        try {
            handler.onOutcome(recipient, outcome);
        } catch (RuntimeException e) {
            threw("onOutcome", recipient, outcome, e);
        }
        try {
            typed(handler, recipient, outcome);
        } catch (RuntimeException e) {
            threw("on" + outcome.name(), recipient, outcome, e);
        }
    }

    /**
     * A callback threw: WARN with the outcome it was handling (record, stage, code; no address and no reply text,
     * which are personal data), the recipient at DEBUG.
     */
    private static void threw(String callback, InternetAddress recipient, DeliveryOutcome outcome, Exception e) {
        LOG.warn("OutcomeHandler.{} threw while handling {} at {}{}", callback, outcome.name(), outcome.stage(),
                outcome.code().isPresent() ? " (" + outcome.code().getAsInt() + ")" : "", e);
        LOG.debug("the recipient of that outcome: {}", recipient);
    }

    private static void typed(OutcomeHandler h, InternetAddress to, DeliveryOutcome outcome) {
        if (outcome instanceof Accepted o) h.onAccepted(to, o);
        else if (outcome instanceof WillForward o) h.onWillForward(to, o);
        else if (outcome instanceof AcceptedUnverified o) h.onAcceptedUnverified(to, o);
        else if (outcome instanceof ServiceUnavailable o) h.onServiceUnavailable(to, o);
        else if (outcome instanceof MailboxBusy o) h.onMailboxBusy(to, o);
        else if (outcome instanceof LocalError o) h.onLocalError(to, o);
        else if (outcome instanceof InsufficientStorage o) h.onInsufficientStorage(to, o);
        else if (outcome instanceof TransientFailure o) h.onTransientFailure(to, o);
        else if (outcome instanceof MailboxUnavailable o) h.onMailboxUnavailable(to, o);
        else if (outcome instanceof NotLocalNoRelay o) h.onNotLocalNoRelay(to, o);
        else if (outcome instanceof StorageExceeded o) h.onStorageExceeded(to, o);
        else if (outcome instanceof MailboxNameNotAllowed o) h.onMailboxNameNotAllowed(to, o);
        else if (outcome instanceof TransactionFailed o) h.onTransactionFailed(to, o);
        else if (outcome instanceof ProtocolError o) h.onProtocolError(to, o);
        else if (outcome instanceof PermanentFailure o) h.onPermanentFailure(to, o);
        else if (outcome instanceof Unexpected o) h.onUnexpected(to, o);
        else if (outcome instanceof ConnectionLost o) h.onConnectionLost(to, o);
        else if (outcome instanceof Suppressed o) h.onSuppressed(to, o);
        else throw new IllegalStateException("no callback for " + outcome.getClass());
    }
}
