package org.mailoutcome.spring;

import org.mailoutcome.jakarta.OutcomeMailer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@link MailOutcomeHealthIndicator} as the {@code mail} health contributor (Boot 4.0's health module): named
 * {@code mailHealthIndicator}, so Boot's {@code MailHealthContributorAutoConfiguration}, which backs off for that
 * name, adds no second check. {@code mail.outcome.health.enabled=false} brings Boot's own back;
 * {@code management.health.mail.enabled=false} turns both off.
 */
@AutoConfiguration(after = MailOutcomeAutoConfiguration.class,
        beforeName = "org.springframework.boot.mail.autoconfigure.MailHealthContributorAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnBean(OutcomeMailer.class)
@ConditionalOnEnabledHealthIndicator("mail")
@ConditionalOnProperty(prefix = "mail.outcome.health", name = "enabled", havingValue = "true", matchIfMissing = true)
public class MailOutcomeHealthAutoConfiguration {

    /** Created by Spring. */
    public MailOutcomeHealthAutoConfiguration() {
    }

    /**
     * The indicator.
     *
     * @param mailer the mailer
     * @param properties {@code mail.outcome.*}, for the timeout
     * @param environment where {@code spring.mail.*} is read, for the location
     * @return the indicator
     */
    @Bean
    @ConditionalOnMissingBean(name = {"mailHealthIndicator", "mailHealthContributor"})
    public MailOutcomeHealthIndicator mailHealthIndicator(OutcomeMailer mailer, MailOutcomeProperties properties,
            Environment environment) {
        SpringMailSettings mail = SpringMailSettings.from(environment);
        return new MailOutcomeHealthIndicator(mailer, properties.health().timeout(),
                mail.host() + ":" + mail.effectivePort());
    }
}
