package org.mailoutcome.spring;

import javax.sql.DataSource;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.jdbc.JdbcAddressBook;
import org.mailoutcome.jdbc.JdbcDeliveryStore;
import org.mailoutcome.jdbc.JdbcHistory;
import org.mailoutcome.jdbc.JdbcRetries;
import org.mailoutcome.jdbc.JdbcSuppressionList;
import org.mailoutcome.tracking.AddressBook;
import org.mailoutcome.tracking.AddressHistory;
import org.mailoutcome.tracking.DeliveryStore;
import org.mailoutcome.tracking.SuppressionList;
import org.mailoutcome.tracking.SuppressionPolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * mail-outcome's records on the application's own {@link DataSource}, when {@code mail-outcome-jdbc} is on the
 * class path and there is one {@code DataSource} (Boot's, or the application's): a {@link JdbcDeliveryStore} for
 * tracked sends ({@code mail.outcome.tracking.enabled=true}), so a bounce arriving after a restart still finds its
 * send; the suppression list ({@code mail.outcome.suppressions.enabled=true}) and the address book
 * ({@code mail.outcome.address-book.enabled=true}), shared by every instance; the history of an address read from
 * them ({@link JdbcHistory}); and, with {@code mail.outcome.jdbc.retries.enabled=true}, {@link JdbcRetries} as the
 * mailer's retry hand-off and its {@code RetryWorker}, started and stopped with the context (its rounds feed the
 * list and the book too). The {@code mail_outcome_*} tables are created or migrated at start-up. {@code mail.outcome.jdbc.enabled=false} keeps everything in memory.
 *
 * <p>Ordered after Boot's {@code DataSourceAutoConfiguration} (4.0 and 3.5 names) and before
 * {@link MailOutcomeAutoConfiguration}, whose in-memory store then backs off. Every bean backs off when the
 * application defines its own.
 */
@AutoConfiguration(before = MailOutcomeAutoConfiguration.class, afterName = {
    MailOutcomeJdbcAutoConfiguration.BOOT4_DATA_SOURCE, MailOutcomeJdbcAutoConfiguration.BOOT3_DATA_SOURCE})
@ConditionalOnClass({JdbcDeliveryStore.class, OutcomeMailer.class})
@ConditionalOnProperty("spring.mail.host")
@ConditionalOnProperty(prefix = "mail.outcome", name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnProperty(prefix = "mail.outcome.jdbc", name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(MailOutcomeProperties.class)
public class MailOutcomeJdbcAutoConfiguration {
    /** Boot 4.0's data source auto-configuration. */
    static final String BOOT4_DATA_SOURCE = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration";
    /** Boot 3.5's data source auto-configuration. */
    static final String BOOT3_DATA_SOURCE = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration";

    /** Created by Spring. */
    public MailOutcomeJdbcAutoConfiguration() {
    }

    /**
     * The delivery records of tracked sends, in the application's database; the mailer and the
     * {@code DeliveryTracker} bean share it through the {@code Tracking} bean.
     *
     * @param dataSource the application's database (H2 or PostgreSQL)
     * @return the store, its schema migrated
     */
    @Bean
    @ConditionalOnMissingBean(DeliveryStore.class)
    @ConditionalOnProperty(prefix = "mail.outcome.tracking", name = "enabled", havingValue = "true")
    public JdbcDeliveryStore jdbcDeliveryStore(DataSource dataSource) {
        return JdbcDeliveryStore.create(dataSource);
    }

    /**
     * The suppression list in the application's database, shared by every instance of the application.
     *
     * @param dataSource the application's database
     * @param policy the policy it judges with ({@link MailOutcomeSuppressionAutoConfiguration}'s, or yours)
     * @return the list, its schema migrated
     */
    @Bean
    @ConditionalOnMissingBean(SuppressionList.class)
    @ConditionalOnProperty(prefix = "mail.outcome.suppressions", name = "enabled", havingValue = "true")
    public JdbcSuppressionList jdbcSuppressionList(DataSource dataSource, SuppressionPolicy policy) {
        return JdbcSuppressionList.builder(dataSource).policy(policy).build();
    }

    /**
     * The address book in the application's database.
     *
     * @param dataSource the application's database
     * @return the book, its schema migrated
     */
    @Bean
    @ConditionalOnMissingBean(AddressBook.class)
    @ConditionalOnProperty(prefix = "mail.outcome.address-book", name = "enabled", havingValue = "true")
    public JdbcAddressBook jdbcAddressBook(DataSource dataSource) {
        return JdbcAddressBook.create(dataSource);
    }

    /**
     * The history of an address, read from the records above (for the console and the {@code mailoutcome}
     * endpoint), when any of them is kept.
     *
     * @param dataSource the application's database
     * @return the history
     */
    @Bean
    @ConditionalOnMissingBean(AddressHistory.class)
    @Conditional(AnyRecordKept.class)
    public JdbcHistory jdbcAddressHistory(DataSource dataSource) {
        return JdbcHistory.create(dataSource);
    }

    /** Tracking, the suppression list or the address book is on. */
    static final class AnyRecordKept extends AnyNestedCondition {
        AnyRecordKept() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(prefix = "mail.outcome.tracking", name = "enabled", havingValue = "true")
        static final class Tracked {
        }

        @ConditionalOnProperty(prefix = "mail.outcome.suppressions", name = "enabled", havingValue = "true")
        static final class Suppressions {
        }

        @ConditionalOnProperty(prefix = "mail.outcome.address-book", name = "enabled", havingValue = "true")
        static final class AddressBookKept {
        }
    }

    /** Durable retries: the hand-off, given to the mailer by a customizer, and the worker. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "mail.outcome.jdbc.retries", name = "enabled", havingValue = "true")
    static class DurableRetries {

        /** The retries on the application's database, unless the application defines its own. */
        @Bean
        @ConditionalOnMissingBean
        JdbcRetries jdbcRetries(DataSource dataSource, MailOutcomeProperties properties,
                ObjectProvider<SuppressionList> suppressions, ObjectProvider<AddressBook> addressBook) {
            if (properties.retry().maxAttempts() < 2) {
                throw new IllegalStateException("mail.outcome.jdbc.retries.enabled=true needs "
                        + "mail.outcome.retry.max-attempts of 2 or more (it is " + properties.retry().maxAttempts()
                        + "): with one attempt nothing is ever handed off");
            }
            MailOutcomeProperties.Retries retries = properties.jdbc().retries();
            JdbcRetries.Builder builder = JdbcRetries.builder(dataSource).pollingInterval(retries.pollingInterval())
                    .heartbeat(retries.heartbeat()).threads(retries.threads()).failureDelay(retries.failureDelay());
            suppressions.ifUnique(builder::suppressions);
            addressBook.ifUnique(builder::addressBook);
            return builder.build();
        }

        /** Sets the retries as the mailer's hand-off, before the application's own customizers. */
        @Bean
        OutcomeMailerBuilderCustomizer jdbcRetryHandOff(JdbcRetries retries) {
            return new RetryHandOffCustomizer(retries);
        }

        /** Runs the retry rounds through the mailer while the context runs. */
        @Bean
        @ConditionalOnProperty(prefix = "mail.outcome.jdbc.retries", name = "worker", havingValue = "true",
                matchIfMissing = true)
        SmartLifecycle jdbcRetryWorker(JdbcRetries retries, ObjectProvider<OutcomeMailer> mailer) {
            return new RetryWorkerLifecycle(retries, mailer::getObject);
        }
    }
}
