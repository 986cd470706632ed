package org.mailoutcome.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResultsTest {
    private static final CpuMeter.Usage IDLE = new CpuMeter.Usage(0, 0, Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    private static Results.Run run(int round, String label, double rate, int failed) {
        Tally tally = new Tally();
        for (int i = 0; i < failed; i++) tally.failed("refused " + i);
        return new Results.Run(round, label, 1000, (long) (1000 / rate * 1e9), tally, IDLE);
    }

    private static String summary(Results results) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        results.printSummary(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 4);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void medianOfOddAndEvenRoundCounts() {
        Results results = new Results();
        results.add(run(1, "b", 100, 0));
        results.add(run(2, "b", 300, 0));
        results.add(run(3, "b", 200, 0));
        results.add(run(1, "c", 100, 0));
        results.add(run(2, "c", 200, 0));

        assertThat(results.median("b")).isCloseTo(200, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(results.median("c")).isCloseTo(150, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void ratiosArePrintedOfTheMediansAndOfThePairedRounds() {
        Results results = new Results();
        results.client("b", "hand-reused Angus transport");
        results.client("c", "OutcomeMailer, 1 thread");
        int[][] rates = {{500, 400}, {300, 330}, {400, 480}};    // b, c per round: medians 400 and 400
        for (int round = 0; round < rates.length; round++) {
            results.add(run(round + 1, "b", rates[round][0], 0));
            results.add(run(round + 1, "c", rates[round][1], 0));
        }

        assertThat(summary(results)).contains("c/b   1.00  paired  1.10  [0.80, 1.10, 1.20]")
                .contains("target >= 1.0").contains("all 0 measured messages fully accepted, 0 failures");
    }

    @Test
    void failuresInvalidateTheFiguresAndAreQuoted() {
        Results results = new Results();
        results.client("c", "OutcomeMailer, 1 thread");
        results.add(run(1, "c", 490, 5));

        assertThat(results.failures()).isEqualTo(5);
        assertThat(summary(results)).contains("FAILURES: 5 measured sends failed")
                .contains("round 1 c: refused 0").doesNotContain("refused 3");
    }
}
