package org.mailoutcome.bounce.tracking;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mailoutcome.bounce.BouncedRecipient;
import org.mailoutcome.bounce.Complaint;
import org.mailoutcome.bounce.ParsedMail;
import org.mailoutcome.tracking.FateUpdate;
import org.mailoutcome.tracking.SentMessage;

/** What {@link DeliveryTracker} did with one mail: one record per meaning. */
public sealed interface IngestResult {

    /** How a notice was matched to its send, in the order they are tried. */
    enum MatchedBy {
        /** The notice's {@code Original-Envelope-Id} (RFC 3461 ENVID). */
        ENVELOPE_ID,
        /** The token of the VERP address the notice was sent to. */
        VERP_TOKEN,
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
     */
    record Update(BouncedRecipient notice, FateUpdate update) {
        /**
         * Checks the components.
         *
         * @param notice the notice's recipient
         * @param update the store's answer
         */
        public Update {
            Objects.requireNonNull(notice, "notice");
            Objects.requireNonNull(update, "update");
        }
    }

    /**
     * A complaint, matched to its send or not.
     *
     * @param complaint the report
     * @param send the send, if matched
     * @param matchedBy how, if matched
     */
    record Complained(Complaint complaint, Optional<SentMessage> send, Optional<MatchedBy> matchedBy)
            implements IngestResult {
        /**
         * Checks the components.
         *
         * @param complaint the report
         * @param send the send, if matched
         * @param matchedBy how, if matched
         */
        public Complained {
            Objects.requireNonNull(complaint, "complaint");
            Objects.requireNonNull(send, "send");
            Objects.requireNonNull(matchedBy, "matchedBy");
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
