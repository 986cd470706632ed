package org.mailoutcome.jdbc;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the ledger: a recipient of a send handed to the durable retries.
 *
 * @param sendId the send's id ({@code ScheduledRetry.Scheduled.id()})
 * @param recipient the envelope address
 * @param target the address the attempts go to (the envelope address, or a forward path already followed)
 * @param state where it stands
 * @param attempt the attempt it waits for (PENDING) or that is in flight, or the last one made (DONE)
 * @param outcome the latest outcome in one line (record, stage, reply), if any
 * @param messageId the Message-ID of the send
 * @param due when the next attempt is due (PENDING)
 * @param updated when the row last changed
 */
public record LedgerEntry(String sendId, String recipient, String target, LedgerState state, int attempt,
        Optional<String> outcome, Optional<String> messageId, Optional<Instant> due, Instant updated) {
    /**
     * Checks the components.
     *
     * @param sendId the send's id
     * @param recipient the envelope address
     * @param target the address of the attempts
     * @param state where it stands
     * @param attempt the attempt number
     * @param outcome the latest outcome
     * @param messageId the Message-ID
     * @param due when the next attempt is due
     * @param updated when the row last changed
     */
    public LedgerEntry {
        Objects.requireNonNull(sendId, "sendId");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(updated, "updated");
    }
}
