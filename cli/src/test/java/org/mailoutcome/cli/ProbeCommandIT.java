package org.mailoutcome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.testkit.SmtpSession;
import org.mailoutcome.testkit.Verb;

class ProbeCommandIT {
    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    private String server() {
        return "127.0.0.1:" + smtp.port();
    }

    @Test
    void vrfyPrintsOneRowPerAddressWithTheMethodLastAndExitsOneWhenNotAllSucceed() {
        smtp.on(Verb.VRFY, "gone@example.test").reply("550 5.1.1 <gone@example.test>: User unknown");
        CliRun run = CliRun.of("", "probe", "--server", server(), "a@example.test", "gone@example.test");
        assertThat(run.lines()).containsExactly(
                "a@example.test\tAcceptedUnverified\t252\t2.0.0\tSUCCESS\tNONE\t-\tvrfy",
                "gone@example.test\tMailboxUnavailable\t550\t5.1.1\tPERMANENT\tUSER_UNKNOWN\t-\tvrfy");
        assertThat(run.status()).isEqualTo(1);
    }

    @Test
    void autoFallsBackToRcptUsesTheGivenSenderAndNeverSendsData() {
        CliRun run = CliRun.of("", "probe", "--server", server(), "--method", "auto", "--from", "probe@client.test",
                "a@example.test");
        assertThat(run.lines()).containsExactly("a@example.test\tAccepted\t250\t2.1.5\tSUCCESS\tNONE\t-\trcpt");
        assertThat(run.status()).isZero();
        assertThat(smtp.sessions()).flatExtracting(SmtpSession::commands)
                .contains("VRFY a@example.test", "MAIL FROM:<probe@client.test>", "RCPT TO:<a@example.test>")
                .noneMatch(c -> c.startsWith("DATA"));
    }

    @Test
    void textFormatPutsTheMethodOnTheRowAndTheReplyAndItsMeaningBelow() {
        smtp.on(Verb.RCPT, "moved@example.test").reply("551 5.1.6 User not local; please try <new@example.net>");
        CliRun run = CliRun.of("", "probe", "--server", server(), "--method", "rcpt", "--format", "text",
                "moved@example.test");
        assertThat(run.lines().get(0)).startsWith("moved@example.test").contains("NotLocalNoRelay", "551",
                "new@example.net").endsWith("by rcpt");
        assertThat(run.lines().get(1)).isEqualTo("    551 5.1.6 User not local; please try <new@example.net>");
        assertThat(run.lines().get(2)).startsWith("    summary: ");
        assertThat(run.lines()).anyMatch(l -> l.startsWith("    action:  "));
    }

    @Test
    void invalidAddressIsAUsageErrorAndNothingIsSent() {
        CliRun run = CliRun.of("", "probe", "--server", server(), "<a@example.test>");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("not a valid mailbox").contains("Usage: mail-outcome probe");
        assertThat(smtp.server().connectionsAccepted()).isZero();
    }

    @Test
    void unknownMethodAndMissingAddressAreUsageErrors() {
        assertThat(CliRun.of("", "probe", "--server", server(), "--method", "expn", "a@example.test").err())
                .contains("unknown method expn");
        CliRun none = CliRun.of("", "probe", "--server", server());
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).contains("Missing required parameter: 'ADDRESS'");
    }
}
