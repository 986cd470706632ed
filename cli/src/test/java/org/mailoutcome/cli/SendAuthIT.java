package org.mailoutcome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.testkit.SmtpServer;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.testkit.SmtpSession;

/** {@code send --user}: the password comes from the environment the command is handed, never from a flag. */
class SendAuthIT {
    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension(SmtpServer.builder().auth("me", "s3cret"));

    private String[] send(String user) {
        return new String[] {"send", "--server", "127.0.0.1:" + smtp.port(), "--from", "me@client.test",
                "--to", "a@example.test", "--user", user};
    }

    @Test
    void thePasswordIsTakenFromMailOutcomePassword() {
        CliRun run = CliRun.withEnvironment(Map.of("MAIL_OUTCOME_PASSWORD", "s3cret"), "", send("me"));
        assertThat(run.lines()).containsExactly("a@example.test\tAccepted\t250\t2.1.5\tSUCCESS\tNONE\t-");
        assertThat(smtp.sessions()).anyMatch(SmtpSession::authenticated);
    }

    @Test
    void withoutThePasswordAndWithoutATerminalItIsAUsageErrorAndNothingIsSent() {
        CliRun run = CliRun.withEnvironment(Map.of(), "", send("me"));
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--user needs a password: set MAIL_OUTCOME_PASSWORD");
        assertThat(smtp.server().connectionsAccepted()).isZero();
    }
}
