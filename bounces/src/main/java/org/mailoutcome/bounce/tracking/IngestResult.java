package org.mailoutcome.bounce.tracking;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mailoutcome.bounce.BouncedRecipient;
import org.mailoutcome.bounce.Complaint;
import org.mailoutcome.bounce.ParsedMail;
import org.mailoutcome.tracking.FateUpdate;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.SuppressionChange;

/** What {@link DeliveryTracker} did with one mail: one record per meaning. */
public sealed interface IngestResult {

    /** How a notice was matched to its send, in the order they are tried. */
    enum MatchedBy {
        /** The notice's {@code Original-Envelope-Id} (RFC 3461 ENVID). */
        ENVELOPE_ID,
        /** The token of the VERP address the notice was sent to. */
        VERP_TOKEN,
        /**
         * The send id an email service provider's correlation header carried: in a provider's event metadata, or
         * among the headers a bounce mail returns.
         */
        TRACKING_ID,
        /** A provider's own message id, recorded as the send's queue id (SES's {@code 250 Ok ID}). */
        QUEUE_ID,
        /** The Message-ID of the message the notice returns. */
        MESSAGE_ID
    }

    /**
     * A notice matched to a send: what became of each recipient it names.
     *
     * @param send the send as it is after the notice
     * @param matchedBy how it was matched
     * @param noticeId the notice's identity (its Message-ID, or a digest)
     * @param recipients each recipient of the notice that the send has, with what the store did
     * @param unmatched the recipients of the notice that the send does not have (reported as unmatched)
     */
    record Tracked(SentMessage send, MatchedBy matchedBy, String noticeId, List<Update> recipients,
            List<BouncedRecipient> unmatched) implements IngestResult {
        /**
         * Checks and copies the components.
         *
         * @param send the send
         * @param matchedBy how it was matched
         * @param noticeId the notice's identity
         * @param recipients the updates
         * @param unmatched the unmatched recipients
         */
        public Tracked {
            Objects.requireNonNull(send, "send");
            Objects.requireNonNull(matchedBy, "matchedBy");
            Objects.requireNonNull(noticeId, "noticeId");
            recipients = List.copyOf(recipients);
            unmatched = List.copyOf(unmatched);
        }
    }

    /**
     * One recipient of a matched notice.
     *
     * @param notice what the notice says of the recipient
     * @param update what the store did: applied, kept, or a duplicate of a notice ingested before
     * @param suppression what the tracker's suppression list made of it; empty without a list, or for a delay
     */
    record Update(BouncedRecipient notice, FateUpdate update, Optional<SuppressionChange> suppression) {
        /**
         * Checks the components.
         *
         * @param notice the notice's recipient
         * @param update the store's answer
         * @param suppression the suppression list's answer
         */
        public Update {
            Objects.requireNonNull(notice, "notice");
            Objects.requireNonNull(update, "update");
            Objects.requireNonNull(suppression, "suppression");
        }

        /**
         * An update without a suppression list.
         *
         * @param notice the notice's recipient
         * @param update the store's answer
         */
        public Update(BouncedRecipient notice, FateUpdate update) {
            this(notice, update, Optional.empty());
        }
    }

    /**
     * A complaint, matched to its send or not.
     *
     * @param complaint the report
     * @param send the send, if matched
     * @param matchedBy how, if matched
     * @param suppressions what the tracker's suppression list made of it, one per recipient of the send it names;
     *     empty without a list or a matched send
     */
    record Complained(Complaint complaint, Optional<SentMessage> send, Optional<MatchedBy> matchedBy,
            List<SuppressionChange> suppressions) implements IngestResult {
        /**
         * Checks the components.
         *
         * @param complaint the report
         * @param send the send, if matched
         * @param matchedBy how, if matched
         * @param suppressions the suppression list's answers
         */
        public Complained {
            Objects.requireNonNull(complaint, "complaint");
            Objects.requireNonNull(send, "send");
            Objects.requireNonNull(matchedBy, "matchedBy");
            suppressions = List.copyOf(suppressions);
        }

        /**
         * A complaint without a suppression list.
         *
         * @param complaint the report
         * @param send the send, if matched
         * @param matchedBy how, if matched
         */
        public Complained(Complaint complaint, Optional<SentMessage> send, Optional<MatchedBy> matchedBy) {
            this(complaint, send, matchedBy, List.of());
        }
    }

    /**
     * A notice that matches no tracked send.
     *
     * @param notice the notice
     * @param why what was tried
     */
    record Unmatched(ParsedMail notice, String why) implements IngestResult {
        /**
         * Checks the components.
         *
         * @param notice the notice
         * @param why what was tried
         */
        public Unmatched {
            Objects.requireNonNull(notice, "notice");
            Objects.requireNonNull(why, "why");
        }
    }

    /**
     * A mail that is no notice (an auto-reply, ordinary mail).
     *
     * @param mail what the parser made of it
     */
    record Ignored(ParsedMail mail) implements IngestResult {
        /**
         * Checks the component.
         *
         * @param mail the parsed mail
         */
        public Ignored {
            Objects.requireNonNull(mail, "mail");
        }
    }
}
