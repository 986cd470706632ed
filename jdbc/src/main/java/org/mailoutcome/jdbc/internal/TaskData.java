package org.mailoutcome.jdbc.internal;

import java.util.List;
import org.mailoutcome.RetryPolicy;
import org.mailoutcome.jakarta.retry.StoredMessage;

/**
 * What one retry round carries: the message as first sent, the server, the policy, and the recipients with the
 * number of the attempt this round makes for each.
 *
 * @param sendId the ledger's id of the send
 * @param round 1 for the first retry round, then 2, ...
 * @param server {@code host:port} of the first attempt
 * @param message the stored message
 * @param policy the retry policy of the send
 * @param recipients the recipients of this round
 */
public record TaskData(String sendId, int round, String server, StoredMessage message, RetryPolicy policy,
        List<Recipient> recipients) {
    /** Copies the list. */
    public TaskData {
        recipients = List.copyOf(recipients);
    }

    /**
     * One recipient of a round.
     *
     * @param address the envelope address (the ledger's key)
     * @param target the address this attempt goes to
     * @param attempt the number of this attempt at the target (2 for the first retry)
     */
    public record Recipient(String address, String target, int attempt) {
    }
}
