package org.mailoutcome.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mailoutcome.providers.ParseResult;
import org.mailoutcome.providers.ProviderEvents;
import org.mailoutcome.providers.Verification;
import org.mailoutcome.tracking.Provider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Mailgun webhook requests verified (HMAC-SHA256, replay guard) and parsed, on one thread: operations per second
 * are events per second per core (one event a request). Each request is new, as Mailgun's are: a fresh token,
 * signed with the key, its time a millisecond after the last (the clock the verifier reads moves with it), so the
 * replay guard remembers every token and, past its capacity, forgets the oldest. {@code request} is what making
 * that request costs here (building the body, one HMAC), measured alone: {@code verifyAndParse} minus
 * {@code request} is the module's own cost. After each iteration every result is checked: all accepted, one event
 * each, nothing refused or malformed, else the run fails; and the requests per CPU-second of the benchmark thread
 * are printed, the per-core figure on a machine that other processes share. The warm-up is long (45 s): on a
 * loaded machine the JIT compiler's threads get little CPU, and 3 iterations of 2 s measured interpreted code.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 15, time = 3)
@Measurement(iterations = 10, time = 3)
@Fork(1)
@State(Scope.Thread)
public class ProviderEventsBenchmark {
    static final String KEY = "key-3ax6xnjp29jd6fds4gc373sgvjxteol0";
    private final MovingClock clock = new MovingClock();
    private ProviderEvents events;
    private byte[] prefix;
    private byte[] middle;
    private byte[] suffix;
    private Mac mac;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private long sequence;
    private long requests;
    private long cpuAtStart;

    /** A new verifier each iteration, so that its counters count that iteration's requests. */
    @Setup(Level.Iteration)
    public void verifier() {
        events = ProviderEvents.builder().clock(clock).verify(Provider.MAILGUN, Verification.mailgun(KEY)).build();
        requests = 0;
        cpuAtStart = THREADS.getCurrentThreadCpuTime();
    }

    /**
     * Builds the request template and prints the request's size.
     *
     * @throws GeneralSecurityException never: HmacSHA256 is in every JDK
     */
    @Setup(Level.Trial)
    public void build() throws GeneralSecurityException {
        String[] parts = template().split("TOKEN|SIGNATURE");
        prefix = parts[0].getBytes(StandardCharsets.UTF_8);
        middle = parts[1].getBytes(StandardCharsets.UTF_8);
        suffix = parts[2].getBytes(StandardCharsets.UTF_8);
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        System.out.printf("%nProviderEventsBenchmark: a Mailgun request of %d bytes%n", request().length);
    }

    /**
     * Fails the run unless every request of the iteration was accepted with its one event; prints the requests per
     * second of this thread's CPU time (on a shared machine the wall-clock score counts other processes' turns too).
     */
    @TearDown(Level.Iteration)
    public void check() {
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuAtStart;
        if (requests > 0) {
            System.out.printf("%n  %d requests, %.0f per CPU-second of the benchmark thread (making them included)%n",
                    requests, requests / (cpu / 1e9));
        }
        long accepted = events.counters().accepted(Provider.MAILGUN);
        long refused = events.counters().refused(Provider.MAILGUN) + events.counters().malformed(Provider.MAILGUN);
        if (requests > 0 && (accepted != requests || refused != 0 || events.counters().events(Provider.MAILGUN) != accepted)) {
            throw new IllegalStateException("of " + requests + " requests " + accepted + " accepted, " + refused
                    + " refused or malformed");
        }
    }

    /**
     * One new signed request, verified and parsed.
     *
     * @return the result
     */
    @Benchmark
    public ParseResult verifyAndParse() {
        byte[] body = request();
        requests++;
        return events.parse(Provider.MAILGUN, body, Map.of());
    }

    /**
     * Making one request alone: the part of {@link #verifyAndParse()} that is the benchmark's, not the module's.
     *
     * @return the body
     */
    @Benchmark
    public byte[] request() {
        long n = ++sequence;
        long seconds = 1_717_408_800L + n / 1000;
        clock.now = Instant.ofEpochSecond(seconds, (n % 1000) * 1_000_000);
        String token = Long.toHexString(n) + "5b9df3c98fc15c4889b102119add1235c38fc92824";
        String signed = seconds + token;
        String signature = HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        byte[] t = (seconds + "\", \"token\": \"" + token).getBytes(StandardCharsets.UTF_8);
        byte[] s = signature.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + t.length + middle.length + s.length + suffix.length];
        int at = 0;
        for (byte[] part : List.of(prefix, t, middle, s, suffix)) {
            System.arraycopy(part, 0, body, at, part.length);
            at += part.length;
        }
        return body;
    }

    /** A delivered event as Mailgun's documentation shows one, the signature's timestamp and token to fill in. */
    static String template() {
        return "{\"signature\": {\"timestamp\": \"TOKEN\", \"signature\": \"SIGNATURE\"},\n"
                + "\"event-data\": {\"tags\": [], \"timestamp\": 1717408803.153125, \"storage\": {\"url\": "
                + "\"https://se.api.mailgun.net/v3/domains/mg.example.com/messages/eyJwIjpmYWxzZSwiayI6Ij\", \"key\": "
                + "\"eyJwIjpmYWxzZSwiayI6Ij\"}, \"recipient-domain\": \"example.net\", \"id\": \"hTWCTD81RtiDN-dMXNbB1A\","
                + " \"campaigns\": [], \"user-variables\": {\"mail-outcome-id\": \"S7x2Kq9p\"}, \"flags\": "
                + "{\"is-routed\": false, \"is-authenticated\": true, \"is-system-test\": false, \"is-test-mode\": "
                + "false}, \"log-level\": \"info\", \"envelope\": {\"sending-ip\": \"192.0.2.200\", \"sender\": "
                + "\"app@mg.example.com\", \"transport\": \"smtp\", \"targets\": \"someone@example.net\"}, "
                + "\"message\": {\"headers\": {\"to\": \"someone@example.net\", \"message-id\": "
                + "\"1717408800.42@app.example.com\", \"from\": \"app@mg.example.com\", \"subject\": \"Your invoice\"},"
                + " \"attachments\": [], \"size\": 809}, \"recipient\": \"someone@example.net\", \"event\": "
                + "\"delivered\", \"delivery-status\": {\"tls\": true, \"mx-host\": \"mx.example.net\", "
                + "\"attempt-no\": 1, \"description\": \"\", \"session-seconds\": 0.57, \"utf8\": true, \"code\": 250,"
                + " \"message\": \"OK\", \"certificate-verified\": true}}}";
    }

    /** A clock the benchmark moves: the verifier's now is the request's signed time. */
    static final class MovingClock extends Clock {
        volatile Instant now = Instant.ofEpochSecond(1_717_408_800L);

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
