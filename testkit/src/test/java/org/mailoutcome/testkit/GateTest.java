package org.mailoutcome.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GateTest {

    private final Gate gate = new Gate();

    @Test
    void newGateIsClosedWithNoArrivals() {
        assertThat(gate.isReleased()).isFalse();
        assertThat(gate.arrivals()).isZero();
    }

    @Test
    void passBlocksUntilRelease() throws Exception {
        CompletableFuture<Void> passed = CompletableFuture.runAsync(() -> {
            try {
                gate.pass();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        gate.awaitArrival(Duration.ofSeconds(5));
        assertThat(passed).isNotDone();
        gate.release();
        passed.get(5, TimeUnit.SECONDS);
        assertThat(gate.arrivals()).isEqualTo(1);
    }

    @Test
    void releasedGateLetsEveryLaterArrivalThrough() throws InterruptedException {
        gate.release();
        gate.release();
        gate.pass();
        gate.pass();
        assertThat(gate.isReleased()).isTrue();
        assertThat(gate.arrivals()).isEqualTo(2);
    }

    @Test
    void passIsInterruptible() {
        Thread.currentThread().interrupt();
        assertThatThrownBy(gate::pass).isInstanceOf(InterruptedException.class);
    }

    @Test
    void awaitArrivalFailsWhenNothingArrives() {
        assertThatThrownBy(() -> gate.awaitArrival(Duration.ofMillis(20)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no reply reached the gate");
    }
}
