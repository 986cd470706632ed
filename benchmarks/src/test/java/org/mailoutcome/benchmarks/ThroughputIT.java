package org.mailoutcome.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The harness end to end on the embedded server, with a handful of messages: it runs and checks, nothing timed. */
class ThroughputIT {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyClientSendsAndEverySendIsChecked(boolean starttls) throws InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String[] args = starttls
                ? new String[] {"--embedded", "--starttls", "--messages", "20", "--static-messages", "4", "--warmup",
                    "2", "--rounds", "2", "--threads", "2", "--pause", "0"}
                : new String[] {"--embedded", "--messages", "20", "--warmup", "2", "--rounds", "2", "--threads", "2",
                    "--pause", "0"};

        int failures = Throughput.run(ThroughputOptions.parse(args), new PrintStream(bytes, true,
                StandardCharsets.UTF_8));

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(failures).as(out).isZero();
        assertThat(out).contains("round 2  e 2 hand-reused Angus transports, 2 threads")
                .contains("c/b").contains("c/a").contains("d/c").contains("d/e")
                .contains("all " + (starttls ? 2 * (4 + 4 * 20) : 2 * 5 * 20) + " measured messages fully accepted");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theRawSocketReferencesSendAndAreCompared(boolean starttls) throws InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String[] args = {"--embedded", "--clients", "drm", "--messages", "20", "--warmup", "2", "--rounds", "2",
            "--threads", "2", "--pause", "0", starttls ? "--starttls" : "--tcp-nodelay"};

        int failures = Throughput.run(ThroughputOptions.parse(args), new PrintStream(bytes, true,
                StandardCharsets.UTF_8));

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(failures).as(out).isZero();
        assertThat(out).contains("round 2  m 2 raw-socket clients, each message built, 2 threads")
                .contains("d/r").contains("d/m").contains("m/r")
                .contains("all " + 2 * 3 * 20 + " measured messages fully accepted");
    }

    @Test
    void withSeparateJvmsEachClientRunsInItsOwnProcess() throws InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String[] args = {"--embedded", "--separate-jvms", "--clients", "bc", "--messages", "10", "--warmup", "2",
            "--rounds", "2", "--pause", "0"};

        int failures = Throughput.run(ThroughputOptions.parse(args), new PrintStream(bytes, true,
                StandardCharsets.UTF_8));

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(failures).as(out).isZero();
        assertThat(out).contains("a JVM per client").contains("round 2  c OutcomeMailer, 1 thread (own JVM)")
                .contains("round 2  b hand-reused Angus transport (own JVM)").contains("c/b")
                .contains("all 40 measured messages fully accepted");
    }
}
