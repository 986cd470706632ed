package org.mailoutcome.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.testkit.SmtpServer;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * {@code mail.outcome.pipelining} and {@code mail.outcome.chunking}: on by default against a server that advertises
 * PIPELINING (and CHUNKING), off when asked.
 */
class MailOutcomePipeliningIT {
    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension(SmtpServer.builder().pipelining(true));
    @RegisterExtension
    static SmtpServerExtension chunking = new SmtpServerExtension(SmtpServer.builder().pipelining(true)
            .chunking(true));

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

    @Test
    void theMessageGoesWithTheEnvelopeInOneFlightWithChunkingUnlessTurnedOff() {
        ApplicationContextRunner withChunking = Fixtures.withServer(Fixtures.runner(), chunking);
        withChunking.run(context -> context.getBean(JavaMailSender.class).send(Fixtures.mail("a@example.test",
                "b@example.test")));
        assertThat(chunking.sessions().get(0).flights()).anySatisfy(flight -> assertThat(flight)
                .startsWith(GROUP.subList(0, 3).toArray(String[]::new)).last().asString().matches("BDAT \\d+ LAST"));
        chunking.server().reset();
        withChunking.withPropertyValues("mail.outcome.chunking=false").run(context -> context
                .getBean(JavaMailSender.class).send(Fixtures.mail("a@example.test", "b@example.test")));
        assertThat(chunking.sessions().get(0).flights()).contains(GROUP);
    }
}
