package org.mailoutcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mailoutcome.DeliveryOutcome.ConnectionLost;

class RetryPolicyTest {
    private final RetryPolicy policy = RetryPolicy.builder().random(() -> 0.5).build();

    private static DeliveryOutcome rcpt(String reply) {
        return DeliveryOutcome.classify(Stage.RCPT, reply);
    }

    @Test
    void greylistingIsRetriedAfterTheBackoff() {
        assertThat(policy.decide(rcpt("451 4.7.1 Greylisted, please try again later"), 1))
                .isEqualTo(new RetryDecision.Retry(Duration.ofSeconds(1)));
        assertThat(policy.decide(rcpt("451 4.7.1 Greylisted"), 2)).isEqualTo(new RetryDecision.Retry(Duration.ofSeconds(2)));
    }

    @Test
    void givesUpAfterMaxAttempts() {
        assertThat(policy.decide(rcpt("450 4.2.1 busy"), 3)).isInstanceOf(RetryDecision.GiveUp.class);
    }

    @Test
    void neverRetriesSuccessOrPermanent() {
        assertThat(policy.decide(rcpt("250 ok"), 1)).isEqualTo(new RetryDecision.GiveUp("accepted"));
        assertThat(policy.decide(rcpt("550 5.1.1 unknown"), 1)).isEqualTo(new RetryDecision.GiveUp("permanent"));
    }

    @Test
    void maybeDeliveredIsRetriedOnlyWhenAskedFor() {
        ConnectionLost lost = new ConnectionLost(Stage.MESSAGE, true, "[EOF]");
        assertThat(policy.decide(lost, 1)).isInstanceOf(RetryDecision.GiveUp.class);
        assertThat(policy.toBuilder().retryMaybeDelivered(true).build().decide(lost, 1))
                .isInstanceOf(RetryDecision.Retry.class);
        assertThat(policy.decide(new ConnectionLost(Stage.RCPT, false, "reset"), 1))
                .isInstanceOf(RetryDecision.Retry.class);
    }

    @Test
    void onlyTheChosenRecordsAreRetried() {
        RetryPolicy greyOnly = policy.toBuilder().retryOn(DeliveryOutcome.LocalError.class).build();
        assertThat(greyOnly.decide(rcpt("450 4.2.1 busy"), 1)).isInstanceOf(RetryDecision.GiveUp.class);
        assertThat(greyOnly.decide(rcpt("451 4.7.1 grey"), 1)).isInstanceOf(RetryDecision.Retry.class);
        assertThat(policy.decide(rcpt("455 4.3.0 params"), 1)).isInstanceOf(RetryDecision.GiveUp.class);
    }

    @Test
    void jitterSpreadsTheDelayWithInjectedRandomness() {
        RetryPolicy low = policy.toBuilder().random(() -> 0.0).build();
        RetryPolicy high = policy.toBuilder().random(() -> 0.999).build();
        assertThat(((RetryDecision.Retry) low.decide(rcpt("451 x"), 1)).delay()).isEqualTo(Duration.ofMillis(800));
        assertThat(((RetryDecision.Retry) high.decide(rcpt("451 x"), 1)).delay()).isEqualTo(Duration.ofMillis(1200));
    }

    @Test
    void noneMakesOneAttemptAndGreylistingOutlastsAGreylist() {
        assertThat(RetryPolicy.none().decide(rcpt("451 x"), 1)).isInstanceOf(RetryDecision.GiveUp.class);
        RetryDecision first = RetryPolicy.greylisting().toBuilder().jitter(0).build().decide(rcpt("451 x"), 1);
        assertThat(((RetryDecision.Retry) first).delay()).isGreaterThan(Duration.ofMinutes(5));
    }

    @Test
    void builderChecksItsArguments() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).hasMessage("maxAttempts must be >= 1: 0");
        assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5)).hasMessage("jitter must be within 0-1: 1.5");
        assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(2), 2, Duration.ofSeconds(1)))
                .hasMessageStartingWith("max must be >= initial");
        assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1)))
                .hasMessage("multiplier must be >= 1: 0.5");
    }

    @Test
    void exponentialBackoffIsCapped() {
        Backoff backoff = Backoff.exponential(Duration.ofSeconds(1), 2, Duration.ofSeconds(5));
        assertThat(backoff.delayBeforeRetry(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delayBeforeRetry(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delayBeforeRetry(10)).isEqualTo(Duration.ofSeconds(5));
        assertThat(Backoff.fixed(Duration.ofSeconds(3)).delayBeforeRetry(7)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void itsSettingsCanBeReadBackToStoreThePolicy() {
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(5).backoff(Backoff.fixed(Duration.ofSeconds(7)))
                .jitter(0.1).retryOn(DeliveryOutcome.LocalError.class).retryMaybeDelivered(true).build();
        assertThat(policy.maxAttempts()).isEqualTo(5);
        assertThat(policy.backoff()).isEqualTo(Backoff.fixed(Duration.ofSeconds(7)));
        assertThat(policy.jitter()).isEqualTo(0.1);
        assertThat(policy.retryOn()).containsExactly(DeliveryOutcome.LocalError.class);
        assertThat(policy.isRetryMaybeDelivered()).isTrue();
        assertThat(RetryPolicy.defaults().isRetryMaybeDelivered()).isFalse();
    }
}
