package org.mailoutcome.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.testkit.Verb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.mail.autoconfigure.MailSenderValidatorAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailSender;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class MailOutcomeAutoConfigurationIT {
    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    private final ApplicationContextRunner runner = Fixtures.runner();

    private ApplicationContextRunner withServer() {
        return Fixtures.withServer(runner, smtp);
    }

    private static SimpleMailMessage mail(String... to) {
        return Fixtures.mail(to);
    }

    @Test
    void withoutMailHostNothingIsConfigured() {
        runner.run(context -> assertThat(context).doesNotHaveBean(OutcomeMailer.class)
                .doesNotHaveBean(MailSender.class));
    }

    @Test
    void senderIsOursInPlaceOfBootsAndReportsEveryRecipient() {
        smtp.on(Verb.RCPT, "gone@example.test").reply("550 5.1.1 User unknown");
        withServer().run(context -> {
            assertThat(context).hasSingleBean(JavaMailSender.class);
            JavaMailSender sender = context.getBean(JavaMailSender.class);
            assertThat(sender).isInstanceOf(OutcomeJavaMailSender.class);
            assertThatThrownBy(() -> sender.send(mail("ok@example.test", "gone@example.test")))
                    .isInstanceOfSatisfying(OutcomeMailSendException.class, e -> {
                        DeliveryReport report = e.report();
                        assertThat(report.recipient("ok@example.test").orElseThrow().outcome())
                                .isInstanceOf(DeliveryOutcome.Accepted.class);
                        assertThat(report.recipient("gone@example.test").orElseThrow().outcome())
                                .isInstanceOf(DeliveryOutcome.MailboxUnavailable.class);
                        assertThat(e.getFailedMessages().values()).singleElement()
                                .isInstanceOf(DeliveryReportException.class);
                    });
        });
        assertThat(smtp.messages()).singleElement()
                .satisfies(m -> assertThat(m.envelopeRecipients()).containsExactly("ok@example.test"));
    }

    @Test
    void sendAndReportReturnsTheReportWithoutThrowing() {
        smtp.on(Verb.RCPT, "grey@example.test").reply("451 4.7.1 Greylisted");
        withServer().run(context -> {
            List<DeliveryReport> reports = context.getBean(OutcomeJavaMailSender.class)
                    .sendAndReport(mail("grey@example.test"));
            assertThat(reports).singleElement().satisfies(r -> assertThat(r.deferred()).hasSize(1));
        });
    }

    @Test
    void batchOfMessagesGoesOverOnePooledConnection() {
        withServer().run(context -> context.getBean(JavaMailSender.class)
                .send(mail("a@example.test"), mail("b@example.test"), mail("c@example.test")));
        assertThat(smtp.messages()).hasSize(3);
        assertThat(smtp.sessions()).hasSize(1);
    }

    @Test
    void applicationSenderMakesOursBackOff() {
        withServer().withUserConfiguration(OwnSender.class).run(context -> {
            assertThat(context).hasSingleBean(MailSender.class);
            assertThat(context.getBean(MailSender.class)).isNotInstanceOf(OutcomeJavaMailSender.class);
            assertThat(context).hasSingleBean(OutcomeMailer.class);
        });
    }

    @Test
    void applicationMailerIsUsedInsteadOfOurs() {
        withServer().withUserConfiguration(OwnMailer.class).run(context -> assertThat(
                context.getBean(OutcomeMailer.class)).isSameAs(context.getBean("ownMailer")));
    }

    @Test
    void disabledTurnsEverythingOffAndBootsSenderComesBack() {
        withServer().withPropertyValues("mail.outcome.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(OutcomeMailer.class);
            assertThat(context.getBean(JavaMailSender.class)).isExactlyInstanceOf(JavaMailSenderImpl.class);
        });
    }

    @Test
    void bootsConnectionTestStaysAndFailsStartupForAnUnreachableServer() {
        runner.withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=1",
                "spring.mail.test-connection=true").run(context -> assertThat(context).hasFailed()
                        .getFailure().hasStackTraceContaining("Mail server is not available"));
    }

    @Test
    void bootsConnectionTestPassesAgainstTheServer() {
        withServer().withPropertyValues("spring.mail.test-connection=true")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(MailSenderValidatorAutoConfiguration.class));
    }

    @Test
    void mailOutcomePropertiesConfigureTheMailer() {
        smtp.on(Verb.RCPT, "moved@example.test").reply("551 5.1.6 User not local; please try <new@example.test>");
        withServer().withPropertyValues("mail.outcome.forward.enabled=true", "mail.outcome.pool.max-connections=2")
                .run(context -> {
                    OutcomeMailer mailer = context.getBean(OutcomeMailer.class);
                    assertThat(mailer.pool().stats().maxConnections()).isEqualTo(2);
                    context.getBean(JavaMailSender.class).send(mail("moved@example.test"));
                });
        assertThat(smtp.messages()).singleElement()
                .satisfies(m -> assertThat(m.envelopeRecipients()).containsExactly("new@example.test"));
    }

    @Test
    void invalidPropertyFailsStartupWithItsName() {
        withServer().withPropertyValues("mail.outcome.forward.max-hops=0").run(context -> assertThat(context)
                .hasFailed().getFailure().rootCause().hasMessageContaining("mail.outcome.forward.max-hops"));
    }

    @Test
    void eventsArePublishedPerRecipientAndPerMovedAddress() {
        smtp.on(Verb.RCPT, "moved@example.test").reply("551 5.1.6 User not local; please try <new@example.test>");
        withServer().withUserConfiguration(Recorder.class).run(context -> {
            assertThatThrownBy(() -> context.getBean(JavaMailSender.class)
                    .send(mail("ok@example.test", "moved@example.test"))).isInstanceOf(OutcomeMailSendException.class);
            Recorder recorder = context.getBean(Recorder.class);
            assertThat(recorder.events).hasSize(4);
            assertThat(recorder.events.get(2)).isInstanceOfSatisfying(AddressMovedEvent.class,
                    e -> assertThat(e.newAddress().getAddress()).isEqualTo("new@example.test"));
            assertThat(recorder.events.get(3)).isInstanceOf(MailSentEvent.class);
        });
    }

    @Test
    void mimeMessageArrayAndPreparatorOverloadsReportAndKeepAnExplicitMessageId() {
        smtp.on(Verb.RCPT, "gone@example.test").reply("550 5.1.1 User unknown");
        withServer().run(context -> {
            JavaMailSender sender = context.getBean(JavaMailSender.class);
            jakarta.mail.internet.MimeMessage first = sender.createMimeMessage();
            new org.springframework.mail.javamail.MimeMessageHelper(first).setTo("ok@example.test");
            first.setFrom("app@client.test");
            first.setText("one");
            first.setHeader("Message-ID", "<kept@client.test>");
            jakarta.mail.internet.MimeMessage second = sender.createMimeMessage();
            second.setFrom("app@client.test");
            second.setRecipients(jakarta.mail.Message.RecipientType.TO, "gone@example.test");
            second.setText("two");
            assertThatThrownBy(() -> sender.send(first, second)).isInstanceOfSatisfying(
                    OutcomeMailSendException.class, e -> {
                        assertThat(e.reports()).hasSize(2);
                        assertThat(e.getFailedMessages()).containsOnlyKeys(second);
                        assertThat(e.reportFor(second).orElseThrow().rejected()).hasSize(1);
                    });
            sender.send(message -> {
                message.setFrom("app@client.test");
                message.setRecipients(jakarta.mail.Message.RecipientType.TO, "prepared@example.test");
                message.setText("three");
            });
        });
        assertThat(smtp.messages()).hasSize(2);
        assertThat(smtp.messages().get(0).text()).contains("Message-ID: <kept@client.test>");
        assertThat(smtp.messages().get(1).envelopeRecipients()).containsExactly("prepared@example.test");
        assertThat(smtp.sessions()).hasSize(1);
    }

    @Test
    void listenerThatThrowsNeitherFailsTheSendNorStopsTheLaterEvents() {
        withServer().withUserConfiguration(Throwing.class, Recorder.class).run(context -> {
            context.getBean(JavaMailSender.class).send(mail("a@example.test", "b@example.test"));
            assertThat(context.getBean(Recorder.class).events).singleElement().isInstanceOf(MailSentEvent.class);
        });
        assertThat(smtp.messages()).singleElement()
                .satisfies(m -> assertThat(m.envelopeRecipients()).hasSize(2));
    }

    @Test
    void trackingRecordsEverySendInTheApplicationsDeliveryStore() {
        withServer().withPropertyValues("mail.outcome.tracking.enabled=true",
                "mail.outcome.tracking.verp-domain=bounces.client.test")
                .withBean(org.mailoutcome.tracking.DeliveryStore.class,
                        org.mailoutcome.tracking.InMemoryDeliveryStore::new)
                .run(context -> {
                    context.getBean(JavaMailSender.class).send(mail("a@example.test"));
                    assertThat(context.getBean(org.mailoutcome.tracking.DeliveryStore.class).unresolved(10))
                            .hasSize(1);
                });
        assertThat(smtp.messages()).singleElement()
                .satisfies(m -> assertThat(m.envelopeFrom()).startsWith("bounces+").endsWith("@bounces.client.test"));
    }

    @Configuration(proxyBeanMethods = false)
    static class Throwing {
        @EventListener
        void on(RecipientOutcomeEvent event) {
            throw new IllegalStateException("listener bug");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnSender {
        @Bean
        JavaMailSenderImpl ownSender() {
            return new JavaMailSenderImpl();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnMailer {
        @Bean
        OutcomeMailer ownMailer() {
            return OutcomeMailer.create(jakarta.mail.Session.getInstance(smtp.clientProperties()));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Recorder {
        final List<Object> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(RecipientOutcomeEvent event) {
            events.add(event);
        }

        @EventListener
        void on(AddressMovedEvent event) {
            events.add(event);
        }

        @EventListener
        void on(MailSentEvent event) {
            events.add(event);
        }
    }
}
