package org.mailoutcome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.testkit.Verb;

class SendCommandIT {
    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    @Test
    void sendPrintsOneRowPerRecipientAndExitsOneWhenNotAllAccepted() {
        smtp.on(Verb.RCPT, "moved@example.test").reply("551 5.1.6 User not local; please try <new@example.net>");
        CliRun run = CliRun.of("", "send", "--server", "127.0.0.1:" + smtp.port(), "--from", "me@client.test",
                "--to", "a@example.test", "--to", "moved@example.test", "--subject", "hi", "--body", "hello");
        assertThat(run.lines()).containsExactly("a@example.test\tAccepted\t250\t2.1.5\tSUCCESS\tNONE\t-",
                "moved@example.test\tNotLocalNoRelay\t551\t5.1.6\tPERMANENT\tMOVED\tnew@example.net");
        assertThat(run.status()).isEqualTo(1);
        assertThat(smtp.awaitMessages(1, Duration.ofSeconds(5)).get(0).text()).contains("hello");
    }

    @Test
    void forwardRetryFollowsTheForwardPathAndReportsOnTheOriginalRow() {
        smtp.on(Verb.RCPT, "moved@example.test").reply("551 5.1.6 User not local; please try <new@example.test>");
        CliRun run = CliRun.of("", "send", "--server", "127.0.0.1:" + smtp.port(), "--from", "me@client.test",
                "--to", "moved@example.test", "--forward-retry", "same-domain");
        assertThat(run.lines()).containsExactly("moved@example.test\tAccepted\t250\t2.1.5\tSUCCESS\tNONE\t-");
        assertThat(run.status()).isZero();
        assertThat(smtp.awaitMessages(1, Duration.ofSeconds(5)).get(0).envelopeRecipients())
                .containsExactly("new@example.test");
    }

    @Test
    void anEmlFileIsSentToItsOwnRecipientsWithoutTo(@TempDir Path dir) throws Exception {
        Path eml = dir.resolve("m.eml");
        Files.writeString(eml, "From: me@client.test\r\nTo: a@example.test, b@example.test\r\nSubject: eml\r\n\r\n"
                + "from a file\r\n");
        CliRun run = CliRun.of("", "send", "--server", "127.0.0.1:" + smtp.port(), "--eml", eml.toString());
        assertThat(run.lines()).containsExactly("a@example.test\tAccepted\t250\t2.1.5\tSUCCESS\tNONE\t-",
                "b@example.test\tAccepted\t250\t2.1.5\tSUCCESS\tNONE\t-");
        assertThat(smtp.awaitMessages(1, Duration.ofSeconds(5)).get(0).text()).contains("from a file");
    }

    @Test
    void bodyAndEmlTogetherAreAUsageError(@TempDir Path dir) throws Exception {
        Path eml = Files.writeString(dir.resolve("m.eml"), "To: a@example.test\r\n\r\nx\r\n");
        CliRun run = CliRun.of("", "send", "--server", "127.0.0.1:" + smtp.port(), "--eml", eml.toString(),
                "--body", "y");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--body and --eml exclude each other");
        assertThat(smtp.server().connectionsAccepted()).isZero();
    }

    @Test
    void missingServerIsAUsageError() {
        CliRun run = CliRun.of("", "send", "--from", "me@client.test", "--to", "a@example.test");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--server=HOST:PORT'");
    }
}
