package org.mailoutcome.cli;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mailoutcome.bounce.Bounce;
import org.mailoutcome.bounce.BouncedRecipient;
import org.mailoutcome.bounce.ParsedMail;
import org.mailoutcome.bounce.tracking.DeliveryTracker;
import org.mailoutcome.bounce.tracking.IngestResult;
import org.mailoutcome.bounce.tracking.ReportResult;
import org.mailoutcome.tracking.FateUpdate;
import org.mailoutcome.tracking.ProviderReport;
import org.mailoutcome.tracking.SuppressionChange;
import org.mailoutcome.tracking.TrackedRecipient;

/**
 * {@code bounce --store} and {@code events --store}: ingests each notice or provider's event against the sends of the
 * database (fates, suppression list, address book) and says, per row of the command, how it matched and what it
 * caused.
 */
final class NoticeIngest {
    /** The columns {@code --store} adds. */
    static final List<String> COLUMNS = List.of("matchedBy", "send", "update", "fate", "suppression");
    /** The values of those columns for what was not ingested. */
    static final List<String> NONE = List.of("-", "-", "-", "-", "-");

    private final DeliveryTracker tracker;
    private final int threshold;

    NoticeIngest(Stores stores) {
        this.tracker = DeliveryTracker.builder(stores.tracking()).suppressions(stores.suppressions())
                .addressBook(stores.addressBook()).build();
        this.threshold = stores.suppressions().policy().softBounceThreshold();
    }

    /** Ingests a mail and returns the extra values of each of its rows, in the bounce command's row order. */
    List<List<String>> ingest(ParsedMail mail) {
        IngestResult result = tracker.ingest(mail);
        if (result instanceof IngestResult.Tracked t) return tracked((Bounce) mail, t);
        if (result instanceof IngestResult.Unmatched) {
            int rows = mail instanceof Bounce b ? Math.max(1, b.recipients().size()) : 1;
            return java.util.Collections.nCopies(rows, List.of("unmatched", "-", "-", "-", "-"));
        }
        if (result instanceof IngestResult.Complained c) {
            String changes = c.suppressions().isEmpty() ? "-" : c.suppressions().stream()
                    .map(s -> SuppressionRows.change(s, threshold)).collect(Collectors.joining("; "));
            return List.of(List.of(c.matchedBy().map(Enum::name).orElse("unmatched"),
                    c.send().map(s -> s.id()).orElse("-"), "-", "-", changes));
        }
        return List.of(NONE);
    }

    /** Applies a provider's event and returns the extra values of its row ({@code events --store}). */
    List<String> ingest(ProviderReport report) {
        ReportResult result = tracker.ingest(report);
        if (result instanceof ReportResult.Tracked t) {
            return List.of(t.matchedBy().name(), t.send().id(), t.update().getClass().getSimpleName(),
                    recipient(t.update()).map(r -> r.fate().name()).orElse("-"),
                    t.suppression().map(s -> SuppressionRows.change(s, threshold)).orElse("-"));
        }
        return List.of("unmatched", "-", "-", "-", "-");
    }

    private List<List<String>> tracked(Bounce bounce, IngestResult.Tracked t) {
        Map<BouncedRecipient, IngestResult.Update> updates = new IdentityHashMap<>();
        t.recipients().forEach(u -> updates.put(u.notice(), u));
        List<List<String>> rows = new ArrayList<>();
        for (BouncedRecipient entry : bounce.recipients()) {
            IngestResult.Update u = updates.get(entry);
            if (u == null) {
                rows.add(List.of(t.matchedBy().name(), t.send().id(), "unmatched recipient", "-", "-"));
                continue;
            }
            rows.add(List.of(t.matchedBy().name(), t.send().id(), u.update().getClass().getSimpleName(),
                    recipient(u.update()).map(r -> r.fate().name()).orElse("-"),
                    u.suppression().map(s -> SuppressionRows.change(s, threshold)).orElse("-")));
        }
        return rows;
    }

    private static Optional<TrackedRecipient> recipient(FateUpdate update) {
        if (update instanceof FateUpdate.Applied a) return Optional.of(a.recipient());
        if (update instanceof FateUpdate.Kept k) return Optional.of(k.recipient());
        if (update instanceof FateUpdate.Duplicate d) return Optional.of(d.recipient());
        return Optional.empty();
    }

    /** The text line under a row: {@code matched by ENVELOPE_ID to send X: Applied, fate Bounced; ...}. */
    static String text(List<String> extra) {
        if (extra.get(0).equals("-")) return "not a notice: nothing ingested";
        if (extra.get(0).equals("unmatched")) return "matched no send" + (extra.get(4).equals("-") ? ""
                : "; " + extra.get(4));
        return "matched by " + extra.get(0) + " to send " + extra.get(1) + ": " + extra.get(2)
                + (extra.get(3).equals("-") ? "" : ", fate " + extra.get(3))
                + (extra.get(4).equals("-") ? "" : "; " + extra.get(4));
    }
}
