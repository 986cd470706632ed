package org.mailoutcome.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.spring.OutcomeMailSendException;
import org.mailoutcome.spring.RecipientOutcomeEvent;
import org.mailoutcome.testkit.SmtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.mail.javamail.JavaMailSender;

/** The whole application against the testkit: a mixed send through the injected JavaMailSender. */
class SampleApplicationIT {
    private SmtpServer server;
    private ConfigurableApplicationContext context;
    private final List<RecipientOutcomeEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        server = DemoServer.start();
        SpringApplication application = new SpringApplication(SampleApplication.class);
        application.addListeners((ApplicationListener<PayloadApplicationEvent<?>>) e -> {
            if (e.getPayload() instanceof RecipientOutcomeEvent outcome) events.add(outcome);
        });
        context = application.run("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + server.port(),
                "--spring.main.banner-mode=off", "--server.port=0");
    }

    @AfterEach
    void stop() {
        context.close();
        server.close();
    }

    @Test
    void mixedSendThroughTheInjectedSenderReportsEveryRecipient() {
        Newsletter newsletter = context.getBean(Newsletter.class);
        assertThat(context.getBean(JavaMailSender.class)).isInstanceOf(org.mailoutcome.spring.OutcomeJavaMailSender.class);

        DeliveryReport report = newsletter.send("Hello", "News of the month.").orElseThrow();

        assertThat(report.recipients()).extracting(r -> r.outcome().name()).containsExactly("Accepted",
                "AcceptedUnverified", "NotLocalNoRelay", "MailboxUnavailable", "LocalError");
        assertThat(report.recipient("dave@example.test").orElseThrow().outcome().forwardPath())
                .contains("dave@new.example");
        assertThat(events).extracting(e -> e.recipient().address().getAddress()).containsExactly(
                "alice@example.test", "carol@example.test", "dave@example.test", "erin@example.test",
                "frank@example.test");
        assertThat(context.getBean(AddressBook.class).addresses()).contains("dave@new.example")
                .doesNotContain("dave@example.test");
        MeterRegistry registry = context.getBean(MeterRegistry.class);
        assertThat(registry.get("mail.outcome").tag("disposition", "success").counters().stream()
                .mapToDouble(c -> c.count()).sum()).isEqualTo(2.0);
        assertThat(registry.get("mail.outcome").tag("record", "NotLocalNoRelay").tag("reason", "moved")
                .counter().count()).isEqualTo(1.0);
        assertThat(registry.get("mail.outcome").tag("record", "LocalError").tag("disposition", "transient")
                .counter().count()).isEqualTo(1.0);
        assertThat(server.messages()).singleElement().satisfies(m -> assertThat(m.envelopeRecipients())
                .containsExactly("alice@example.test", "carol@example.test"));
    }

    @Test
    void senderThrowsSpringsExceptionWithTheReportOfTheFailedMessage() {
        JavaMailSender sender = context.getBean(JavaMailSender.class);
        org.springframework.mail.SimpleMailMessage message = new org.springframework.mail.SimpleMailMessage();
        message.setFrom("news@example.test");
        message.setTo("alice@example.test", "erin@example.test");
        message.setText("Hi");

        assertThatThrownBy(() -> sender.send(message)).isInstanceOf(org.springframework.mail.MailSendException.class)
                .isInstanceOfSatisfying(OutcomeMailSendException.class, e -> {
                    assertThat(e.reportFor(message)).isPresent();
                    assertThat(e.report().rejected()).singleElement().satisfies(r -> assertThat(r.outcome())
                            .isInstanceOf(DeliveryOutcome.MailboxUnavailable.class));
                });
    }
}
