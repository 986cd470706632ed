package org.mailoutcome.bounce.tracking.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.mailoutcome.bounce.tracking.ReportResult;
import org.mailoutcome.tracking.DeliveryStore;
import org.mailoutcome.tracking.Fate;
import org.mailoutcome.tracking.FateUpdate;
import org.mailoutcome.tracking.ProviderReport;
import org.mailoutcome.tracking.ProviderReport.Effect;
import org.mailoutcome.tracking.ReportedFate;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.TrackedRecipient;

/**
 * Applies a provider's report as a notice: the send found by {@link Correlator#find(ProviderReport)}, the fate
 * moved in the store under the event's identity (an effect that is no fate is remembered under it all the same, by
 * reporting {@link Fate.Pending}, which no fate allows: so every event is applied and called back once), then the
 * suppression list and the address book, then the callbacks.
 */
public final class ReportIngest {
    private final DeliveryStore store;
    private final Correlator correlator;
    private final Consequences consequences;
    private final Callbacks callbacks;
    private final Clock clock;

    /** Applies reports to this store, with these consequences and callbacks. */
    public ReportIngest(DeliveryStore store, Consequences consequences, Callbacks callbacks, Clock clock) {
        this.store = store;
        this.correlator = new Correlator(store);
        this.consequences = consequences;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    /** Matches and applies one report. */
    public ReportResult ingest(ProviderReport report) {
        if (report.recipient().isEmpty()) {
            String what = report.effect() instanceof Effect.Unknown u ? ": " + u.why() : "";
            return unmatched(report, report.provider().id() + " event " + report.kind() + " names no recipient" + what);
        }
        Optional<Correlator.Match> match = correlator.find(report);
        if (match.isEmpty()) return unmatched(report, Correlator.miss(report));
        SentMessage send = match.get().send();
        Optional<TrackedRecipient> recipient = send.recipient(report.recipient().get());
        if (recipient.isEmpty()) {
            return unmatched(report, "send " + send.id() + " (matched by " + match.get().by() + ") has no recipient "
                    + report.recipient().get());
        }
        Instant now = clock.instant();
        Instant at = report.at().filter(t -> !t.isAfter(now)).orElse(now);
        FateUpdate update = store.update(new ReportedFate(send.id(), recipient.get().address(),
                fate(report.effect(), at), report.eventId()));
        if (update instanceof FateUpdate.NotFound) {
            return unmatched(report, "send " + send.id() + " is no longer in the store");
        }
        Consequences.Result result = consequences.of(send, recipient.get(), report, at);
        boolean moved = !consequences.hasAddressBook() || result.moveLearnt();
        TrackedRecipient after = recipient.get();
        if (update instanceof FateUpdate.Applied applied) {
            send = applied.message();
            after = applied.recipient();
            callbacks.applied(applied, moved);
        } else if (result.moveLearnt() && report.effect() instanceof Effect.Bounced b) {
            callbacks.moved(send, recipient.get(), b.outcome().forwardPath().orElseThrow());
        }
        if (update instanceof FateUpdate.Kept kept) after = kept.recipient();
        result.suppression().ifPresent(callbacks::suppression);
        if (!(update instanceof FateUpdate.Duplicate)) callbacks.reported(report, send, after);
        return new ReportResult.Tracked(report, store.find(send.id()).orElse(send), match.get().by(), update,
                result.suppression());
    }

    private ReportResult unmatched(ProviderReport report, String why) {
        callbacks.unmatched(report, why);
        return new ReportResult.Unmatched(report, why);
    }

    private static Fate fate(Effect effect, Instant at) {
        if (effect instanceof Effect.Bounced b) return new Fate.Bounced(b.outcome(), at);
        if (effect instanceof Effect.Delayed d) return new Fate.Delayed(at, d.outcome().enhancedStatus());
        if (effect instanceof Effect.Delivered) return new Fate.Delivered(at);
        return new Fate.Pending();
    }
}
