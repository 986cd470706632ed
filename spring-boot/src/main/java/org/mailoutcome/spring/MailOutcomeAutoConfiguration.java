package org.mailoutcome.spring;

import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import java.util.Properties;
import org.mailoutcome.jakarta.OutcomeHandler;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.tracking.DeliveryStore;
import org.mailoutcome.tracking.InMemoryDeliveryStore;
import org.mailoutcome.tracking.Tracking;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.mail.MailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The {@link OutcomeMailer} and the {@link OutcomeJavaMailSender}, from {@code spring.mail.*} (host, port,
 * username, password, protocol, {@code properties.*}, default-encoding, {@code ssl.enabled}) and
 * {@code mail.outcome.*}. Active when {@code spring.mail.host} is set, as Boot's own mail sender is, and
 * {@code mail.outcome.enabled} is not {@code false}.
 *
 * <p>Ordered <em>before</em> Boot's {@code MailSenderAutoConfiguration} (4.0 and 3.5 names): Boot creates its
 * sender only when no {@code MailSender} exists, so this sender takes its place, and Boot's
 * {@code MailSenderValidatorAutoConfiguration} (after Boot's) then finds a {@code JavaMailSenderImpl} and keeps
 * the {@code spring.mail.test-connection} check. Every bean backs off when the application defines its own.
 */
@AutoConfiguration(beforeName = {MailOutcomeAutoConfiguration.BOOT4_MAIL, MailOutcomeAutoConfiguration.BOOT3_MAIL})
@ConditionalOnClass({MimeMessage.class, JavaMailSenderImpl.class, OutcomeMailer.class})
@ConditionalOnProperty("spring.mail.host")
@ConditionalOnProperty(prefix = "mail.outcome", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(MailOutcomeProperties.class)
public class MailOutcomeAutoConfiguration {
    /** Boot 4.0's mail sender auto-configuration. */
    static final String BOOT4_MAIL = "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration";
    /** Boot 3.5's mail sender auto-configuration. */
    static final String BOOT3_MAIL = "org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration";

    /** Created by Spring. */
    public MailOutcomeAutoConfiguration() {
    }

    /**
     * Where tracked sends are recorded when {@code mail.outcome.tracking.enabled=true} and the application has no
     * {@link DeliveryStore} bean: one in-memory store, shared by the mailer and the {@code DeliveryTracker} bean.
     *
     * @return a new in-memory store
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "mail.outcome.tracking", name = "enabled", havingValue = "true")
    public DeliveryStore deliveryStore() {
        return new InMemoryDeliveryStore();
    }

    /**
     * The tracking of {@code mail.outcome.tracking.*} on the {@link DeliveryStore} bean: one object, given to the
     * mailer and to the {@code DeliveryTracker} bean, so both use the same store.
     *
     * @param properties {@code mail.outcome.*}
     * @param store the store
     * @return the tracking
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "mail.outcome.tracking", name = "enabled", havingValue = "true")
    public Tracking mailOutcomeTracking(MailOutcomeProperties properties, DeliveryStore store) {
        return MailerFactory.tracking(properties.tracking(), store);
    }

    /**
     * The mailer, for the server {@code spring.mail.*} names; closed with the context. An {@link OutcomeHandler}
     * bean, if there is one, is its default handler.
     *
     * @param environment where {@code spring.mail.*} is read
     * @param properties {@code mail.outcome.*}
     * @param handler the application's handler, if any
     * @param tracking the tracking, when {@code mail.outcome.tracking.enabled=true}
     * @return the mailer
     */
    @Bean
    @ConditionalOnMissingBean
    public OutcomeMailer outcomeMailer(Environment environment, MailOutcomeProperties properties,
            ObjectProvider<OutcomeHandler> handler, ObjectProvider<Tracking> tracking) {
        return MailerFactory.create(SpringMailSettings.from(environment), properties,
                Optional.ofNullable(handler.getIfUnique()), Optional.ofNullable(tracking.getIfUnique()));
    }

    /**
     * The {@code JavaMailSender} that reports every recipient; named {@code mailSender} as Boot's is.
     *
     * @param mailer the mailer
     * @param environment where {@code spring.mail.*} is read
     * @param events where the outcome events go
     * @return the sender
     */
    @Bean
    @ConditionalOnMissingBean(MailSender.class)
    public OutcomeJavaMailSender mailSender(OutcomeMailer mailer, Environment environment,
            ApplicationEventPublisher events) {
        SpringMailSettings mail = SpringMailSettings.from(environment);
        OutcomeJavaMailSender sender = new OutcomeJavaMailSender(mailer, events);
        sender.setHost(mail.host());
        if (mail.port() != null) sender.setPort(mail.port());
        sender.setUsername(mail.username());
        sender.setPassword(mail.password());
        sender.setProtocol(mail.protocol());
        sender.setDefaultEncoding(mail.defaultEncoding().name());
        Properties properties = new Properties();
        properties.putAll(mail.properties());
        if (mail.ssl().enabled()) properties.setProperty("mail." + mail.protocol() + ".ssl.enable", "true");
        sender.setJavaMailProperties(properties);
        return sender;
    }
}
