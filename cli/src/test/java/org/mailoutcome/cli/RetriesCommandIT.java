package org.mailoutcome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.testkit.Verb;

class RetriesCommandIT {
    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    private static String store() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "h2")), "cli");
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("retries");
    }

    @Test
    void sendWithAStoreReturnsAfterTheFirstAttemptAndRetriesRunDeliversTheDeferredRecipientOnce() throws Exception {
        smtp.on(Verb.RCPT, "grey@example.test").times(1).reply("451 4.7.1 Greylisted, please try again later");
        String store = store();
        CliRun send = CliRun.of("", "send", "--server", "127.0.0.1:" + smtp.port(), "--from", "me@client.test",
                "--to", "ok@example.test", "--to", "grey@example.test", "--retry", "3", "--retry-backoff", "100ms",
                "--store", store, "--format", "text");
        assertThat(send.status()).isEqualTo(1);
        assertThat(send.out()).contains("TRANSIENT").contains("retry of 1 deferred recipient(s) due ");
        assertThat(smtp.messages()).singleElement()
                .satisfies(m -> assertThat(m.envelopeRecipients()).containsExactly("ok@example.test"));

        CliRun list = CliRun.of("", "retries", "list", "--store", store);
        assertThat(list.status()).isZero();
        assertThat(list.lines()).singleElement().asString().contains("\tgrey@example.test\tgrey@example.test\tPENDING\t2\t")
                .contains("451 4.7.1");

        CliRun run = CliRun.of("", "retries", "run", "--store", store, "--until-empty");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("no retry pending");
        assertThat(smtp.awaitMessages(2, Duration.ofSeconds(5))).hasSize(2);
        assertThat(smtp.messages().get(1).envelopeRecipients()).containsExactly("grey@example.test");
        assertThat(CliRun.of("", "retries", "list", "--store", store).lines()).isEmpty();
    }

    @Test
    void retriesRunSendsToTheServerGivenWithServerInsteadOfTheRecordedOne() throws Exception {
        smtp.on(Verb.RCPT, "grey@example.test").times(1).reply("451 4.7.1 Greylisted, please try again later");
        String store = store();
        CliRun.of("", "send", "--server", "127.0.0.1:" + smtp.port(), "--from", "me@client.test",
                "--to", "grey@example.test", "--retry", "2", "--retry-backoff", "1ms", "--store", store);
        try (var other = org.mailoutcome.testkit.SmtpServer.start()) {
            CliRun run = CliRun.of("", "retries", "run", "--store", store, "--until-empty",
                    "--server", "127.0.0.1:" + other.port());
            assertThat(run.status()).isZero();
            assertThat(other.messages()).hasSize(1);
        }
        assertThat(smtp.messages()).isEmpty();
    }

    @Test
    void storeWithoutRetryAndABadBackoffAreUsageErrors() {
        CliRun noRetry = CliRun.of("", "send", "--server", "127.0.0.1:" + smtp.port(), "--from", "me@client.test",
                "--to", "a@example.test", "--store", "jdbc:h2:mem:x");
        assertThat(noRetry.status()).isEqualTo(2);
        assertThat(noRetry.err()).contains("--store needs --retry");
        CliRun oneAttempt = CliRun.of("", "send", "--server", "127.0.0.1:" + smtp.port(), "--from", "me@client.test",
                "--to", "a@example.test", "--retry", "1", "--store", "jdbc:h2:mem:x");
        assertThat(oneAttempt.status()).isEqualTo(2);
        assertThat(oneAttempt.err()).contains("at least 2");
        CliRun badBackoff = CliRun.of("", "send", "--server", "127.0.0.1:" + smtp.port(), "--from", "me@client.test",
                "--to", "a@example.test", "--retry", "2", "--retry-backoff", "soon");
        assertThat(badBackoff.status()).isEqualTo(2);
        assertThat(badBackoff.err()).contains("soon");
        assertThat(smtp.messages()).isEmpty();
    }
}
