package org.mailoutcome.jakarta.retry;

import jakarta.mail.internet.InternetAddress;
import java.util.List;
import org.mailoutcome.jakarta.DeliveryReport;

/**
 * Calls around the one transaction of a re-send, for a ledger that must never send a recipient twice: mark the
 * recipients in flight before it, note the moment the end of data is written (after it the server may have
 * taken the message: "maybe delivered"), record the results after the replies.
 *
 * <p>Called on the sending thread. An exception thrown by {@link #beforeTransaction} or
 * {@link #beforeEndOfData} stops the transaction before the message is complete, so nothing is delivered; one
 * thrown by {@link #afterReplies} reaches the caller of {@code resend}.
 */
public interface TransactionHooks {
    /** Hooks that do nothing. */
    TransactionHooks NONE = new TransactionHooks() {
    };

    /**
     * Before the first command of the transaction.
     *
     * @param to the recipients of the transaction
     * @throws Exception to stop the transaction: every recipient is reported not sent
     */
    default void beforeTransaction(List<InternetAddress> to) throws Exception {
    }

    /**
     * After the message content, before the final {@code "."}: only recipients the server accepted are left.
     *
     * @throws Exception to stop the transaction before the end of data: nothing is delivered
     */
    default void beforeEndOfData() throws Exception {
    }

    /**
     * After the replies: one outcome per recipient.
     *
     * @param report the report of the transaction
     * @throws Exception passed on to the caller
     */
    default void afterReplies(DeliveryReport report) throws Exception {
    }
}
