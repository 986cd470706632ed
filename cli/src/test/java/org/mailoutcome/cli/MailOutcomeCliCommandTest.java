package org.mailoutcome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MailOutcomeCliCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"demo", "classify", "send", "probe", "explain", "generate-completion"})
    void everyCommandPrintsItsHelpOnStandardOutputAndExitsZero(String command) {
        CliRun run = CliRun.of("", command, "--help");
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("Usage: mail-outcome " + command).contains("-h, --help");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void versionIsTheProjectsVersion() {
        CliRun run = CliRun.of("", "--version");
        assertThat(run.status()).isZero();
        assertThat(run.out()).matches("mail-outcome [0-9]+\\.[0-9]+\\.[0-9]+(-SNAPSHOT)?\\R");
    }

    @Test
    void theRootsHelpListsEveryCommand() {
        CliRun run = CliRun.of("", "--help");
        assertThat(run.status()).isZero();
        for (String name : List.of("demo", "classify", "send", "probe", "explain", "generate-completion")) {
            assertThat(run.out()).containsPattern("\\n  " + name + " ");
        }
    }

    @Test
    void theCompletionScriptCompletesEveryCommandAndOption() {
        CliRun run = CliRun.of("", "generate-completion");
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("#!/usr/bin/env bash").contains("_complete_mail-outcome")
                .contains("demo classify send probe explain bounce events retries suppressions history generate-completion")
                .contains("'--forward-retry'").contains("(\"ses\" \"sendgrid\" \"mailgun\" \"postmark\" \"sparkpost\" \"mailjet\")")
                .contains("(\"vrfy\" \"rcpt\" \"auto\")");
    }

    @Test
    void onlyTheNamedCommandIsBuiltElseAllOfThem() {
        assertThat(MailOutcomeCli.tree(List.of("classify", "250 ok"))).containsExactly(ClassifyCommand.class);
        assertThat(MailOutcomeCli.tree(List.of("--help"))).isEqualTo(MailOutcomeCli.COMMANDS);
        assertThat(MailOutcomeCli.tree(List.of("generate-completion"))).isEqualTo(MailOutcomeCli.COMMANDS);
        assertThat(MailOutcomeCli.tree(List.of())).isEqualTo(MailOutcomeCli.COMMANDS);
    }

    @Test
    void aCommandIsHandedTheConsoleAndTheEnvironmentByTheFactory() throws Exception {
        Console console = CliRun.console("");
        CommandFactory factory = new CommandFactory(console, java.util.Map.of("K", "v"));
        assertThat(factory.create(ClassifyCommand.class)).isNotNull();
        assertThat(factory.create(SendCommand.class)).isNotNull();
        assertThat(factory.create(FormatOption.class).format()).isEqualTo(OutcomeFormat.TSV);
    }
}
