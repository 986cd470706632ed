package org.mailoutcome.cli;

import java.util.List;
import org.mailoutcome.tracking.Suppression;
import org.mailoutcome.tracking.SuppressionChange;

/** How the tool prints suppressions: the columns of {@code suppressions list}, and a change in a word or two. */
final class SuppressionRows {
    /** The columns of {@code suppressions list|add|export}. */
    static final List<String> COLUMNS = List.of("address", "kind", "reason", "since", "until", "cause");

    private SuppressionRows() {
    }

    /** An entry in the format. */
    static String row(Suppression e, OutcomeFormat format) {
        List<String> values = List.of(e.address(), e.kind().name(), e.reason().name(), e.since().toString(),
                e.until().map(Object::toString).orElse("-"), e.cause().describe());
        if (format != OutcomeFormat.TEXT) return format.fields(COLUMNS, values);
        return String.format("%-30s %-13s %-16s since %s, %s%n    cause: %s", values.get(0), values.get(1),
                values.get(2), values.get(3), e.until().map(t -> "until " + t).orElse("until removed"), values.get(5));
    }

    /** What a change did, briefly: {@code suppressed HARD_BOUNCE}, {@code soft bounce 2 of 3}, ... */
    static String change(SuppressionChange change, int threshold) {
        if (change instanceof SuppressionChange.Suppressed s) return "suppressed " + s.entry().kind();
        if (change instanceof SuppressionChange.AlreadySuppressed s) return "already suppressed " + s.entry().kind();
        if (change instanceof SuppressionChange.Counted c) {
            return "soft bounce " + c.softBounces().size() + " of " + threshold;
        }
        if (change instanceof SuppressionChange.Cleared c) return "soft bounces cleared (" + c.softBounces() + ")";
        return "not suppressed: " + ((SuppressionChange.Ignored) change).why();
    }
}
