package org.mailoutcome.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.testkit.SmtpServer;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.javamail.JavaMailSender;

/** {@code mail.outcome.pipelining}: on by default against a server that advertises PIPELINING, off when asked. */
class MailOutcomePipeliningIT {
    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension(SmtpServer.builder().pipelining(true));

    private final ApplicationContextRunner runner = Fixtures.withServer(Fixtures.runner(), smtp);

    private static final List<String> GROUP = List.of("MAIL FROM:<app@client.test>", "RCPT TO:<a@example.test>",
            "RCPT TO:<b@example.test>", "DATA");

    @Test
    void theEnvelopeGoesInOneFlightByDefault() {
        runner.run(context -> context.getBean(JavaMailSender.class).send(Fixtures.mail("a@example.test",
                "b@example.test")));
        assertThat(smtp.messages()).hasSize(1);
        assertThat(smtp.sessions().get(0).flights()).contains(GROUP);
    }

    @Test
    void pipeliningFalseSendsEachCommandInAFlightOfItsOwn() {
        runner.withPropertyValues("mail.outcome.pipelining=false").run(context -> context
                .getBean(JavaMailSender.class).send(Fixtures.mail("a@example.test", "b@example.test")));
        assertThat(smtp.messages()).hasSize(1);
        assertThat(smtp.sessions().get(0).flights()).doesNotContain(GROUP)
                .contains(List.of("MAIL FROM:<app@client.test>"), List.of("DATA"));
    }
}
