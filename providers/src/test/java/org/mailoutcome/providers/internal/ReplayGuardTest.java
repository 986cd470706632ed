package org.mailoutcome.providers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mailoutcome.providers.Refusal;

class ReplayGuardTest {
    private static final Instant NOW = Instant.parse("2024-06-03T10:05:00Z");
    private final ReplayGuard guard = new ReplayGuard(Duration.ofMinutes(10), 3);

    private static Refusal refusal(Verdict v) {
        return ((Verdict.Fail) v).refusal();
    }

    @Test
    void aTokenIsAcceptedOnceWithinTheWindow() {
        assertThat(guard.admit("a", NOW, NOW)).isInstanceOf(Verdict.Pass.class);
        assertThat(refusal(guard.admit("a", NOW, NOW))).isEqualTo(Refusal.REPLAYED);
        assertThat(refusal(guard.admit("b", NOW.minusSeconds(601), NOW))).isEqualTo(Refusal.STALE);
        assertThat(refusal(guard.admit("b", NOW.plusSeconds(601), NOW))).isEqualTo(Refusal.STALE);
        assertThat(guard.admit("b", NOW.minusSeconds(600), NOW)).isInstanceOf(Verdict.Pass.class);
    }

    @Test
    void whenFullTheOldestIsForgottenAndNothingSignedBeforeItIsAcceptedAgain() {
        guard.admit("t1", NOW.minusSeconds(30), NOW);
        guard.admit("t2", NOW.minusSeconds(20), NOW);
        guard.admit("t3", NOW.minusSeconds(10), NOW);
        assertThat(guard.admit("t4", NOW, NOW)).isInstanceOf(Verdict.Pass.class);
        assertThat(guard.size()).isEqualTo(3);
        assertThat(refusal(guard.admit("t1", NOW.minusSeconds(30), NOW))).isEqualTo(Refusal.STALE);
        assertThat(refusal(guard.admit("fresh-but-old", NOW.minusSeconds(31), NOW))).isEqualTo(Refusal.STALE);
        assertThat(refusal(guard.admit("t2", NOW.minusSeconds(20), NOW))).isEqualTo(Refusal.REPLAYED);
    }

    @Test
    void expiredTokensAreDroppedWithoutRaisingTheFloor() {
        guard.admit("old", NOW.minusSeconds(590), NOW);
        Instant later = NOW.plusSeconds(60);
        assertThat(guard.admit("new", later, later)).isInstanceOf(Verdict.Pass.class);
        assertThat(guard.size()).isEqualTo(1);
        assertThat(guard.admit("other", later.minusSeconds(599), later)).isInstanceOf(Verdict.Pass.class);
    }

    @Test
    void aForgottenTokenIsAcceptedAgainAndItsOldEntryDoesNotEvictTheNewOne() {
        guard.admit("r", NOW.minusSeconds(20), NOW);
        guard.forget("r");
        assertThat(guard.admit("r", NOW.minusSeconds(10), NOW)).isInstanceOf(Verdict.Pass.class);
        guard.admit("x", NOW, NOW);
        guard.admit("y", NOW, NOW);
        assertThat(refusal(guard.admit("r", NOW.minusSeconds(10), NOW))).isEqualTo(Refusal.REPLAYED);
    }
}
