package org.mailoutcome.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.mailoutcome.Backoff;
import org.mailoutcome.RetryPolicy;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.retry.ScheduledRetry;
import org.mailoutcome.jdbc.JdbcRetries;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** Mixin of {@code send}: {@code --retry-backoff DURATION} and {@code --store JDBC_URL} (durable retries). */
final class DurableRetryOptions {
    @Option(names = "--retry-backoff", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "The wait before each retry, e.g. 30s, 6m, 1h, PT90S (default: 1 s, doubling).")
    Duration backoff;

    @Option(names = "--store", paramLabel = "JDBC_URL", description = "Schedule the retries in this database "
            + "(jdbc:h2:file:PATH or jdbc:postgresql://...) and return after the first attempt; "
            + "run them with 'retries run'.")
    String store;

    /** The retry policy for {@code --retry N}, with the backoff if given. */
    RetryPolicy policy(int maxAttempts) {
        RetryPolicy.Builder b = RetryPolicy.builder().maxAttempts(maxAttempts);
        if (backoff != null) b.backoff(Backoff.fixed(backoff));
        return b.build();
    }

    /** Checks the options against {@code --retry}. */
    void check(Integer retry) {
        if (store != null && (retry == null || retry < 2)) {
            throw new UsageException("--store needs --retry MAX_ATTEMPTS of at least 2: with one attempt nothing is"
                    + " ever scheduled");
        }
        if (backoff != null && retry == null) throw new UsageException("--retry-backoff needs --retry MAX_ATTEMPTS");
    }

    /** The durable hand-off, when {@code --store} was given. */
    JdbcRetries retries() {
        return JdbcRetries.create(JdbcRetries.dataSource(store));
    }

    /** The text format's line about the retry: when it is due, or why it could not be scheduled. */
    static String describe(DeliveryReport report) {
        return report.scheduledRetry().map(r -> r instanceof ScheduledRetry.Scheduled s
                ? "retry of " + report.deferred().size() + " deferred recipient(s) due " + s.due() + " (send " + s.id()
                        + "); run: mail-outcome retries run --store JDBC_URL"
                : "retry NOT scheduled: " + ((ScheduledRetry.NotScheduled) r).reason()).orElse("");
    }

    /** {@code 500ms}, {@code 30s}, {@code 6m}, {@code 1h}, or ISO-8601 ({@code PT6M}); positive. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration d = parse(value.trim().toLowerCase(Locale.ROOT));
            if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("must be positive: " + value);
            return d;
        }

        private static Duration parse(String v) {
            try {
                if (v.startsWith("p")) return Duration.parse(v.toUpperCase(Locale.ROOT));
                if (v.endsWith("ms")) return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
                long n = Long.parseLong(v.substring(0, v.length() - 1));
                switch (v.charAt(v.length() - 1)) {
                    case 's': return Duration.ofSeconds(n);
                    case 'm': return Duration.ofMinutes(n);
                    case 'h': return Duration.ofHours(n);
                    default: throw new IllegalArgumentException("not a duration (500ms, 30s, 6m, 1h, PT6M): " + v);
                }
            } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
                throw new IllegalArgumentException("not a duration (500ms, 30s, 6m, 1h, PT6M): " + v, e);
            }
        }
    }
}
