package org.mailoutcome.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.testkit.Verb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.mail.health.MailHealthIndicator;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Meters with a SimpleMeterRegistry and the pooled health indicator, in an ApplicationContextRunner. */
class MailOutcomeObservabilityIT {
    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    private ApplicationContextRunner withServer() {
        return Fixtures.withServer(Fixtures.runner(), smtp);
    }

    private static SimpleMailMessage mail(String... to) {
        return Fixtures.mail(to);
    }

    @Test
    void countersAndTimerAreRecordedWithBoundedTags() {
        smtp.on(Verb.RCPT, "gone@example.test").reply("550 5.1.1 User unknown");
        withServer().withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            assertThatThrownBy(() -> context.getBean(JavaMailSender.class)
                    .send(mail("ok@example.test", "gone@example.test"))).isInstanceOf(OutcomeMailSendException.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("mail.outcome").tag("record", "MailboxUnavailable")
                    .tag("disposition", "permanent").tag("reason", "user_unknown").tag("stage", "rcpt")
                    .counter().count()).isEqualTo(1.0);
            assertThat(registry.get("mail.outcome").tag("record", "Accepted").counter().count()).isEqualTo(1.0);
            assertThat(registry.get("mail.outcome.send").tag("result", "partial")
                    .tag("server.address", "127.0.0.1").timer().count()).isEqualTo(1);
            assertThat(registry.get("mail.outcome.pool.connections").tag("state", "idle").gauge().value())
                    .isEqualTo(1.0);
        });
    }

    @Test
    void withoutMeterRegistryNoMetricsBean() {
        withServer().run(context -> assertThat(context).doesNotHaveBean(MailOutcomeMetrics.class));
    }

    @Test
    void healthIsOursUnderBootsNameAndUpThroughThePool() {
        withServer().run(context -> {
            assertThat(context).doesNotHaveBean(MailHealthIndicator.class);
            HealthIndicator health = context.getBean("mailHealthIndicator", HealthIndicator.class);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            assertThat(health.health().getDetails()).containsEntry("reusedConnection", true)
                    .containsEntry("reply", "250 2.0.0 Ok");
        });
        assertThat(smtp.sessions()).hasSize(1);
    }

    @Test
    void healthIsDownWithTheRefusingReply() {
        smtp.on(Verb.CONNECT).serviceUnavailable();
        withServer().run(context -> {
            HealthIndicator health = context.getBean("mailHealthIndicator", HealthIndicator.class);
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat((String) health.health().getDetails().get("reply")).startsWith("421 4.3.2");
        });
    }

    @Test
    void healthDisabledBringsBootsIndicatorBackOnOurSender() {
        withServer().withPropertyValues("mail.outcome.health.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(MailOutcomeHealthIndicator.class);
            assertThat(context).hasBean("mailHealthContributor");
        });
    }
}
