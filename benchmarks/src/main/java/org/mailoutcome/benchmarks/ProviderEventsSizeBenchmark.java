package org.mailoutcome.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mailoutcome.providers.ParseResult;
import org.mailoutcome.providers.ProviderEvents;
import org.mailoutcome.providers.Verification;
import org.mailoutcome.tracking.Provider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse time against body size, on one thread: SendGrid batches of {@code events} events (each kind of its
 * reference in turn, about 300 bytes each), read without verification so that only parsing is timed; equal ns per
 * byte at every size means linear cost (the sizes are printed at set-up: ns/byte = ns/op / size). And the refusal of
 * a body over the 10 MiB limit: given as an array (a length check), and as a stream that never ends (read up to the
 * limit and one byte more, then refused).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Thread)
public class ProviderEventsSizeBenchmark {
    private final ProviderEvents events = ProviderEvents.builder().verify(Provider.SENDGRID, Verification.none())
            .build();
    private final byte[] tooLarge = new byte[(int) ProviderEvents.DEFAULT_MAX_BYTES + 1];

    /** A batch of a given number of events. */
    @State(Scope.Thread)
    public static class Batch {
        /** Events in the batch. */
        @Param({"1", "100", "1000", "10000", "25000"})
        public int size;
        byte[] body;

        /** Builds the batch and prints its size. */
        @Setup
        public void build() {
            body = batch(size);
            System.out.printf("%nProviderEventsSizeBenchmark: %d events, %d bytes (%.0f bytes an event)%n", size,
                    body.length, (double) body.length / size);
        }
    }

    /**
     * A SendGrid batch of {@code n} events, the kinds of its reference in turn.
     *
     * @param n how many
     * @return the JSON
     */
    static byte[] batch(int n) {
        String[] kinds = {
            "\"event\":\"delivered\",\"response\":\"250 2.0.0 OK 1717408803 x12si123456qkb.42 - gsmtp\"",
            "\"event\":\"bounce\",\"type\":\"bounce\",\"status\":\"5.1.1\",\"reason\":\"550 5.1.1 The email account "
                    + "that you tried to reach does not exist.\"",
            "\"event\":\"deferred\",\"attempt\":\"2\",\"response\":\"451 4.7.1 Greylisted, please try again later\"",
            "\"event\":\"processed\",\"pool\":{\"name\":\"transactional\",\"id\":210}",
            "\"event\":\"open\",\"useragent\":\"Mozilla/5.0 (Windows NT 10.0; Win64; x64)\",\"ip\":\"192.0.2.1\"",
        };
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            if (i > 0) json.append(",\n");
            json.append("{\"email\":\"user").append(i).append("@example.net\",\"timestamp\":").append(1717408801 + i)
                    .append(",\"smtp-id\":\"<1717408800.").append(i).append("@app.example.com>\",")
                    .append("\"sg_event_id\":\"ZGVsaXZlcmVkLTEyMzQ1Njc4").append(i).append("\",\"sg_message_id\":")
                    .append("\"14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.").append(i).append("\",")
                    .append("\"mail_outcome_id\":\"S7x2Kq9p\",").append(kinds[i % kinds.length]).append('}');
        }
        return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * One batch parsed.
     *
     * @param batch the batch
     * @return the result
     */
    @Benchmark
    public ParseResult parse(Batch batch) {
        return events.parse(Provider.SENDGRID, batch.body, Map.of());
    }

    /**
     * A body one byte over the limit, given as an array: refused by its length.
     *
     * @return the result
     */
    @Benchmark
    public ParseResult refuseOversizedArray() {
        return events.parse(Provider.SENDGRID, tooLarge, Map.of());
    }

    /**
     * A body that never ends, given as a stream: read to the limit and one byte more, then refused.
     *
     * @return the result
     * @throws IOException never: the stream is in memory
     */
    @Benchmark
    public ParseResult refuseEndlessStream() throws IOException {
        return events.parse(Provider.SENDGRID, new Endless(), Map.of());
    }

    /** Spaces without end. */
    static final class Endless extends InputStream {
        @Override
        public int read() {
            return ' ';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) ' ');
            return len;
        }
    }
}
