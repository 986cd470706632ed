package org.mailoutcome.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailoutcome.Backoff;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.RetryPolicy;
import org.mailoutcome.jakarta.retry.StoredMessage;

class TaskCodecTest {
    private static byte[] resource(String name) throws Exception {
        try (InputStream in = TaskCodecTest.class.getResourceAsStream("/task-data/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aVersion1PayloadStoredByAnEarlierBuildIsDecodedFieldByField() throws Exception {
        TaskData data = TaskCodec.decode(resource("v1-two-recipients.bin"));
        assertThat(data.sendId()).isEqualTo("0b6c3c7e-1f1e-4c55-9d0a-5f2a8d3e7a10");
        assertThat(data.round()).isEqualTo(1);
        assertThat(data.server()).isEqualTo("127.0.0.1:2525");
        assertThat(data.message().sender()).contains("app@client.test");
        assertThat(data.message().messageId()).contains("<v1.example@client.test>");
        assertThat(new String(data.message().bytes(), StandardCharsets.US_ASCII))
                .startsWith("Message-ID: <v1.example@client.test>\r\n").endsWith("\r\n\r\nHello, once.\r\n");
        assertThat(data.recipients()).containsExactly(
                new TaskData.Recipient("grey@example.test", "grey@example.test", 2),
                new TaskData.Recipient("moved@example.test", "new@example.net", 3));
        RetryPolicy policy = data.policy();
        assertThat(policy.maxAttempts()).isEqualTo(4);
        assertThat(policy.backoff()).isEqualTo(Backoff.exponential(Duration.ofMinutes(6), 2.0, Duration.ofMinutes(30)));
        assertThat(policy.jitter()).isEqualTo(0.2);
        assertThat(policy.isRetryMaybeDelivered()).isFalse();
        assertThat(policy.retryOn()).containsExactlyInAnyOrder(DeliveryOutcome.LocalError.class,
                DeliveryOutcome.ConnectionLost.class);
    }

    @Test
    void encodingTheDecodedVersion1PayloadGivesTheSameBytes() throws Exception {
        byte[] stored = resource("v1-two-recipients.bin");
        assertThat(TaskCodec.encode(TaskCodec.decode(stored))).isEqualTo(stored);
    }

    @Test
    void aFixedBackoffAndEveryRetriedRecordSurviveTheRoundTrip() {
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(2).backoff(Backoff.fixed(Duration.ofSeconds(9)))
                .jitter(0).retryMaybeDelivered(true).build();
        TaskData data = new TaskData("id", 3, "h:25", new StoredMessage(new byte[] {'x'}, Optional.empty(),
                Optional.empty()), policy, List.of(new TaskData.Recipient("a@b.test", "a@b.test", 2)));
        TaskData back = TaskCodec.decode(TaskCodec.encode(data));
        assertThat(back.policy().backoff()).isEqualTo(Backoff.fixed(Duration.ofSeconds(9)));
        assertThat(back.policy().retryOn()).isEqualTo(RetryPolicy.defaults().retryOn());
        assertThat(back.policy().isRetryMaybeDelivered()).isTrue();
        assertThat(back.message()).isEqualTo(data.message());
    }

    @Test
    void anUnknownVersionOrForeignBytesAreRefusedWithTheReason() throws Exception {
        byte[] stored = resource("v1-two-recipients.bin");
        byte[] v2 = stored.clone();
        v2[5] = 2;
        assertThatThrownBy(() -> TaskCodec.decode(v2)).hasMessage("unknown task data version 2");
        assertThatThrownBy(() -> TaskCodec.decode("not ours".getBytes(StandardCharsets.US_ASCII)))
                .hasMessage("not a mail-outcome retry task");
        assertThatThrownBy(() -> TaskCodec.decode(Arrays.copyOf(stored, 40))).hasMessageStartingWith("truncated");
    }
}
