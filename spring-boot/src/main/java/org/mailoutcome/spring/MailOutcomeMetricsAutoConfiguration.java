package org.mailoutcome.spring;

import io.micrometer.core.instrument.MeterRegistry;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@link MailOutcomeMetrics} when Micrometer is there and a {@code MeterRegistry} bean exists (Boot's metrics
 * auto-configuration, 4.0 or 3.5, or the application's own); ordered after both.
 */
@AutoConfiguration(after = MailOutcomeAutoConfiguration.class, afterName = {
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({MeterRegistry.class, OutcomeMailer.class})
public class MailOutcomeMetricsAutoConfiguration {

    /** Created by Spring. */
    public MailOutcomeMetricsAutoConfiguration() {
    }

    /**
     * The meters.
     *
     * @param registry the registry
     * @param mailer the mailer whose pool the gauges read
     * @param environment where {@code spring.mail.*} is read, for the server tags
     * @return the meters' listener
     */
    @Bean
    @ConditionalOnMissingBean
    public MailOutcomeMetrics mailOutcomeMetrics(MeterRegistry registry, OutcomeMailer mailer,
            Environment environment) {
        SpringMailSettings mail = SpringMailSettings.from(environment);
        return new MailOutcomeMetrics(registry, mailer, mail.host() == null ? "localhost" : mail.host(),
                mail.effectivePort());
    }
}
