package org.mailoutcome.tracking;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.SmtpReply;

/**
 * What was learnt about an address, and from where: an SMTP reply at send time, a bounce or a success notice
 * read later, a complaint, or an operator's word. It is what a {@link SuppressionList} and an {@link AddressBook}
 * are fed, and each of their entries keeps the evidence that made it, so an entry always says why, when, and
 * which send.
 *
 * <p>{@link #key()} identifies the evidence: the same notice ingested twice, by one process or by two sharing a
 * database, has the same key and is counted once. Times are kept to the microsecond, as databases keep them, so
 * evidence read back from a store is equal to what was written.
 */
public sealed interface Evidence {

    /**
     * When it happened: the reply's or the notice's time.
     *
     * @return the time
     */
    Instant at();

    /**
     * The tracked send it is about, if known.
     *
     * @return the {@link SentMessage#id()}, or empty
     */
    Optional<String> sendId();

    /**
     * The identity of this evidence: two with the same key are the same fact.
     *
     * @return e.g. {@code "notice:<abc@mx.example>"}
     */
    String key();

    /**
     * One line for people: what it was and the send it came from.
     *
     * @return e.g. {@code "RCPT 550 5.1.1 <bob@lab.test>: User unknown (send 3kq...)"}
     */
    String describe();

    /**
     * The mailer's SMTP-time outcome for one recipient.
     *
     * @param sendId the tracked send, if the mailer tracks
     * @param messageId the Message-ID sent, if any
     * @param outcome the outcome
     * @param at when the send was made
     */
    record Outcome(Optional<String> sendId, Optional<String> messageId, DeliveryOutcome outcome, Instant at)
            implements Evidence {
        /**
         * Checks the components.
         *
         * @param sendId the send
         * @param messageId the Message-ID
         * @param outcome the outcome
         * @param at when
         */
        public Outcome {
            Objects.requireNonNull(sendId, "sendId");
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(outcome, "outcome");
            at = micros(at);
        }

        /** @return {@code "outcome:"} and the send id, else the Message-ID, else the time */
        @Override
        public String key() {
            return "outcome:" + sendId.or(() -> messageId).orElse(at.toString());
        }

        /** @return the stage, the first line of the reply, and the send */
        @Override
        public String describe() {
            return outcome.stage() + " " + line(outcome) + sendOf(sendId, messageId);
        }
    }

    /**
     * A bounce ({@code Action: failed}) read by the tracker for a recipient of a tracked send.
     *
     * @param send the tracked send's id
     * @param noticeId the notice's identity (its Message-ID, or a digest)
     * @param outcome the remote reply the bounce gives, classified
     * @param at when the bounce says delivery failed
     */
    record Bounce(String send, String noticeId, DeliveryOutcome outcome, Instant at) implements Evidence {
        /**
         * Checks the components.
         *
         * @param send the send
         * @param noticeId the notice
         * @param outcome the outcome
         * @param at when
         */
        public Bounce {
            Objects.requireNonNull(send, "send");
            Objects.requireNonNull(noticeId, "noticeId");
            Objects.requireNonNull(outcome, "outcome");
            at = micros(at);
        }

        /** @return the send */
        @Override
        public Optional<String> sendId() {
            return Optional.of(send);
        }

        /** @return {@code "notice:"} and the notice id */
        @Override
        public String key() {
            return "notice:" + noticeId;
        }

        /** @return the bounce's reply and the send */
        @Override
        public String describe() {
            return "bounce " + noticeId + ": " + line(outcome) + " (send " + send + ")";
        }
    }

    /**
     * A success notice ({@code Action: delivered}, {@code relayed}, {@code expanded}) for a recipient.
     *
     * @param send the tracked send's id
     * @param noticeId the notice's identity
     * @param at when the notice says the message was delivered
     */
    record Delivery(String send, String noticeId, Instant at) implements Evidence {
        /**
         * Checks the components.
         *
         * @param send the send
         * @param noticeId the notice
         * @param at when
         */
        public Delivery {
            Objects.requireNonNull(send, "send");
            Objects.requireNonNull(noticeId, "noticeId");
            at = micros(at);
        }

