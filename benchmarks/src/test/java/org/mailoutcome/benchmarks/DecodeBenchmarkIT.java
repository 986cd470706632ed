package org.mailoutcome.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailoutcome.jakarta.DeliveryReport;

/** The decode benchmark's setup really produces the failure it names (else it would time the wrong path). */
class DecodeBenchmarkIT {

    @ParameterizedTest
    @CsvSource({"invalidAddresses, 0, 2, 2, moved@new.example", "sendPartial, 1, 2, 1, moved@new.example",
        "lostAfterData, 0, 0, 4, ''"})
    void setupMakesTheNamedFailure(String failure, int accepted, int rejected, int deferred, String forwardPath)
            throws MessagingException {
        DecodeBenchmark benchmark = new DecodeBenchmark();
        benchmark.failure = failure;
        benchmark.fail();

        DeliveryReport report = benchmark.decode();

        assertThat(report.recipients()).hasSize(4);
        assertThat(report.accepted()).as(report.toString()).hasSize(accepted);
        assertThat(report.rejected()).as(report.toString()).hasSize(rejected);
        assertThat(report.deferred()).as(report.toString()).hasSize(deferred);
        assertThat(report.recipient("moved@example.test").orElseThrow().outcome().forwardPath())
                .isEqualTo(Optional.of(forwardPath).filter(p -> !p.isEmpty()));
    }
}
