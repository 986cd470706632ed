package org.mailoutcome.spring.boot3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.spring.MailOutcomeAutoConfiguration;
import org.mailoutcome.spring.MailOutcomeHealthAutoConfiguration;
import org.mailoutcome.spring.MailOutcomeMetricsAutoConfiguration;
import org.mailoutcome.spring.OutcomeJavaMailSender;
import org.mailoutcome.spring.OutcomeMailSendException;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.testkit.Verb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.actuate.autoconfigure.mail.MailHealthContributorAutoConfiguration;
import org.springframework.boot.actuate.mail.MailHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.autoconfigure.mail.MailSenderValidatorAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The auto-configuration jar, built against Boot 4.0, on Spring Boot 3.5 (its mail classes in other packages). */
class Boot3CompatibilityIT {
    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class,
                    MailSenderValidatorAutoConfiguration.class, MailHealthContributorAutoConfiguration.class,
                    MailOutcomeAutoConfiguration.class, MailOutcomeMetricsAutoConfiguration.class,
                    MailOutcomeHealthAutoConfiguration.class))
            .withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + smtp.port());

    private static SimpleMailMessage mail(String... to) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom("app@client.test");
        message.setTo(to);
        message.setText("Hi!");
        return message;
    }

    @Test
    void runsOnBoot35() {
        assertThat(SpringBootVersion.getVersion()).startsWith("3.5.");
    }

    @Test
    void senderTakesBootsPlaceAndReportsEveryRecipient() {
        smtp.on(Verb.RCPT, "moved@example.test").reply("551 5.1.6 User not local; please try <new@example.test>");
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            assertThat(context).hasSingleBean(JavaMailSender.class).hasSingleBean(OutcomeMailer.class);
            JavaMailSender sender = context.getBean(JavaMailSender.class);
            assertThat(sender).isInstanceOf(OutcomeJavaMailSender.class);
            assertThatThrownBy(() -> sender.send(mail("ok@example.test", "moved@example.test")))
                    .isInstanceOfSatisfying(OutcomeMailSendException.class, e -> assertThat(
                            e.report().recipient("moved@example.test").orElseThrow().outcome())
                            .isInstanceOf(DeliveryOutcome.NotLocalNoRelay.class));
            assertThat(context.getBean(MeterRegistry.class).get("mail.outcome").tag("record", "NotLocalNoRelay")
                    .counter().count()).isEqualTo(1.0);
        });
        assertThat(smtp.messages()).singleElement()
                .satisfies(m -> assertThat(m.envelopeRecipients()).containsExactly("ok@example.test"));
    }

    @Test
    void bootsConnectionTestAndHealthIndicatorStayOnOurSender() {
        runner.withPropertyValues("spring.mail.test-connection=true").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(MailSenderValidatorAutoConfiguration.class);
            assertThat(context).as("no Boot 4 health module: Boot 3.5's own indicator checks our sender")
                    .hasSingleBean(MailHealthIndicator.class);
        });
    }

    @Test
    void disabledLeavesBootsOwnSender() {
        runner.withPropertyValues("mail.outcome.enabled=false").run(context -> assertThat(
                context.getBean(JavaMailSender.class)).isExactlyInstanceOf(JavaMailSenderImpl.class));
    }
}
