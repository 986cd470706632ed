package org.mailoutcome.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Stage;

class TrackedRecipientTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void aDeferredRecipientRetriedWithSuccessIsPendingAgainWithBothAttempts() {
        DeliveryOutcome grey = DeliveryOutcome.classify(Stage.RCPT, "451 4.7.1 Greylisted, please try again later");
        TrackedRecipient deferred = TrackedRecipient.sent("grey@lab.test",
                List.of(new TrackedRecipient.Attempt("grey@lab.test", grey, 0, T0)));
        assertThat(deferred.fate()).isInstanceOf(Fate.NotAccepted.class);

        DeliveryOutcome ok = DeliveryOutcome.classify(Stage.RCPT, "250 2.1.5 Ok");
        TrackedRecipient after = deferred.retried(new TrackedRecipient.Attempt("grey@lab.test", ok, 1,
                T0.plusSeconds(360)));

        assertThat(after.outcome()).isEqualTo(ok);
        assertThat(after.fate()).isInstanceOf(Fate.Pending.class);
        assertThat(after.attempts()).extracting(TrackedRecipient.Attempt::round).containsExactly(0, 1);
    }

    @Test
    void aRetryLeavesAFateANoticeMovedAlone() {
        DeliveryOutcome ok = DeliveryOutcome.classify(Stage.RCPT, "250 2.1.5 Ok");
        TrackedRecipient bounced = TrackedRecipient.sent("a@lab.test", "a@lab.test", ok)
                .after(new Fate.Bounced(DeliveryOutcome.classify(Stage.RCPT, "550 5.1.1 no"), T0), "<n1>");
        TrackedRecipient after = bounced.retried(new TrackedRecipient.Attempt("a@lab.test", ok, 1, T0));
        assertThat(after.fate()).isEqualTo(bounced.fate());
        assertThat(after.notices()).containsExactly("<n1>");
    }
}
