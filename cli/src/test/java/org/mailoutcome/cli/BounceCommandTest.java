package org.mailoutcome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real bounces from the Sisimai corpus (src/test/resources/bounces, BSD-2, LICENSE-sisimai.txt beside them). */
class BounceCommandTest {
    private static final String DIR = "src/test/resources/bounces";
    private static final String POSTFIX = DIR + "/lhost-postfix-04.eml";

    @Test
    void aDeliveryStatusNotificationGivesOneTsvRowPerRecipientInColumnOrder() {
        CliRun run = CliRun.of("", "bounce", POSTFIX);
        assertThat(run.status()).isZero();
        assertThat(run.lines()).containsExactly(POSTFIX + "\tkijitora@example.co.jp\tfailed\t5.1.1\t"
                + "MailboxUnavailable\tPERMANENT\tUSER_UNKNOWN\t-\t<A8F82EDD-E518-4F5C-8C70-BC4EFF24AB9F@example.ne.jp>");
    }

    @Test
    void aDirectoryIsReadFileByFileAndAnythingButABounceGetsANoneRow() {
        CliRun run = CliRun.of("", "bounce", DIR);
        assertThat(run.status()).isZero();
        assertThat(run.lines()).hasSize(4);
        assertThat(run.lines().get(0)).isEqualTo(DIR + "/LICENSE-sisimai.txt\t-\tnone\t-\tNotABounce\t-\t-\t-\t-");
        assertThat(run.lines().get(1)).startsWith(DIR + "/lhost-exim-05.eml\tkijitora@neko.example.co.jp\tfailed\t"
                + "5.1.1\tMailboxNameNotAllowed\tPERMANENT\tUSER_UNKNOWN");
        assertThat(run.lines().get(3)).startsWith(DIR + "/rfc3834-01.eml\t-\tnone\t-\tAutoReply\t-\t-\t-\t");
    }

    @Test
    void aFileThatIsNoMailAtAllIsANotABounceRow(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("note.txt"), "just some text\n");
        CliRun run = CliRun.of("", "bounce", file.toString());
        assertThat(run.status()).isZero();
        assertThat(run.lines()).containsExactly(file + "\t-\tnone\t-\tNotABounce\t-\t-\t-\t-");
    }

    @Test
    void aMissingFileIsReportedAndExitsWithOneAfterTheOthers(@TempDir Path dir) {
        CliRun run = CliRun.of("", "bounce", dir.resolve("missing.eml").toString(), POSTFIX);
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("cannot read").contains("missing.eml");
        assertThat(run.lines()).hasSize(1);
    }

    @Test
    void textFormatPrintsTheReplyAndTheExplanationOfTheReason() {
        CliRun run = CliRun.of("", "bounce", "--format", "text", POSTFIX);
        assertThat(run.out()).contains("kijitora@example.co.jp").contains("reply:   550 5.1.1 Address rejected")
                .contains("summary: The mailbox does not exist at the receiving server.");
    }

    @Test
    void jsonFormatNamesEveryColumnAndTheDiagnostic() {
        CliRun run = CliRun.of("", "bounce", "--format", "json", POSTFIX);
        assertThat(run.out()).contains("\"recipient\":\"kijitora@example.co.jp\"").contains("\"status\":\"5.1.1\"")
                .contains("\"diagnostic\":\"550 5.1.1 Address rejected kijitora@example.co.jp\"");
    }
}
