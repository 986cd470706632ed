package org.mailoutcome.spring;

import io.micrometer.core.instrument.MeterRegistry;
import org.mailoutcome.bounce.tracking.DeliveryTracker;
import org.mailoutcome.providers.ProviderEvents;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Email service providers' webhooks of {@code mail.outcome.providers.<name>.*} (SES, SendGrid, Mailgun, Postmark,
 * SparkPost, Mailjet), when {@code mail-outcome-providers} is on the class path of a servlet application with
 * Spring MVC, there is a {@code DeliveryTracker} (so {@code mail.outcome.tracking.enabled=true}) and some
 * {@code mail.outcome.providers.<name>.enabled=true}: a POST route
 * per enabled provider, as one {@code RouterFunction} bean, whose verified events go to the tracker and so become
 * the same fates, suppressions and application events as DSN mails ({@link ProviderEventReceived},
 * {@link UnmatchedProviderEvent} besides). With Micrometer and a {@code MeterRegistry}, counters of the requests
 * accepted and refused by provider and reason ({@link ProviderWebhookMetrics}). Who may reach the paths is the
 * application's security's decision; each request is verified whatever it decides.
 */
@AutoConfiguration(after = MailOutcomeTrackingAutoConfiguration.class, afterName = {
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ProviderEvents.class, DeliveryTracker.class, RouterFunction.class})
@ConditionalOnBean(DeliveryTracker.class)
@Conditional(AnyProviderEnabled.class)
@EnableConfigurationProperties(MailOutcomeProvidersProperties.class)
public class MailOutcomeProvidersAutoConfiguration {

    /** Created by Spring. */
    public MailOutcomeProvidersAutoConfiguration() {
    }

    /**
     * The verification and parsing of the enabled providers' requests, one instance for all (it keeps the replay
     * guards and the counters).
     *
     * @param properties {@code mail.outcome.providers.*}
     * @return the events
     * @throws IllegalStateException when an enabled provider lacks its key or credentials
     */
    @Bean
    @ConditionalOnMissingBean
    public ProviderEvents mailOutcomeProviderEvents(MailOutcomeProvidersProperties properties) {
        return ProviderWebhooks.events(properties);
    }

    /**
     * The webhook routes.
     *
     * @param properties {@code mail.outcome.providers.*}
     * @param events the verification and parsing
     * @param tracker the tracker the events go to
     * @return the routes
     */
    @Bean
    public RouterFunction<ServerResponse> mailOutcomeProviderWebhooks(MailOutcomeProvidersProperties properties,
            ProviderEvents events, DeliveryTracker tracker) {
        return ProviderWebhooks.routes(properties, events, tracker);
    }

    /** The counters, when there is a meter registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    static class Metrics {

        /** Registers the counters of the enabled providers once the beans are there. */
        @Bean
        InitializingBean mailOutcomeProviderMetrics(MeterRegistry registry, ProviderEvents events,
                MailOutcomeProvidersProperties properties) {
            return () -> ProviderWebhookMetrics.register(registry, events, properties.enabled().keySet());
        }
    }
}
