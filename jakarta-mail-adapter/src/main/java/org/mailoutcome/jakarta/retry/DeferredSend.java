package org.mailoutcome.jakarta.retry;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.mailoutcome.RetryPolicy;

/**
 * A send with recipients to retry later, as the mailer hands it to a {@link RetryHandOff}.
 *
 * @param message the message as first sent
 * @param pending the recipients to retry, in envelope order, each with its attempts and latest outcome
 * @param due when the retry is due, as the policy decided (the longest delay among the recipients)
 * @param policy the retry policy of the mailer, which decides the later attempts too
 * @param server the server the first attempt went to, {@code host:port}
 */
public record DeferredSend(StoredMessage message, List<PendingRecipient> pending, Instant due, RetryPolicy policy,
        String server) {
    /**
     * Checks and copies the components.
     *
     * @param message the message as first sent
     * @param pending the recipients to retry, at least one
     * @param due when the retry is due
     * @param policy the retry policy
     * @param server the server, {@code host:port}
     */
    public DeferredSend {
        Objects.requireNonNull(message, "message");
        pending = List.copyOf(pending);
        if (pending.isEmpty()) throw new IllegalArgumentException("pending must not be empty");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(server, "server");
    }
}
