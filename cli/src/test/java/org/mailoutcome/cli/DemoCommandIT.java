package org.mailoutcome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoCommandIT {

    @Test
    void demoSendsThroughTheEmbeddedServerAndReportsEveryRecipient() {
        CliRun run = CliRun.of("", "demo", "--format", "tsv");
        assertThat(run.status()).isZero();
        assertThat(run.lines()).hasSize(9);
        assertThat(run.lines()).contains(
                "alice@lab.test\tAccepted\t250\t2.1.5\tSUCCESS\tNONE\t-",
                "grey@lab.test\tAccepted\t250\t2.1.5\tSUCCESS\tNONE\t-",
                "moved@lab.test\tAccepted\t250\t2.1.5\tSUCCESS\tNONE\t-",
                "fwd@lab.test\tWillForward\t251\t2.1.5\tSUCCESS\tMOVED\talice@new.example",
                "unverified@lab.test\tAcceptedUnverified\t252\t2.1.5\tSUCCESS\tNONE\t-",
                "gone@lab.test\tNotLocalNoRelay\t550\t5.1.6\tPERMANENT\tMOVED\tbob@new.example");
    }

    @Test
    void theDemosUnverifiedRecipientIsBouncedByItsBounceMatchedByEnvid() {
        CliRun run = CliRun.of("", "demo");
        assertThat(run.status()).isZero();
        assertThat(run.lines()).contains("  unverified@lab.test: AcceptedUnverified at send -> fate Bounced")
                .anySatisfy(line -> assertThat(line).startsWith("  matched to the send by ENVELOPE_ID (ENVID "));
    }
}
