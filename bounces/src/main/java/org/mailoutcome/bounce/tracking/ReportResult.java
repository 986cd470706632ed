package org.mailoutcome.bounce.tracking;

import java.util.Objects;
import java.util.Optional;
import org.mailoutcome.bounce.tracking.IngestResult.MatchedBy;
import org.mailoutcome.tracking.FateUpdate;
import org.mailoutcome.tracking.ProviderReport;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.SuppressionChange;

/** What {@link DeliveryTracker#ingest(ProviderReport)} did with one provider's report: one record per meaning. */
public sealed interface ReportResult {

    /**
     * The report this result is about.
     *
     * @return the report
     */
    ProviderReport report();

    /**
     * Matched to a recipient of a tracked send.
     *
     * @param report the report
     * @param send the send as it is after the report
     * @param matchedBy how the send was found: {@link MatchedBy#TRACKING_ID}, {@link MatchedBy#QUEUE_ID} or
     *     {@link MatchedBy#MESSAGE_ID}
     * @param update what the store did: {@link FateUpdate.Applied} when the fate moved, {@link FateUpdate.Kept}
     *     when the report was remembered without moving it (a complaint, a suppression, an open, a delay after a
     *     bounce), {@link FateUpdate.Duplicate} for an event applied before
     * @param suppression what the suppression list made of it; empty without a list, or for an effect that is
     *     no evidence (a delay, an open)
     */
    record Tracked(ProviderReport report, SentMessage send, MatchedBy matchedBy, FateUpdate update,
            Optional<SuppressionChange> suppression) implements ReportResult {
        /**
         * Checks the components.
         *
         * @param report the report
         * @param send the send
         * @param matchedBy how
         * @param update the store's answer
         * @param suppression the suppression list's answer
         */
        public Tracked {
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(send, "send");
            Objects.requireNonNull(matchedBy, "matchedBy");
            Objects.requireNonNull(update, "update");
            Objects.requireNonNull(suppression, "suppression");
        }
    }

    /**
     * Matched to no tracked send, or to a send without that recipient, or naming no recipient: reported to
     * {@link FateListener#onUnmatched(ProviderReport, String)}, never dropped; nothing changed.
     *
     * @param report the report
     * @param why what was tried
     */
    record Unmatched(ProviderReport report, String why) implements ReportResult {
        /**
         * Checks the components.
         *
         * @param report the report
         * @param why what was tried
         */
        public Unmatched {
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(why, "why");
        }
    }
}
