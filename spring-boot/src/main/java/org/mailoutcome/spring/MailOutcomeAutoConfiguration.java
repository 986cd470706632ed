package org.mailoutcome.spring;

import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import java.util.Properties;
import org.mailoutcome.jakarta.OutcomeHandler;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.jakarta.OutcomeMailerBuilder;
import org.mailoutcome.tracking.DeliveryStore;
import org.mailoutcome.tracking.InMemoryDeliveryStore;
import org.mailoutcome.tracking.Tracking;
import org.mailoutcome.tracking.AddressBook;
import org.mailoutcome.tracking.SuppressionList;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.mail.MailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The {@link OutcomeMailer} and the {@link OutcomeJavaMailSender}, from {@code spring.mail.*} (host, port,
 * username, password, protocol, {@code properties.*}, default-encoding, {@code ssl.enabled}, {@code ssl.bundle}) and
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
     * Where tracked sends are recorded when {@code mail.outcome.tracking.enabled=true} and there is no other
     * {@link DeliveryStore} bean (the application's, or the {@code JdbcDeliveryStore} of
     * {@link MailOutcomeJdbcAutoConfiguration}): one in-memory store, shared by the mailer and the
     * {@code DeliveryTracker} bean, lost on restart.
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
     * The mailer, for the server {@code spring.mail.*} names; closed with the context. Built from the properties,
     * then the beans there are: an {@link OutcomeHandler} (its default handler), the {@link Tracking}, the
     * {@link SuppressionList} and the {@link AddressBook}; then every {@link OutcomeMailerBuilderCustomizer} bean,
     * in order.
     *
     * @param environment where {@code spring.mail.*} is read
     * @param properties {@code mail.outcome.*}
     * @param handler the application's handler, if any
     * @param tracking the tracking, when {@code mail.outcome.tracking.enabled=true}
     * @param suppressions the suppression list, if any
     * @param addressBook the address book, if any
     * @param customizers the customizers
     * @param sslBundles Boot's SSL bundles, for {@code spring.mail.ssl.bundle}
     * @return the mailer
     */
    @Bean
    @ConditionalOnMissingBean
    public OutcomeMailer outcomeMailer(Environment environment, MailOutcomeProperties properties,
            ObjectProvider<OutcomeHandler> handler, ObjectProvider<Tracking> tracking,
            ObjectProvider<SuppressionList> suppressions, ObjectProvider<AddressBook> addressBook,
            ObjectProvider<OutcomeMailerBuilderCustomizer> customizers, ObjectProvider<SslBundles> sslBundles) {
        OutcomeMailerBuilder builder = MailerFactory.builder(SpringMailSettings.from(environment),
                Optional.ofNullable(sslBundles.getIfAvailable()), properties);
        handler.ifUnique(builder::handler);
        tracking.ifUnique(builder::tracking);
        suppressions.ifUnique(builder::suppressions);
        addressBook.ifUnique(builder::addressBook);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /**
     * Logs a WARN at start-up for each record kept in memory (delivery records, suppression list, address book):
     * lost on restart and not shared by the application's other instances.
     *
     * @param store the delivery records, if tracking is on
     * @param suppressions the suppression list, if any
     * @param addressBook the address book, if any
     * @return the check, run once every singleton exists
     */
    @Bean
    public SmartInitializingSingleton mailOutcomeInMemoryWarnings(ObjectProvider<DeliveryStore> store,
            ObjectProvider<SuppressionList> suppressions, ObjectProvider<AddressBook> addressBook) {
        return new InMemoryWarnings(store, suppressions, addressBook);
    }

    /**
     * The {@code JavaMailSender} that reports every recipient; named {@code mailSender} as Boot's is.
     *
     * @param mailer the mailer
     * @param environment where {@code spring.mail.*} is read
     * @param events where the outcome events go
     * @param sslBundles Boot's SSL bundles, for {@code spring.mail.ssl.bundle}
     * @return the sender
     */
    @Bean
    @ConditionalOnMissingBean(MailSender.class)
    public OutcomeJavaMailSender mailSender(OutcomeMailer mailer, Environment environment,
            ApplicationEventPublisher events, ObjectProvider<SslBundles> sslBundles) {
        SpringMailSettings mail = SpringMailSettings.from(environment);
        OutcomeJavaMailSender sender = new OutcomeJavaMailSender(mailer, events);
        sender.setHost(mail.host());
        if (mail.port() != null) sender.setPort(mail.port());
        sender.setUsername(mail.username());
        sender.setPassword(mail.password());
        sender.setProtocol(mail.protocol());
        sender.setDefaultEncoding(mail.defaultEncoding().name());
        sender.setJavaMailProperties(mail.javaMailProperties(Optional.ofNullable(sslBundles.getIfAvailable())));
        return sender;
    }
}
