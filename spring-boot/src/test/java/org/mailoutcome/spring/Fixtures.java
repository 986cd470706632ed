package org.mailoutcome.spring;

import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mail.autoconfigure.MailHealthContributorAutoConfiguration;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.mail.autoconfigure.MailSenderValidatorAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.SimpleMailMessage;

/** Boot's mail auto-configurations and ours, and a test message. */
final class Fixtures {
    private Fixtures() {
    }

    static ApplicationContextRunner runner() {
        return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class,
                MailSenderValidatorAutoConfiguration.class, MailHealthContributorAutoConfiguration.class,
                MailOutcomeAutoConfiguration.class, MailOutcomeMetricsAutoConfiguration.class,
                MailOutcomeHealthAutoConfiguration.class, MailOutcomeTrackingAutoConfiguration.class,
                MailOutcomeBounceMailboxAutoConfiguration.class));
    }

    static ApplicationContextRunner withServer(ApplicationContextRunner runner, SmtpServerExtension smtp) {
        return runner.withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + smtp.port());
    }

    static SimpleMailMessage mail(String... to) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom("app@client.test");
        message.setTo(to);
        message.setSubject("Hello");
        message.setText("Hi!");
        return message;
    }
}
