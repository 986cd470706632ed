package org.mailoutcome.jakarta.retry;

import java.time.Instant;
import java.util.Objects;

/** What became of a send's deferred recipients when they were handed to a {@link RetryHandOff}. */
public sealed interface ScheduledRetry {

    /**
     * Stored: a worker will retry them.
     *
     * @param due when the retry is due
     * @param id the store's id of the send, to look it up later
     */
    record Scheduled(Instant due, String id) implements ScheduledRetry {
        /**
         * Checks the components.
         *
         * @param due when the retry is due
         * @param id the store's id of the send
         */
        public Scheduled {
            Objects.requireNonNull(due, "due");
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * Not stored: nobody will retry them; the caller has to.
     *
     * @param reason why, e.g. the database error
     */
    record NotScheduled(String reason) implements ScheduledRetry {
        /**
         * Checks the reason.
         *
         * @param reason why
         */
        public NotScheduled {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
