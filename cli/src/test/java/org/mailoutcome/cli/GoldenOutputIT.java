package org.mailoutcome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.testkit.Verb;

/**
 * What every command prints, byte for byte, against files captured from the tool before it moved to picocli
 * ({@code src/test/resources/golden}). The server's port and queue ids are masked. To capture again after a
 * deliberate change of output: {@code mvn -q -o verify -pl cli -Dit.test=GoldenOutputIT -Dgolden.update=true},
 * then read the diff.
 */
class GoldenOutputIT {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final String REPLIES = "250 2.1.5 Ok|252 2.1.5 Cannot VRFY user, but will accept message"
            + "|451 4.7.1 <grey@lab.test>: Recipient address rejected: Greylisted, please try again later"
            + "|551 5.1.6 User not local; please try <x@new.example>|550 5.1.1 <a@b.test>: User unknown"
            + "|552 5.2.2 Mailbox full|421 4.3.2 Service not available, closing channel|hello?"
            + "|250-first line\\n250 2.0.0 second\tline|550 5.7.1 \"quoted\" \\back";

    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    record Case(String name, boolean header, String stdin, List<String> args) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        String send = "send --server {server} --from me@client.test --to a@example.test --to moved@example.test"
                + " --to grey@example.test --to nosuch@example.test --subject hi --body hello";
        return Stream.of(
                c("classify-tsv", "classify|" + REPLIES), c("classify-json", "classify|--format|json|" + REPLIES),
                c("classify-text", "classify|--format=text|" + REPLIES),
                new Case("classify-tsv-header", true, "", List.of(("classify|" + REPLIES).split("\\|"))),
                new Case("classify-stdin", false, "550-5.1.1 The account does not exist.\n550 5.1.1 gsmtp\n\n"
                        + "250 2.1.5 Ok\nhello?\n354 go ahead\n", List.of("classify", "--stage", "DATA")),
                c("classify-stage-mail-json", "classify|--stage|mail|--format|json|250 ok|553 5.1.8 bad sender"),
                c("explain-551", "explain|551"), c("explain-252-551", "explain|252|551"),
                c("explain-greylisted", "explain|greylisted"), c("explain-record", "explain|notlocalnorelay"),
                c("explain-record-code", "explain|MailboxUnavailable|452"), c("explain-535", "explain|535"),
                c("send-tsv", send.replace(' ', '|')), c("send-json", (send + " --format json").replace(' ', '|')),
                c("send-text", (send + " --format text").replace(' ', '|')),
                new Case("send-tsv-header", true, "", List.of(send.split(" "))),
                c("send-forward-retry", "send|--server|{server}|--from|me@client.test|--to|moved@example.test"
                        + "|--to|a@example.test|--forward-retry|any|--format|text"),
                c("send-forward-retry-list", "send|--server|{server}|--from|me@client.test|--to|moved@example.test"
                        + "|--forward-retry=new.example,example.net|--retry|1"),
                c("probe-vrfy", "probe|--server|{server}|a@example.test|gone@example.test"),
                c("probe-rcpt-text", "probe|--server|{server}|--method|rcpt|--format|text|moved@example.test"
                        + "|a@example.test"),
                new Case("probe-auto-header", true, "", List.of("probe", "--server", "{server}", "--method", "auto",
                        "--from", "probe@client.test", "a@example.test", "gone@example.test")),
                c("demo-text", "demo"), c("demo-tsv", "demo|--format|tsv"), c("demo-json", "demo|--format|json"));
    }

    private static Case c(String name, String args) {
        return new Case(name, false, "", List.of(args.split("\\|")));
    }

    @BeforeEach
    void script() {
        smtp.on(Verb.RCPT, "moved@example.test").reply("551 5.1.6 User not local; please try <new@example.net>");
        smtp.on(Verb.RCPT, "grey@example.test").reply("451 4.7.1 Greylisted, please try again later");
        smtp.on(Verb.RCPT, "nosuch@example.test").reply("550 5.1.1 <nosuch@example.test>: User unknown");
        smtp.on(Verb.VRFY, "gone@example.test").reply("550 5.1.1 <gone@example.test>: User unknown");
        smtp.on(Verb.VRFY, "moved@example.test").reply("551 5.1.6 User not local; please try <new@example.net>");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outputIsWhatTheToolPrintedBeforePicocli(Case c) throws IOException {
        String actual = run(c);
        Path file = GOLDEN.resolve(c.name() + ".txt");
        if (Boolean.getBoolean("golden.update")) Files.writeString(file, actual, StandardCharsets.UTF_8);
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static String run(Case c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new ByteArrayInputStream(c.stdin().getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                c.header());
        List<String> args = c.args().stream().map(a -> a.replace("{server}", "127.0.0.1:" + smtp.port())).toList();
        int status = MailOutcomeCli.run(args, console);
        return mask("exit " + status + "\n--- stdout\n" + out.toString(StandardCharsets.UTF_8) + "--- stderr\n"
                + err.toString(StandardCharsets.UTF_8));
    }

    /** Ports, queue ids and the demo's ENVID differ from run to run. */
    private static String mask(String output) {
        return output.replaceAll("127\\.0\\.0\\.1:[0-9]+", "127.0.0.1:PORT").replaceAll("ENVID [a-z2-7]+", "ENVID ID")
                .replaceAll("queued as [^\\s\"\\\\]+", "queued as ID").replaceAll("queue id: \\S+", "queue id: ID");
    }
}
