package org.mailoutcome.providers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongTableTest {

    @Test
    void itAgreesWithAHashMapOverRandomPutsAndRemovesIncludingCollidingKeys() {
        LongTable table = new LongTable();
        Map<Long, Long> expected = new HashMap<>();
        Random random = new Random(24);
        for (int i = 0; i < 200_000; i++) {
            long key = 1 + random.nextInt(90) * (random.nextBoolean() ? 1L : 1L << 40);
            if (random.nextInt(3) > 0 && expected.size() < 64) {
                table.put(key, i);
                expected.put(key, (long) i);
            } else {
                boolean onlyIf = random.nextBoolean();
                long value = expected.getOrDefault(key, -1L) + (random.nextBoolean() ? 0 : 1);
                table.remove(key, value, onlyIf);
                if (!onlyIf || expected.getOrDefault(key, -2L) == value) expected.remove(key);
            }
            assertThat(table.size()).isEqualTo(expected.size());
        }
        for (long key = 1; key < 91; key++) {
            assertThat(table.contains(key)).isEqualTo(expected.containsKey(key));
            assertThat(table.contains(key | 1L << 40)).isEqualTo(expected.containsKey(key | 1L << 40));
        }
    }
}
