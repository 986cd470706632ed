package org.mailoutcome.jdbc;

/** Where a (send, recipient) row of the ledger stands. */
public enum LedgerState {
    /** Waiting for its next attempt, due at {@link LedgerEntry#due()}. */
    PENDING,
    /** Claimed by a worker: the transaction has started, the end of data is not written yet (safe to resend). */
    IN_FLIGHT,
    /** The end of data was about to be written: if no result follows, the server may have the message. */
    DATA_SENT,
    /** Final: accepted, refused, given up, or maybe delivered and not retried. */
    DONE
}
