package org.mailoutcome.jakarta;

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

/**
 * Typed callbacks, one per outcome record, each a no-op by default: override the ones you care about.
 *
 * <p>Contract: for every recipient of a send, {@link #onOutcome} is called once with its final outcome, then the
 * method of that outcome's record; on the sending thread, in envelope order, after the reply is known. Keep them
 * fast: the connection is held meanwhile. A callback that throws is logged at WARN with the outcome it was
 * handling, and the send goes on: every other recipient is still reported.
 *
 * <pre>{@code
 * mailer.send(message, new OutcomeHandler() {
 *     public void onNotLocalNoRelay(InternetAddress recipient, NotLocalNoRelay outcome) {
 *         outcome.forwardPath().ifPresent(path -> addressBook.moved(recipient, path));
 *     }
 * });
 * }</pre>
 */
public interface OutcomeHandler {

    /** A handler that does nothing. */
    OutcomeHandler NONE = new OutcomeHandler() {
    };

    /**
     * Called first for every recipient's final outcome, whatever its record.
     *
     * @param recipient the envelope recipient
     * @param outcome its final outcome
     */
    default void onOutcome(InternetAddress recipient, DeliveryOutcome outcome) {
    }

    /**
     * A server said a recipient has moved and named the new address: a 251 (the server forwards) or a 551 or
     * other moved-recipient rejection with a forward path, whether or not the mailer followed it. Update your
     * address book, as operators are told to do when a recipient has moved for good. Called after the outcome
     * callbacks of that recipient, once per attempt that named a new address; with a mailer's address book, only
     * for a move it did not know yet ({@link RecipientOutcome#movesLearnt()}), so once, when it is learnt.
     *
     * @param oldAddress the address the server said has moved
     * @param newAddress the address it named
     */
    default void onAddressMoved(InternetAddress oldAddress, InternetAddress newAddress) {
    }

    /**
     * A recipient accepted with 250 (or another 2yz without a record of its own).
     *
     * @param recipient the envelope recipient
     * @param outcome the outcome
     */
    default void onAccepted(InternetAddress recipient, Accepted outcome) {
    }

    /**
     * 251: accepted, the server forwards.
     *
     * @param recipient the envelope recipient
     * @param outcome the outcome
     */
    default void onWillForward(InternetAddress recipient, WillForward outcome) {
    }

    /**
     * 252: accepted without verification.
     *
     * @param recipient the envelope recipient
     * @param outcome the outcome
     */
    default void onAcceptedUnverified(InternetAddress recipient, AcceptedUnverified outcome) {
    }

    /**
     * 421: service unavailable.
     *
     * @param recipient the envelope recipient
     * @param outcome the outcome
     */
    default void onServiceUnavailable(InternetAddress recipient, ServiceUnavailable outcome) {
    }

    /**
     * 450: mailbox busy or unavailable for now.
     *
     * @param recipient the envelope recipient
     * @param outcome the outcome
     */
    default void onMailboxBusy(InternetAddress recipient, MailboxBusy outcome) {
    }

    /**
     * 451: local error, often greylisting.
     *
     * @param recipient the envelope recipient
     * @param outcome the outcome
     */
    default void onLocalError(InternetAddress recipient, LocalError outcome) {
    }

    /**
     * 452 or 552 too many recipients.
     *
     * @param recipient the envelope recipient
     * @param outcome the outcome
     */
    default void onInsufficientStorage(InternetAddress recipient, InsufficientStorage outcome) {
    }

    /**
     * Another 4yz.
     *
     * @param recipient the envelope recipient
     * @param outcome the outcome
     */
    default void onTransientFailure(InternetAddress recipient, TransientFailure outcome) {
    }

    /**
     * 550: mailbox unavailable.
     *
     * @param recipient the envelope recipient
     * @param outcome the outcome
     */
    default void onMailboxUnavailable(InternetAddress recipient, MailboxUnavailable outcome) {
    }

    /**
     * 551 or another moved-recipient rejection.
     *
     * @param recipient the envelope recipient
     * @param outcome the outcome
     */
    default void onNotLocalNoRelay(InternetAddress recipient, NotLocalNoRelay outcome) {
    }

    /**
     * 552: storage exceeded.
     *
     * @param recipient the envelope recipient
     * @param outcome the outcome
     */
    default void onStorageExceeded(InternetAddress recipient, StorageExceeded outcome) {
    }

    /**
     * 553: mailbox name not allowed.
     *
     * @param recipient the envelope recipient
     * @param outcome the outcome
     */
    default void onMailboxNameNotAllowed(InternetAddress recipient, MailboxNameNotAllowed outcome) {
    }

    /**
     * 554: transaction failed.
     *
     * @param recipient the envelope recipient
     * @param outcome the outcome
     */
    default void onTransactionFailed(InternetAddress recipient, TransactionFailed outcome) {
    }

    /**
     * 500-504, 555: protocol error.
     *
     * @param recipient the envelope recipient
     * @param outcome the outcome
     */
    default void onProtocolError(InternetAddress recipient, ProtocolError outcome) {
    }

    /**
     * Another 5yz.
     *
     * @param recipient the envelope recipient
     * @param outcome the outcome
     */
    default void onPermanentFailure(InternetAddress recipient, PermanentFailure outcome) {
    }

    /**
     * A reply that made no sense.
     *
     * @param recipient the envelope recipient
     * @param outcome the outcome
     */
    default void onUnexpected(InternetAddress recipient, Unexpected outcome) {
    }

    /**
     * No reply: connection lost or timed out.
     *
     * @param recipient the envelope recipient
     * @param outcome the outcome
     */
    default void onConnectionLost(InternetAddress recipient, ConnectionLost outcome) {
    }

    /**
     * Not sent: the address is on the mailer's suppression list.
     *
     * @param recipient the envelope recipient
     * @param outcome the outcome, with the entry's kind, reason and since-when
     */
    default void onSuppressed(InternetAddress recipient, Suppressed outcome) {
    }
}
