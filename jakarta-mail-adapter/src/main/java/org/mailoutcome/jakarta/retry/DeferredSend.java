package org.mailoutcome.jakarta.retry;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mailoutcome.RetryPolicy;

/**
 * A send with recipients to retry later, as the mailer hands it to a {@link RetryHandOff}.
 *
 * @param message the message as first sent
 * @param pending the recipients to retry, in envelope order, each with its attempts and latest outcome
 * @param due when the retry is due, as the policy decided (the longest delay among the recipients)
 * @param policy the retry policy of the mailer, which decides the later attempts too
 * @param server the server the first attempt went to, {@code host:port}
 * @param sendId the id of the tracked send ({@code org.mailoutcome.tracking.SentMessage#id()}) when the mailer
 *     tracks, recorded before the hand-off: a store that keeps it can update that record with each retry's result
 */
public record DeferredSend(StoredMessage message, List<PendingRecipient> pending, Instant due, RetryPolicy policy,
        String server, Optional<String> sendId) {
    /**
     * Checks and copies the components.
     *
     * @param message the message as first sent
     * @param pending the recipients to retry, at least one
     * @param due when the retry is due
     * @param policy the retry policy
     * @param server the server, {@code host:port}
     * @param sendId the tracked send's id, if tracked
     */
    public DeferredSend {
        Objects.requireNonNull(message, "message");
        pending = List.copyOf(pending);
        if (pending.isEmpty()) throw new IllegalArgumentException("pending must not be empty");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(sendId, "sendId");
    }

    /**
     * A send that is not tracked.
     *
     * @param message the message as first sent
     * @param pending the recipients to retry, at least one
     * @param due when the retry is due
     * @param policy the retry policy
     * @param server the server, {@code host:port}
     */
    public DeferredSend(StoredMessage message, List<PendingRecipient> pending, Instant due, RetryPolicy policy,
            String server) {
        this(message, pending, due, policy, server, Optional.empty());
    }
}
