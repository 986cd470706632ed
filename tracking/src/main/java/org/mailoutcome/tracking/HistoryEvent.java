package org.mailoutcome.tracking;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mailoutcome.DeliveryOutcome;

/**
 * One event in the life of an address, as {@link AddressHistory} tells it: a send, a retry round, a notice, a
 * suppression made or lifted, a forward path learnt.
 */
public sealed interface HistoryEvent {

    /**
     * When it happened.
     *
     * @return the time
     */
    Instant at();

    /**
     * The send it is about, if any.
     *
     * @return the {@link SentMessage#id()}, or empty
     */
    Optional<String> sendId();

    /**
     * The name of the event's record, e.g. {@code "Sent"}.
     *
     * @return the simple name of the record class
     */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * A send to the address (or forwarded to it): the SMTP outcome of the send itself, with its attempts.
     *
     * @param at when the send started
     * @param send the send's id
     * @param messageId its Message-ID, if any
     * @param address the envelope address
     * @param outcome the outcome when the send returned (before any durable retry)
     * @param attempts the send's own attempts (retries in memory, forwards), oldest first
     */
    record Sent(Instant at, String send, Optional<String> messageId, String address, DeliveryOutcome outcome,
            List<TrackedRecipient.Attempt> attempts) implements HistoryEvent {
        /**
         * Checks and copies the components.
         *
         * @param at when
         * @param send the send
         * @param messageId the Message-ID
         * @param address the envelope address
         * @param outcome the outcome
         * @param attempts the attempts
         */
        public Sent {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(send, "send");
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(outcome, "outcome");
            attempts = List.copyOf(attempts);
        }

        /** @return the send */
        @Override
        public Optional<String> sendId() {
            return Optional.of(send);
        }
    }

    /**
     * A durable retry round of a send.
     *
     * @param send the send's id
     * @param attempt the round's attempt: its number, address, outcome and time
     */
    record Retried(String send, TrackedRecipient.Attempt attempt) implements HistoryEvent {
        /**
         * Checks the components.
         *
         * @param send the send
         * @param attempt the attempt
         */
        public Retried {
            Objects.requireNonNull(send, "send");
            Objects.requireNonNull(attempt, "attempt");
        }

        /** @return the attempt's time */
        @Override
        public Instant at() {
            return attempt.at();
        }

        /** @return the send */
        @Override
        public Optional<String> sendId() {
            return Optional.of(send);
        }
    }

    /**
     * A notice about the address in one send: a bounce, a delay or a success notice.
     *
     * @param at when it was applied
     * @param send the send's id
     * @param noticeId the notice's identity
     * @param fate the fate it reported
     * @param applied whether it moved the fate (false: it came after a final fate, or a later one)
     */
    record Noticed(Instant at, String send, String noticeId, Fate fate, boolean applied) implements HistoryEvent {
        /**
         * Checks the components.
         *
         * @param at when
         * @param send the send
         * @param noticeId the notice
         * @param fate the fate
         * @param applied whether it moved the fate
         */
        public Noticed {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(send, "send");
            Objects.requireNonNull(noticeId, "noticeId");
            Objects.requireNonNull(fate, "fate");
        }

        /** @return the send */
        @Override
        public Optional<String> sendId() {
            return Optional.of(send);
        }
    }

    /**
     * The address was suppressed (or its entry replaced).
     *
     * @param at when the entry was stored
     * @param entry the entry
     */
    record Suppressed(Instant at, Suppression entry) implements HistoryEvent {
        /**
         * Checks the components.
         *
         * @param at when
         * @param entry the entry
         */
        public Suppressed {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(entry, "entry");
        }

        /** @return the send of the entry's cause, if any */
        @Override
        public Optional<String> sendId() {
            return entry.cause().sendId();
        }
    }

    /**
     * The address's suppression was lifted.
     *
     * @param at when
     * @param why {@code "removed"} (by an operator), or {@code "cleared by a delivery"}
     */
    record Unsuppressed(Instant at, String why) implements HistoryEvent {
        /**
         * Checks the components.
         *
         * @param at when
         * @param why why
         */
        public Unsuppressed {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(why, "why");
        }

        /** @return empty */
        @Override
        public Optional<String> sendId() {
            return Optional.empty();
        }
    }

    /**
     * A forward path was learnt for the address, or one to it.
     *
     * @param moved the entry: old and new address, and its provenance
     */
    record Moved(MovedAddress moved) implements HistoryEvent {
        /**
         * Checks the component.
         *
         * @param moved the entry
         */
        public Moved {
            Objects.requireNonNull(moved, "moved");
        }

        /** @return when it was learnt */
        @Override
        public Instant at() {
            return moved.learnt();
        }

        /** @return the send of its provenance, if any */
        @Override
        public Optional<String> sendId() {
            return moved.provenance().sendId();
        }
    }
}
