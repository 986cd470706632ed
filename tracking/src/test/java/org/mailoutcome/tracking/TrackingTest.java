package org.mailoutcome.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TrackingTest {

    @Test
    void theVerpSenderIsLocalPartPlusIdAtTheDomain() {
        assertThat(new Verp("bounces.example.com", "b").sender("abc123")).isEqualTo("b+abc123@bounces.example.com");
        assertThat(Verp.on("bounces.example.com").sender("abc123")).isEqualTo("bounces+abc123@bounces.example.com");
    }

    @Test
    void badVerpDomainsLocalPartsAndTokensAreRefused() {
        assertThatThrownBy(() -> Verp.on("bad domain")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Verp("b.test", "a+b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Verp.on("b.test").sender("not/an/id")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStoreIsGivenOnceAndTheDefaultsAreEnvelopeIdWithoutVerp() {
        Tracking tracking = Tracking.inMemory();

        assertThat(tracking.store()).isInstanceOf(InMemoryDeliveryStore.class);
        assertThat(tracking.envelopeId()).isTrue();
        assertThat(tracking.verp()).isEmpty();
        assertThat(tracking.clock()).isEqualTo(Clock.systemUTC());
        assertThatThrownBy(() -> Tracking.builder(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("store");
    }

    @Test
    void toBuilderKeepsEveryOption() {
        InMemoryDeliveryStore store = new InMemoryDeliveryStore();
        Clock clock = Clock.fixed(Instant.parse("2026-12-07T08:00:00Z"), ZoneOffset.UTC);
        Tracking tracking = Tracking.builder(store).envelopeId(false).verp(Verp.on("b.test")).clock(clock).build();

        Tracking copy = tracking.toBuilder().build();

        assertThat(copy.store()).isSameAs(store);
        assertThat(copy.envelopeId()).isFalse();
        assertThat(copy.verp()).contains(Verp.on("b.test"));
        assertThat(copy.clock()).isSameAs(clock);
    }
}