        /** @return the send */
        @Override
        public Optional<String> sendId() {
            return Optional.of(send);
        }

        /** @return {@code "notice:"} and the notice id */
        @Override
        public String key() {
            return "notice:" + noticeId;
        }

        /** @return the notice and the send */
        @Override
        public String describe() {
            return "delivered " + noticeId + " (send " + send + ")";
        }
    }

    /**
     * A complaint: an RFC 5965 feedback report about a message sent to the address.
     *
     * @param sendId the tracked send it was matched to, if any
     * @param noticeId the report's identity
     * @param feedbackType its {@code Feedback-Type}, e.g. {@code "abuse"}
     * @param at when it was received
     */
    record Complaint(Optional<String> sendId, String noticeId, String feedbackType, Instant at) implements Evidence {
        /**
         * Checks the components.
         *
         * @param sendId the send
         * @param noticeId the report
         * @param feedbackType the feedback type
         * @param at when
         */
        public Complaint {
            Objects.requireNonNull(sendId, "sendId");
            Objects.requireNonNull(noticeId, "noticeId");
            Objects.requireNonNull(feedbackType, "feedbackType");
            at = micros(at);
        }

        /** @return {@code "complaint:"} and the report's id */
        @Override
        public String key() {
            return "complaint:" + noticeId;
        }

        /** @return the feedback type, the report and the send */
        @Override
        public String describe() {
            return "complaint (" + feedbackType + ") " + noticeId + sendOf(sendId, Optional.empty());
        }
    }

    /**
     * Someone said so: an operator, an unsubscribe, an import.
     *
     * @param note why, in their words (may be empty)
     * @param at when
     */
    record Manual(String note, Instant at) implements Evidence {
        /**
         * Checks the components.
         *
         * @param note why
         * @param at when
         */
        public Manual {
            Objects.requireNonNull(note, "note");
            at = micros(at);
        }

        /** @return empty */
        @Override
        public Optional<String> sendId() {
            return Optional.empty();
        }

        /** @return {@code "manual:"} and the time */
        @Override
        public String key() {
            return "manual:" + at;
        }

        /** @return {@code "manual"} and the note */
        @Override
        public String describe() {
            return note.isEmpty() ? "manual" : "manual: " + note;
        }
    }

    /**
     * An email service provider reported that it did not send to the address: it is on the provider's own
     * suppression list, or the provider judged it invalid (SES {@code OnAccountSuppressionList}, SendGrid
     * {@code dropped}, Mailgun {@code suppress-*}, Postmark {@code Inactive}...).
     *
     * @param provider the provider
     * @param sendId the tracked send the event was matched to, if any
     * @param eventId the event's identity (a digest of the provider's event)
     * @param detail what the provider said: its event kind and reason
     * @param at when the provider says it happened
     */
    record Reported(Provider provider, Optional<String> sendId, String eventId, String detail, Instant at)
            implements Evidence {
        /**
         * Checks the components.
         *
         * @param provider the provider
         * @param sendId the send
         * @param eventId the event
         * @param detail what it said
         * @param at when
         */
        public Reported {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(sendId, "sendId");
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(detail, "detail");
            at = micros(at);
        }

        /** @return {@code "event:"} and the event id */
        @Override
        public String key() {
            return "event:" + eventId;
        }

        /** @return the provider, what it said and the send */
        @Override
        public String describe() {
            return provider.id() + " suppressed: " + detail + sendOf(sendId, Optional.empty());
        }
    }

    private static Instant micros(Instant at) {
        return Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MICROS);
    }

    private static String line(DeliveryOutcome outcome) {
        return outcome.reply().map(SmtpReply::toString).map(r -> r.lines().findFirst().orElse(""))
                .orElse(outcome.name());
    }

    private static String sendOf(Optional<String> sendId, Optional<String> messageId) {
        return sendId.map(id -> " (send " + id + ")").or(() -> messageId.map(m -> " (Message-ID " + m + ")"))
                .orElse("");
    }
}
