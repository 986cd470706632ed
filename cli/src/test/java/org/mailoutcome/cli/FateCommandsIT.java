package org.mailoutcome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.testkit.DeliveryStatusNotice;
import org.mailoutcome.testkit.ReceivedMessage;
import org.mailoutcome.testkit.Verb;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;

/**
 * The commands that act on fates, run in turn on one {@code --store} database (an H2 file) against the testkit's
 * server, each output compared byte for byte with {@code src/test/resources/golden/fates-*.txt} (ports, times, ids,
 * Message-IDs and paths masked). To capture again after a deliberate change:
 * {@code mvn -q -o verify -pl cli -Dit.test=FateCommandsIT -Dgolden.update=true}, then read the diff.
 */
class FateCommandsIT {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    private final List<String> mismatches = new ArrayList<>();
    private String store;
    private Path dir;

    @Test
    void sendSuppressionsBounceAndHistoryPrintWhatTheyPrintedBefore() throws Exception {
        dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "h2")), "fates");
        store = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("store");
        smtp.on(Verb.EHLO).reply("250-testkit.local", "250-DSN", "250 ENHANCEDSTATUSCODES");
        smtp.on(Verb.RCPT, "nosuch@example.test").reply("550 5.1.1 <nosuch@example.test>: Recipient address rejected: "
                + "User unknown in local recipient table");
        smtp.on(Verb.RCPT, "moved@example.test").reply("551 5.1.6 <moved@example.test>: Recipient address rejected: "
                + "User not local; please try <new@example.test>");
        String send = "send --server 127.0.0.1:" + smtp.port() + " --from me@client.test --store " + store
                + " --forward-retry";

        step("01-send-tsv", true, send + " --to ok@example.test --to nosuch@example.test --to moved@example.test");
        step("02-suppressions-list", true, "suppressions list --store " + store);
        step("03-suppressions-add", false, "suppressions add --store " + store + " --note asked-us --for 30d "
                + "x@example.test");
        step("04-send-again-text", false, send + " --to nosuch@example.test --to moved@example.test --to "
                + "x@example.test --to ok@example.test --format text");
        Path notices = notices(smtp.messages().get(0));
        step("05-bounce-store-tsv", true, "bounce --store " + store + " " + notices);
        step("06-bounce-store-text-again", false, "bounce --store " + store + " --format text " + notices);
        step("07-history-ok-text", false, "history --store " + store + " ok@example.test");
        step("08-history-moved-tsv", true, "history --store " + store + " --format tsv moved@example.test");
        step("09-history-unknown", false, "history --store " + store + " nobody@example.test");
        step("10-suppressions-remove", false, "suppressions remove --store " + store + " ok@example.test "
                + "nobody@example.test");
        step("11-suppressions-export", false, "suppressions export --store " + store);
        step("12-suppressions-list-json", false, "suppressions list --store " + store + " --format json "
                + "nosuch@example.test x@example.test");
        step("13-send-bypass", true, send + " --to x@example.test --bypass-suppressions");

        assertThat(mismatches).as("golden files that differ (rerun with -Dgolden.update=true to see the diff)")
                .isEmpty();
    }

    @Test
    void aMissingSubcommandOrStoreAndAnAddressThatIsNoneAreUsageErrors() throws Exception {
        String url = "jdbc:h2:mem:usage-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        CliRun bare = CliRun.of("", "suppressions");
        assertThat(bare.status()).isEqualTo(2);
        assertThat(bare.err()).contains("suppressions needs a subcommand: list, add, remove or export");
        CliRun noStore = CliRun.of("", "history", "bob@example.test");
        assertThat(noStore.status()).isEqualTo(2);
        assertThat(noStore.err()).contains("Missing required option: '--store=JDBC_URL'");
        CliRun badAddress = CliRun.of("", "suppressions", "add", "--store", url, "ok@example.test", "bob");
        assertThat(badAddress.status()).isEqualTo(2);
        assertThat(badAddress.err()).contains("not an address").contains("bob");
        assertThat(CliRun.of("", "suppressions", "list", "--store", url).out()).as("nothing added").isEmpty();
        CliRun badHistory = CliRun.of("", "history", "--store", url, "bo b@example.test");
        assertThat(badHistory.status()).isEqualTo(2);
        assertThat(badHistory.err()).contains("not an address");
    }

    /**
     * The notices a remote MTA would send for the first send, dated after it (a Date has whole seconds; the tracker
     * takes a notice dated later than its reading as read then): ok@ unknown after all, new@ with a full mailbox.
     */
    private Path notices(ReceivedMessage first) throws Exception {
        String messageId = first.mimeMessage().getMessageID();
        String envid = smtp.sessions().get(0).commands().stream().filter(c -> c.startsWith("MAIL FROM:"))
                .map(c -> c.replaceAll(".*ENVID=", "")).findFirst().orElseThrow();
        Path notices = Files.createDirectories(dir.resolve("notices"));
        Files.write(notices.resolve("1-ok-unknown.eml"), DeliveryStatusNotice.builder("mx.example.test")
                .to("me@client.test").messageId("<n1@mx.example.test>").envelopeId(envid).date(Instant.now().plusSeconds(2))
                .recipient("ok@example.test", "failed", "5.1.1", "smtp; 550 5.1.1 <ok@example.test>: User unknown")
                .build().bytes());
        Files.write(notices.resolve("2-new-full.eml"), DeliveryStatusNotice.builder("mx.example.test")
                .to("me@client.test").messageId("<n2@mx.example.test>").returnedMessageId(messageId).date(Instant.now().plusSeconds(2))
                .recipient("new@example.test", "failed", "5.2.2", "smtp; 552 5.2.2 <new@example.test>: Mailbox full")
                .build().bytes());
        return notices;
    }

    private void step(String name, boolean header, String args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                header);
        int status = MailOutcomeCli.run(List.of(args.split(" ")), console);
        String actual = mask("exit " + status + "\n--- stdout\n" + out.toString(StandardCharsets.UTF_8)
                + "--- stderr\n" + err.toString(StandardCharsets.UTF_8));
        Path file = GOLDEN.resolve("fates-" + name + ".txt");
        if (Boolean.getBoolean("golden.update")) Files.writeString(file, actual, StandardCharsets.UTF_8);
        String expected = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(missing)";
        if (!expected.equals(actual)) mismatches.add(name + ":\n" + actual);
    }

    private String mask(String output) {
        return GoldenOutputIT.mask(output.replace(store, "STORE").replace(dir.toAbsolutePath().toString(), "DIR")
                .replace(dir.toString(), "DIR")).replaceAll("<[0-9]+\\.[0-9]+\\.[0-9]+@[^>]+>", "<MESSAGE-ID>");
    }
}
