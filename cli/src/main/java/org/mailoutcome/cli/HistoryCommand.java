package org.mailoutcome.cli;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.SmtpReply;
import org.mailoutcome.tracking.Fate;
import org.mailoutcome.tracking.HistoryEvent;
import org.mailoutcome.tracking.TrackedRecipient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code history ADDRESS --store URL}: what happened to the mail sent to an address, one row per event, oldest
 * first. Exit status 0 when there is some event, 1 for an address the store never saw.
 */
@Command(name = "history", description = "Print the history of an address: every send with its SMTP outcome, each "
        + "retry round, each notice with its fate, suppressions, forward paths; oldest first.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the address has a history", "1:the store knows nothing of it", "2:usage error"})
final class HistoryCommand implements Callable<Integer> {
    /** The TSV columns, in order. */
    static final List<String> COLUMNS = List.of("at", "event", "send", "record", "reason", "detail");

    @Mixin StoreOption store;
    @Mixin FormatOption format = new FormatOption(OutcomeFormat.TEXT);

    @Parameters(index = "0", paramLabel = "ADDRESS", description = "The address.")
    String address;

    private final Console console;

    HistoryCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        List<HistoryEvent> events;
        try {
            events = store.open().history().of(address);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (format.format() == OutcomeFormat.TSV && console.isHeaderWanted()) {
            console.out().println(String.join("\t", COLUMNS));
        }
        for (HistoryEvent e : events) console.out().println(format.format().fields(COLUMNS, row(e)));
        if (format.format() == OutcomeFormat.TEXT) {
            console.out().println(events.size() + " event(s) for " + address);
        }
        return events.isEmpty() ? 1 : 0;
    }

    /** The values of an event: at, event, send, record, reason, detail. */
    static List<String> row(HistoryEvent e) {
        String send = e.sendId().orElse("-");
        if (e instanceof HistoryEvent.Sent s) {
            String detail = line(s.outcome()) + " " + s.messageId().map(m -> "(Message-ID " + m + ")").orElse("")
                    + (s.attempts().size() > 1 ? "; attempts: " + attempts(s.attempts()) : "");
            return values(e, send, s.outcome().name(), s.outcome().reason().name(), detail.strip());
        }
        if (e instanceof HistoryEvent.Retried r) {
            DeliveryOutcome o = r.attempt().outcome();
            return values(e, send, o.name(), o.reason().name(), "round " + r.attempt().round() + " to "
                    + r.attempt().address() + ": " + line(o));
        }
        if (e instanceof HistoryEvent.Noticed n) {
            String reason = n.fate() instanceof Fate.Bounced b ? b.reason().name() : "-";
            String said = n.fate() instanceof Fate.Bounced b ? ": " + line(b.outcome()) : "";
            return values(e, send, n.fate().name(), reason, "notice " + n.noticeId()
                    + (n.applied() ? "" : " (the fate did not move)") + said);
        }
        if (e instanceof HistoryEvent.Suppressed s) {
            return values(e, send, s.entry().kind().name(), s.entry().reason().name(), s.entry().until()
                    .map(t -> "until " + t).orElse("until removed") + "; cause: " + s.entry().cause().describe());
        }
        if (e instanceof HistoryEvent.Unsuppressed u) return values(e, send, "-", "-", u.why());
        HistoryEvent.Moved m = (HistoryEvent.Moved) e;
        return values(e, send, "-", "MOVED", m.moved().oldAddress() + " -> " + m.moved().newAddress() + " ("
                + m.moved().provenance().describe() + ")");
    }

    private static List<String> values(HistoryEvent e, String send, String record, String reason, String detail) {
        return List.of(e.at().toString(), e.name(), send, record, reason, detail);
    }

    private static String attempts(List<TrackedRecipient.Attempt> attempts) {
        return attempts.stream().map(a -> a.address() + " " + a.outcome().name()).collect(Collectors.joining(" -> "));
    }

    private static String line(DeliveryOutcome o) {
        return o.reply().map(SmtpReply::toString).map(r -> r.lines().findFirst().orElse(""))
                .orElse(o instanceof DeliveryOutcome.Suppressed s ? "suppressed: " + s.evidence() : o.name());
    }
}
