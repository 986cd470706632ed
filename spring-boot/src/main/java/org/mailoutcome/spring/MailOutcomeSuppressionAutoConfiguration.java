package org.mailoutcome.spring;

import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.tracking.AddressBook;
import org.mailoutcome.tracking.InMemoryAddressBook;
import org.mailoutcome.tracking.InMemorySuppressionList;
import org.mailoutcome.tracking.SuppressionList;
import org.mailoutcome.tracking.SuppressionPolicy;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The suppression list ({@code mail.outcome.suppressions.enabled=true}) and the address book
 * ({@code mail.outcome.address-book.enabled=true}) in memory, when neither the application nor
 * {@link MailOutcomeJdbcAutoConfiguration} (on the application's {@code DataSource}) provides one; a WARN at
 * start-up says they are lost on restart. The list judges with the {@link SuppressionPolicy} bean, the defaults
 * unless the application defines one.
 */
@AutoConfiguration(before = MailOutcomeAutoConfiguration.class, after = MailOutcomeJdbcAutoConfiguration.class)
@ConditionalOnClass(OutcomeMailer.class)
@ConditionalOnProperty("spring.mail.host")
@ConditionalOnProperty(prefix = "mail.outcome", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(MailOutcomeProperties.class)
public class MailOutcomeSuppressionAutoConfiguration {

    /** Created by Spring. */
    public MailOutcomeSuppressionAutoConfiguration() {
    }

    /**
     * The policy the suppression list judges with: {@link SuppressionPolicy#defaults()}.
     *
     * @return the defaults
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "mail.outcome.suppressions", name = "enabled", havingValue = "true")
    public SuppressionPolicy mailOutcomeSuppressionPolicy() {
        return SuppressionPolicy.defaults();
    }

    /**
     * The suppression list in memory.
     *
     * @param policy the policy
     * @return a new in-memory list
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "mail.outcome.suppressions", name = "enabled", havingValue = "true")
    public SuppressionList mailOutcomeSuppressionList(SuppressionPolicy policy) {
        return new InMemorySuppressionList(policy);
    }

    /**
     * The address book in memory.
     *
     * @return a new in-memory book
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "mail.outcome.address-book", name = "enabled", havingValue = "true")
    public AddressBook mailOutcomeAddressBook() {
        return new InMemoryAddressBook();
    }
}
