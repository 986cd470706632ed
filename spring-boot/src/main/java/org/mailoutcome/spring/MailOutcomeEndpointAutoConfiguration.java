package org.mailoutcome.spring;

import java.time.Clock;
import java.util.Optional;
import org.mailoutcome.tracking.AddressBook;
import org.mailoutcome.tracking.AddressHistory;
import org.mailoutcome.tracking.DeliveryStore;
import org.mailoutcome.tracking.SuppressionList;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@link MailOutcomeEndpoint} when Actuator is on the class path, the endpoint is available (exposed and not
 * disabled: Actuator's own rules) and there is a suppression list.
 */
@AutoConfiguration(after = {MailOutcomeJdbcAutoConfiguration.class, MailOutcomeSuppressionAutoConfiguration.class,
    MailOutcomeAutoConfiguration.class})
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(SuppressionList.class)
@ConditionalOnAvailableEndpoint(MailOutcomeEndpoint.class)
public class MailOutcomeEndpointAutoConfiguration {

    /** Created by Spring. */
    public MailOutcomeEndpointAutoConfiguration() {
    }

    /**
     * The endpoint.
     *
     * @param suppressions the suppression list
     * @param addressBook the address book, if any
     * @param history the history of addresses, if any
     * @param store the delivery records, if any
     * @return the endpoint
     */
    @Bean
    @ConditionalOnMissingBean
    public MailOutcomeEndpoint mailOutcomeEndpoint(SuppressionList suppressions, ObjectProvider<AddressBook> addressBook,
            ObjectProvider<AddressHistory> history, ObjectProvider<DeliveryStore> store) {
        return new MailOutcomeEndpoint(new ConsoleData(Optional.ofNullable(store.getIfUnique()),
                Optional.of(suppressions), Optional.ofNullable(addressBook.getIfUnique()),
                Optional.ofNullable(history.getIfUnique()), Optional.empty(), Clock.systemUTC()));
    }
}
