package org.mailoutcome.jakarta.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrackingTest {

    @Test
    void defaultIdsAre26Base32CharactersAndDoNotRepeat() {
        Tracking tracking = Tracking.defaults();
        Set<String> seen = new HashSet<>();
        Set<Character> used = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = tracking.ids().get();
            assertThat(id).hasSize(26).matches("[a-z2-7]+");
            assertThat(SentMessage.checkId(id)).isEqualTo(id);
            id.chars().forEach(c -> used.add((char) c));
            seen.add(id);
        }
        assertThat(seen).hasSize(10_000);
        assertThat(used).hasSize(32); // every base32 character shows up: no bit is stuck
    }

    @Test
    void theVerpSenderIsLocalPartPlusIdAtTheDomain() {
        Tracking tracking = Tracking.builder().verpDomain("bounces.example.com").verpLocalPart("b").build();

        assertThat(tracking.verpSender("abc123")).contains("b+abc123@bounces.example.com");
        assertThat(Tracking.defaults().verpSender("abc123")).isEmpty();
    }

    @Test
    void neverExcludesTheOtherNotifyValues() {
        assertThatThrownBy(() -> Tracking.builder().notifyOn(Tracking.Notify.NEVER, Tracking.Notify.FAILURE).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NEVER");
        assertThat(Tracking.builder().notifyOn(Tracking.Notify.NEVER).build().notifyOn())
                .containsExactly(Tracking.Notify.NEVER);
    }

    @Test
    void badVerpDomainsAndLocalPartsAreRefused() {
        assertThatThrownBy(() -> Tracking.builder().verpDomain("bad domain")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tracking.builder().verpLocalPart("a+b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toBuilderKeepsEveryOption() {
        InMemoryDeliveryStore store = new InMemoryDeliveryStore();
        Tracking tracking = Tracking.builder().store(store).envelopeId(false).verpDomain("b.test")
                .notifyOn(Tracking.Notify.DELAY).ret(Tracking.Ret.FULL).build();

        Tracking copy = tracking.toBuilder().build();

        assertThat(copy.store()).isSameAs(store);
        assertThat(copy.envelopeId()).isFalse();
        assertThat(copy.verpDomain()).contains("b.test");
        assertThat(copy.notifyOn()).containsExactly(Tracking.Notify.DELAY);
        assertThat(copy.ret()).contains(Tracking.Ret.FULL);
    }
}
