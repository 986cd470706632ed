package org.mailoutcome.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mailoutcome.tracking.SentMessage;

class SendIdsTest {

    @Test
    void idsAre26Base32CharactersAndDoNotRepeat() {
        SendIds ids = new SendIds();
        Set<String> seen = new HashSet<>();
        Set<Character> used = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = ids.next();
            assertThat(id).hasSize(26).matches("[a-z2-7]+");
            assertThat(SentMessage.checkId(id)).isEqualTo(id);
            id.chars().forEach(c -> used.add((char) c));
            seen.add(id);
        }
        assertThat(seen).hasSize(10_000);
        assertThat(used).hasSize(32); // every base32 character shows up: no bit is stuck
    }
}
