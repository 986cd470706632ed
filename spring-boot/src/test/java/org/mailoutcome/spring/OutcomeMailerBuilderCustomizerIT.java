package org.mailoutcome.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.testkit.Verb;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** {@link OutcomeMailerBuilderCustomizer} beans: applied after the properties, in order, on the one mailer bean. */
class OutcomeMailerBuilderCustomizerIT {
    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    private final ApplicationContextRunner runner = Fixtures.withServer(Fixtures.runner(), smtp);

    @Test
    void aCustomizedSleeperWaitsTheBackoffOfTheRetryProperties() {
        smtp.on(Verb.RCPT, "grey@example.test").times(1).reply("451 4.7.1 Greylisted, try again later");
        runner.withPropertyValues("mail.outcome.retry.max-attempts=2", "mail.outcome.retry.initial-delay=7m",
                        "mail.outcome.retry.max-delay=10m")
                .withUserConfiguration(RecordingSleeper.class).run(context -> {
                    DeliveryReport report = context.getBean(OutcomeJavaMailSender.class)
                            .sendAndReport(Fixtures.mail("grey@example.test"));
                    assertThat(report.recipient("grey@example.test").orElseThrow().outcome())
                            .isInstanceOf(DeliveryOutcome.Accepted.class);
                    assertThat(context.getBean(RecordingSleeper.class).slept).as("7 minutes, 20 % jitter")
                            .singleElement().satisfies(d -> assertThat(d).isBetween(Duration.ofSeconds(336),
                                    Duration.ofSeconds(504)));
                });
        assertThat(smtp.messages()).singleElement()
                .satisfies(m -> assertThat(m.envelopeRecipients()).containsExactly("grey@example.test"));
    }

    @Test
    void customizersRunAfterThePropertiesInTheirOrderSoTheLastOneWins() {
        runner.withPropertyValues("mail.outcome.pool.max-connections=2").withUserConfiguration(TwoCustomizers.class)
                .run(context -> {
                    assertThat(context.getBean(TwoCustomizers.class).ran).containsExactly("first", "second");
                    assertThat(context.getBean(OutcomeMailer.class).pool().stats().maxConnections()).isEqualTo(9);
                });
    }

    @Test
    void anApprovalAddedToTheForwardPropertiesRefusesTheForwardItDoesNotApprove() {
        smtp.on(Verb.RCPT, "moved@example.test").reply("551 5.1.6 User not local; please try <new@example.test>");
        runner.withPropertyValues("mail.outcome.forward.enabled=true").withUserConfiguration(NoApproval.class)
                .run(context -> {
                    DeliveryReport report = context.getBean(OutcomeJavaMailSender.class)
                            .sendAndReport(Fixtures.mail("moved@example.test"));
                    assertThat(report.recipient("moved@example.test").orElseThrow().outcome())
                            .isInstanceOf(DeliveryOutcome.NotLocalNoRelay.class);
                    assertThat(context.getBean(NoApproval.class).asked).containsExactly("new@example.test");
                });
        assertThat(smtp.messages()).isEmpty();
    }

    @Configuration(proxyBeanMethods = false)
    static class RecordingSleeper {
        final List<Duration> slept = new CopyOnWriteArrayList<>();

        @Bean
        OutcomeMailerBuilderCustomizer sleeper() {
            return builder -> builder.sleeper(slept::add);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoCustomizers {
        final List<String> ran = new CopyOnWriteArrayList<>();

        @Bean
        @Order(2)
        OutcomeMailerBuilderCustomizer second() {
            return builder -> {
                ran.add("second");
                builder.maxConnections(9);
            };
        }

        @Bean
        @Order(1)
        OutcomeMailerBuilderCustomizer first() {
            return builder -> {
                ran.add("first");
                builder.maxConnections(5);
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class NoApproval {
        final List<String> asked = new CopyOnWriteArrayList<>();

        @Bean
        OutcomeMailerBuilderCustomizer approval(MailOutcomeProperties properties) {
            return builder -> builder.forwardPolicy(properties.forward().policy().toBuilder().approval(
                    (original, forwardPath) -> {
                        asked.add(forwardPath);
                        return false;
                    }).build());
        }
    }
}
