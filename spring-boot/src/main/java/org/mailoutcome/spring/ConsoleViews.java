package org.mailoutcome.spring;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.tracking.Fate;
import org.mailoutcome.tracking.HistoryEvent;
import org.mailoutcome.tracking.MovedAddress;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.Suppression;
import org.mailoutcome.tracking.TrackedRecipient;

/**
 * What the console's API and the {@code mailoutcome} Actuator endpoint show of the tracking model: maps of strings,
 * numbers and lists only (times as ISO-8601 strings), so that any JSON writer renders them the same.
 */
final class ConsoleViews {
    private ConsoleViews() {
    }

    static Map<String, Object> suppression(Suppression s) {
        return map("address", s.address(), "kind", lower(s.kind()), "reason", lower(s.reason()),
                "since", s.since().toString(), "until", s.until().map(Instant::toString), "cause", s.cause().describe());
    }

    static Map<String, Object> moved(MovedAddress m) {
        return map("oldAddress", m.oldAddress(), "newAddress", m.newAddress(), "learnt", m.learnt().toString(),
                "provenance", m.provenance().describe());
    }

    static Map<String, Object> address(String address, Optional<Suppression> suppression, Optional<MovedAddress> moved,
            Optional<List<HistoryEvent>> history) {
        return map("address", address, "suppression", suppression.map(ConsoleViews::suppression),
                "movedTo", moved.map(ConsoleViews::moved),
                "history", history.map(events -> events.stream().map(ConsoleViews::event).toList()));
    }

    static Map<String, Object> event(HistoryEvent event) {
        return map("at", event.at().toString(), "event", event.name(), "send", event.sendId(), "text", text(event));
    }

    private static String text(HistoryEvent event) {
        if (event instanceof HistoryEvent.Sent sent) {
            return "to " + sent.address() + sent.messageId().map(id -> " (Message-ID " + id + ")").orElse("")
                    + ": " + DeliveryReport.describe(sent.outcome())
                    + (sent.attempts().size() > 1 ? ", " + sent.attempts().size() + " attempts" : "");
        }
        if (event instanceof HistoryEvent.Retried retried) {
            TrackedRecipient.Attempt attempt = retried.attempt();
            return "round " + attempt.round() + " to " + attempt.address() + ": "
                    + DeliveryReport.describe(attempt.outcome());
        }
        if (event instanceof HistoryEvent.Noticed noticed) {
            return "notice " + noticed.noticeId() + ": " + fate(noticed.fate())
                    + (noticed.applied() ? "" : " (kept the earlier fate)");
        }
        if (event instanceof HistoryEvent.Suppressed suppressed) {
            Suppression entry = suppressed.entry();
            return lower(entry.kind()) + ", " + lower(entry.reason())
                    + entry.until().map(u -> ", until " + u).orElse(", until removed") + "; cause: "
                    + entry.cause().describe();
        }
        if (event instanceof HistoryEvent.Unsuppressed lifted) return lifted.why();
        if (event instanceof HistoryEvent.Moved moved) {
            return moved.moved().oldAddress() + " -> " + moved.moved().newAddress() + " ("
                    + moved.moved().provenance().describe() + ")";
        }
        return event.name();
    }

    static Map<String, Object> send(SentMessage send) {
        return map("id", send.id(), "sentAt", send.sentAt().toString(), "messageId", send.messageId(),
                "server", send.server(), "recipients", send.recipients().stream().map(ConsoleViews::recipient).toList());
    }

    private static Map<String, Object> recipient(TrackedRecipient r) {
        DeliveryOutcome outcome = r.outcome();
        return map("address", r.address(), "finalAddress", r.finalAddress(), "outcome", outcome.name(),
                "disposition", lower(outcome.disposition()), "reason", lower(outcome.reason()),
                "text", DeliveryReport.describe(outcome), "fate", r.fate().name(), "fateText", fate(r.fate()));
    }

    static String fate(Fate fate) {
        if (fate instanceof Fate.Bounced bounced) {
            return "bounced: " + DeliveryReport.describe(bounced.outcome()) + " at " + bounced.when();
        }
        if (fate instanceof Fate.Delayed delayed) {
            return "delayed" + delayed.status().map(s -> " " + s).orElse("") + " at " + delayed.when();
        }
        if (fate instanceof Fate.Delivered delivered) return "delivered at " + delivered.when();
        if (fate instanceof Fate.NotAccepted) return "not accepted";
        return fate.name().toLowerCase(Locale.ROOT);
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** A map of key/value pairs, in order. */
    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            out.put((String) pairs[i], value instanceof Optional<?> o ? o.orElse(null) : value);
        }
        return out;
    }
}
