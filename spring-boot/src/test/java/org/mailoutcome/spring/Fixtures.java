package org.mailoutcome.spring;

import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.mail.autoconfigure.MailHealthContributorAutoConfiguration;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.mail.autoconfigure.MailSenderValidatorAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.SimpleMailMessage;

/** Boot's mail auto-configurations and ours, and a test message. */
final class Fixtures {
    private Fixtures() {
    }

    /** Boot's mail auto-configurations and every one of ours. */
    static final AutoConfigurations ALL = AutoConfigurations.of(MailSenderAutoConfiguration.class,
            MailSenderValidatorAutoConfiguration.class, MailHealthContributorAutoConfiguration.class,
            MailOutcomeJdbcAutoConfiguration.class, MailOutcomeSuppressionAutoConfiguration.class,
            MailOutcomeAutoConfiguration.class, MailOutcomeMetricsAutoConfiguration.class,
            MailOutcomeHealthAutoConfiguration.class, MailOutcomeTrackingAutoConfiguration.class,
            MailOutcomeBounceMailboxAutoConfiguration.class, MailOutcomeEndpointAutoConfiguration.class,
            MailOutcomeConsoleAutoConfiguration.class, MailOutcomeProvidersAutoConfiguration.class);

    static ApplicationContextRunner runner() {
        return new ApplicationContextRunner().withConfiguration(ALL);
    }

    static ApplicationContextRunner withServer(ApplicationContextRunner runner, SmtpServerExtension smtp) {
        return runner.withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + smtp.port());
    }

    /** The runner with Boot's own {@code DataSource} (Hikari) on the database of the URL. */
    static ApplicationContextRunner withDatabase(ApplicationContextRunner runner, String url) {
        return runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + url);
    }

    static jakarta.mail.internet.MimeMessage mimeMessage(String to) {
        try {
            jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage(
                    jakarta.mail.Session.getInstance(new java.util.Properties()));
            message.setFrom("app@client.test");
            message.setRecipients(jakarta.mail.Message.RecipientType.TO, to);
            message.setSubject("Hello");
            message.setText("Hi!");
            return message;
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
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
