package org.mailoutcome.spring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mailoutcome.Disposition;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.tracking.Fate;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.TrackedRecipient;

/**
 * The console's chart: recipients per day (UTC) by what happened, over the last days, from the sends it is given.
 * Two groups of series: the SMTP outcome by the day of the send ({@code accepted}, {@code deferred: <reason>},
 * {@code refused: <reason>}, {@code suppressed: <reason>}), and the fate a notice reported by the day it happened
 * ({@code delivered}, {@code delayed}, {@code bounced: <reason>}).
 */
final class ConsoleChart {
    private final List<LocalDate> days = new ArrayList<>();
    private final Map<String, long[]> smtp = new LinkedHashMap<>();
    private final Map<String, long[]> fates = new LinkedHashMap<>();

    private ConsoleChart(LocalDate last, int dayCount) {
        for (int i = dayCount - 1; i >= 0; i--) days.add(last.minusDays(i));
    }

    static Map<String, Object> of(List<SentMessage> sends, Instant now, int dayCount) {
        ConsoleChart chart = new ConsoleChart(now.atZone(ZoneOffset.UTC).toLocalDate(), dayCount);
        for (SentMessage send : sends) {
            for (TrackedRecipient r : send.recipients()) {
                chart.count(chart.smtp, outcome(r.outcome()), Optional.of(send.sentAt()));
                fate(r.fate()).ifPresent(name -> chart.count(chart.fates, name, r.fate().at()));
            }
        }
        List<Map<String, Object>> series = new ArrayList<>();
        chart.series(series, "smtp", chart.smtp);
        chart.series(series, "fate", chart.fates);
        return ConsoleViews.map("days", chart.days.stream().map(LocalDate::toString).toList(), "series", series,
                "sends", sends.size());
    }

    private static String outcome(DeliveryOutcome outcome) {
        if (outcome instanceof DeliveryOutcome.Suppressed) return "suppressed: " + ConsoleViews.lower(outcome.reason());
        if (outcome.disposition() == Disposition.SUCCESS) return "accepted";
        String prefix = outcome.disposition() == Disposition.TRANSIENT ? "deferred: " : "refused: ";
        return prefix + ConsoleViews.lower(outcome.reason());
    }

    private static Optional<String> fate(Fate fate) {
        if (fate instanceof Fate.Bounced bounced) return Optional.of("bounced: " + ConsoleViews.lower(bounced.reason()));
        if (fate instanceof Fate.Delayed) return Optional.of("delayed");
        if (fate instanceof Fate.Delivered) return Optional.of("delivered");
        return Optional.empty();
    }

    private void count(Map<String, long[]> group, String name, Optional<Instant> at) {
        if (at.isEmpty()) return;
        int index = days.indexOf(at.get().atZone(ZoneOffset.UTC).toLocalDate());
        if (index >= 0) group.computeIfAbsent(name, n -> new long[days.size()])[index]++;
    }

    private void series(List<Map<String, Object>> out, String group, Map<String, long[]> counts) {
        counts.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -total(e.getValue()))
                .thenComparing(Map.Entry::getKey)).forEach(e -> out.add(ConsoleViews.map("name", e.getKey(),
                        "group", group, "counts", java.util.Arrays.stream(e.getValue()).boxed().toList())));
    }

    private static long total(long[] counts) {
        long sum = 0;
        for (long c : counts) sum += c;
        return sum;
    }
}
