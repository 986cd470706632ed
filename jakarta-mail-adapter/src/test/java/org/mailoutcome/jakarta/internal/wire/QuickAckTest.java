package org.mailoutcome.jakarta.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.StandardSocketOptions;
import org.junit.jupiter.api.Test;

/**
 * {@code jdk.net} is optional ({@code requires static}): a runtime without it has no quick-ACK option, and the
 * lookup lets no {@link LinkageError} out.
 */
class QuickAckTest {
    @Test
    void aMissingModuleOrClassIsNoOption() {
        assertThat(QuickAck.lookup(() -> {
            throw new NoClassDefFoundError("jdk/net/ExtendedSocketOptions");
        })).isEmpty();
        assertThat(QuickAck.lookup(() -> {
            throw new IllegalAccessError("module org.mailoutcome.jakarta does not read module jdk.net");
        })).isEmpty();
    }

    @Test
    void theOptionIsFoundWhereTheRuntimeHasIt() {
        assertThat(QuickAck.lookup(() -> StandardSocketOptions.TCP_NODELAY)).contains(StandardSocketOptions.TCP_NODELAY);
        assertThat(QuickAck.option()).hasValueSatisfying(o -> assertThat(o.name()).isEqualTo("TCP_QUICKACK"));
    }
}
