package org.mailoutcome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClassifyCommandTest {

    @Test
    void argumentsGiveOneTsvRowEachInColumnOrder() {
        CliRun run = CliRun.of("", "classify", "252 2.1.5 Cannot VRFY user",
                "551 5.1.6 User not local; please try <x@new.example>");
        assertThat(run.status()).isZero();
        assertThat(run.lines()).containsExactly(
                "AcceptedUnverified\t252\t2.1.5\tSUCCESS\tNONE\t-",
                "NotLocalNoRelay\t551\t5.1.6\tPERMANENT\tMOVED\tx@new.example");
    }

    @Test
    void standardInputIsGroupedAsSmtpGroupsLines() {
        String stdin = "550-5.1.1 The email account that you tried to reach does not exist.\n"
                + "550 5.1.1 gsmtp\n\n250 2.1.5 Ok\n";
        CliRun run = CliRun.of(stdin, "classify");
        assertThat(run.lines()).hasSize(2);
        assertThat(run.lines().get(0)).startsWith("MailboxUnavailable\t550\t5.1.1\tPERMANENT");
        assertThat(run.lines().get(1)).startsWith("Accepted\t250");
    }

    @Test
    void malformedInputGivesAnUnexpectedRowAMessageAndStatusOneButGoesOn() {
        CliRun run = CliRun.of("hello?\n250 ok\n", "classify");
        assertThat(run.lines()).containsExactly("Unexpected\t-\t-\tPERMANENT\tUNKNOWN\t-",
                "Accepted\t250\t-\tSUCCESS\tNONE\t-");
        assertThat(run.err()).contains("malformed SMTP reply").contains("hello?");
        assertThat(run.status()).isEqualTo(1);
    }

    @Test
    void stageAndJsonFormatAreHonoured() {
        CliRun run = CliRun.of("", "classify", "--stage", "data", "--format", "json", "354 go ahead");
        assertThat(run.out()).contains("\"record\":\"Accepted\"").contains("\"code\":\"354\"");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = CliRun.of("", "classify", "--nope");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--nope'").contains("Usage: mail-outcome classify");
    }
}
