package org.mailoutcome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.testkit.ReceivedMessage;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.testkit.Verb;

/** The tool refuses what it cannot use (exit status 2, nothing sent), and never drops an argument (issue 19). */
class UsageErrorIT {
    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    private String server() {
        return "127.0.0.1:" + smtp.port();
    }

    private void assertUsageErrorAndNothingSent(CliRun run) {
        assertThat(run.status()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(smtp.server().connectionsAccepted()).isZero();
    }

    @Test
    void forwardRetryWithoutAValueUsesTheSameDomainRuleAndKeepsTheNextToOption() {
        smtp.on(Verb.RCPT, "moved@h.test").reply("551 5.1.6 User not local; please try <new@h.test>");
        CliRun run = CliRun.of("", "send", "--server", server(), "--from", "a@x.test", "--forward-retry",
                "--to", "ok@h.test", "--to", "moved@h.test");
        assertThat(run.lines()).containsExactly("ok@h.test\tAccepted\t250\t2.1.5\tSUCCESS\tNONE\t-",
                "moved@h.test\tAccepted\t250\t2.1.5\tSUCCESS\tNONE\t-");
        assertThat(run.status()).isZero();
        assertThat(smtp.awaitMessages(2, Duration.ofSeconds(5))).extracting(ReceivedMessage::envelopeRecipients)
                .containsExactly(List.of("ok@h.test"), List.of("new@h.test"));
    }

    @Test
    void forwardRetryWithoutAValueFollowsNoOtherDomain() {
        smtp.on(Verb.RCPT, "moved@h.test").reply("551 5.1.6 User not local; please try <new@elsewhere.test>");
        CliRun run = CliRun.of("", "send", "--server", server(), "--from", "a@x.test", "--to", "moved@h.test",
                "--forward-retry");
        assertThat(run.lines()).containsExactly(
                "moved@h.test\tNotLocalNoRelay\t551\t5.1.6\tPERMANENT\tMOVED\tnew@elsewhere.test");
        assertThat(run.status()).isEqualTo(1);
    }

    @Test
    void aSecondAddressAfterToIsAUsageErrorNotASilentDrop() {
        assertUsageErrorAndNothingSent(CliRun.of("", "send", "--server", server(), "--from", "a@x.test",
                "--to", "a@h.test", "b@h.test"));
    }

    @Test
    void anOptionWhereAValueBelongsIsAUsageError() {
        CliRun run = CliRun.of("", "send", "--server", server(), "--from", "a@x.test", "--to", "a@h.test",
                "--subject", "--to", "b@h.test");
        assertUsageErrorAndNothingSent(run);
        assertThat(run.err()).contains("--subject");
    }

    @Test
    void aMissingValueIsAUsageError() {
        assertUsageErrorAndNothingSent(CliRun.of("", "send", "--server", server(), "--from", "a@x.test",
                "--to", "a@h.test", "--subject"));
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithASuggestion() {
        CliRun run = CliRun.of("", "send", "--server", server(), "--from", "a@x.test", "--to", "a@h.test",
                "--subjet", "hi");
        assertUsageErrorAndNothingSent(run);
        assertThat(run.err()).contains("--subjet").contains("--subject");
    }

    @Test
    void aPositionalArgumentProbeDoesNotTakeBeforeItsOptionsIsStillAnAddress() {
        CliRun run = CliRun.of("", "probe", "a@example.test", "--server", server());
        assertThat(run.lines()).containsExactly("a@example.test\tAcceptedUnverified\t252\t2.0.0\tSUCCESS\tNONE\t-\tvrfy");
    }

    @Test
    void demoTakesNoArgument() {
        CliRun run = CliRun.of("", "demo", "extra");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void classifyRefusesAnOptionAsTheStage() {
        CliRun run = CliRun.of("", "classify", "--stage", "--format", "json", "250 ok");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void sslAndStarttlsTogetherAreAUsageError() {
        assertUsageErrorAndNothingSent(CliRun.of("", "send", "--server", server(), "--from", "a@x.test",
                "--to", "a@h.test", "--ssl", "--starttls"));
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithASuggestion() {
        CliRun run = CliRun.of("", "clasify", "250 ok");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("classify");
    }
}
