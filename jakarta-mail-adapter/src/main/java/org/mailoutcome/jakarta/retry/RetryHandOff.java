package org.mailoutcome.jakarta.retry;

/**
 * Takes the deferred recipients of a send, to retry them later, durably (a database, a queue), instead of the
 * mailer waiting in memory. Called on the sending thread once per send that has recipients to retry, after the
 * first round of transactions.
 *
 * <p>An exception thrown here is not lost: the mailer logs it and the report says
 * {@link ScheduledRetry.NotScheduled} with its message, so a caller always learns that a retry is missing.
 */
@FunctionalInterface
public interface RetryHandOff {
    /**
     * Stores the send for a later retry.
     *
     * @param send what to retry, to whom, and when
     * @return {@link ScheduledRetry.Scheduled} once it is stored, or {@link ScheduledRetry.NotScheduled} with why not
     * @throws Exception when the store cannot take it (the mailer reports that as {@code NotScheduled})
     */
    ScheduledRetry handOff(DeferredSend send) throws Exception;
}
