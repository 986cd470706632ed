package org.mailoutcome.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Stage;
import org.mailoutcome.tracking.Evidence;
import org.mailoutcome.tracking.HistoryEvent;
import org.mailoutcome.tracking.MovedAddress;
import org.mailoutcome.tracking.Suppression;

class ConsoleViewsTest {
    private static final Instant T = Instant.parse("2026-12-07T09:00:00Z");

    @Test
    void historyEventsReadAsOneLineEachAfterTheirName() {
        DeliveryOutcome unknown = DeliveryOutcome.classify(Stage.RCPT, "550 5.1.1 <bob@x.test>: User unknown");
        Suppression entry = Suppression.manual("bob@x.test", "asked by phone", T, Optional.empty());
        List<HistoryEvent> events = List.of(
                new HistoryEvent.Sent(T, "s1", Optional.of("<m1@app>"), "bob@x.test", unknown, List.of()),
                new HistoryEvent.Suppressed(T, entry),
                new HistoryEvent.Unsuppressed(T, "removed"),
                new HistoryEvent.Moved(new MovedAddress("bob@x.test", "bob@y.test",
                        new Evidence.Manual("told us", T))));

        assertThat(events.stream().map(ConsoleViews::event).map(e -> e.get("event") + " | " + e.get("text")))
                .containsExactly(
                        "Sent | to bob@x.test (Message-ID <m1@app>): MailboxUnavailable at RCPT (550 5.1.1 "
                                + "<bob@x.test>: User unknown)",
                        "Suppressed | manual, unknown, until removed; cause: " + entry.cause().describe(),
                        "Unsuppressed | removed",
                        "Moved | bob@x.test -> bob@y.test (" + new Evidence.Manual("told us", T).describe() + ")");
        assertThat(ConsoleViews.event(events.get(0))).containsEntry("at", "2026-12-07T09:00:00Z")
                .containsEntry("send", "s1");
    }
}
