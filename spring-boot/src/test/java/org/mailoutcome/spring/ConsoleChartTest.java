package org.mailoutcome.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Reason;
import org.mailoutcome.Stage;
import org.mailoutcome.SuppressionKind;
import org.mailoutcome.tracking.Fate;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.TrackedRecipient;

class ConsoleChartTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void recipientsAreCountedByOutcomeOnTheDaySentAndByFateOnTheDayReported() {
        Instant yesterday = NOW.minusSeconds(86_400);
        TrackedRecipient accepted = TrackedRecipient.sent("a@x.test", "a@x.test", outcome("250 2.1.5 Ok"));
        TrackedRecipient bounced = new TrackedRecipient("b@x.test", "b@x.test", outcome("250 2.1.5 Ok"),
                new Fate.Bounced(outcome("550 5.1.1 User unknown"), NOW), List.of("n1"));
        TrackedRecipient refused = TrackedRecipient.sent("c@x.test", "c@x.test", outcome("550 5.1.1 User unknown"));
        TrackedRecipient deferred = TrackedRecipient.sent("d@x.test", "d@x.test", outcome("452 4.2.2 Mailbox full"));
        TrackedRecipient suppressed = TrackedRecipient.sent("e@x.test", "e@x.test", new DeliveryOutcome.Suppressed(
                SuppressionKind.HARD_BOUNCE, Reason.USER_UNKNOWN, yesterday, Optional.empty(), "bounce"));
        SentMessage send = new SentMessage("s1", Optional.empty(), Optional.empty(), Optional.empty(), yesterday,
                "127.0.0.1:25", List.of(accepted, bounced, refused, deferred, suppressed));
        SentMessage old = new SentMessage("s0", Optional.empty(), Optional.empty(), Optional.empty(),
                NOW.minusSeconds(30 * 86_400), "127.0.0.1:25", List.of(accepted));

        Map<String, Object> chart = ConsoleChart.of(List.of(send, old), NOW, 3);

        assertThat(chart.get("days")).isEqualTo(List.of("2026-12-05", "2026-12-06", "2026-12-07"));
        assertThat(chart.get("sends")).isEqualTo(2);
        assertThat(series(chart)).containsExactly(
                "smtp accepted [0, 2, 0]", "smtp deferred: mailbox full [0, 1, 0]",
                "smtp refused: user unknown [0, 1, 0]", "smtp suppressed: user unknown [0, 1, 0]",
                "fate bounced: user unknown [0, 0, 1]");
    }

    private static List<String> series(Map<String, Object> chart) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> series = (List<Map<String, Object>>) chart.get("series");
        return series.stream().map(s -> s.get("group") + " " + s.get("name") + " " + s.get("counts")).toList();
    }

    private static DeliveryOutcome outcome(String reply) {
        return DeliveryOutcome.classify(Stage.RCPT, reply);
    }
}
