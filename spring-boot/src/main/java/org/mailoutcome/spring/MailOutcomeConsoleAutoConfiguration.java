package org.mailoutcome.spring;

import java.time.Clock;
import java.util.Optional;
import org.mailoutcome.jdbc.JdbcRetries;
import org.mailoutcome.tracking.AddressBook;
import org.mailoutcome.tracking.AddressHistory;
import org.mailoutcome.tracking.DeliveryStore;
import org.mailoutcome.tracking.SuppressionList;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The web console of {@code mail.outcome.console.*}, in the manner of db-scheduler-ui: a page served from the jar
 * (plain HTML, CSS and JavaScript; nothing fetched elsewhere) and a JSON API under {@code <path>/api}, as one
 * {@code RouterFunction} bean. Only when {@code mail.outcome.console.enabled=true} in a servlet application with
 * Spring MVC. It reads the beans that are there: the {@code DeliveryStore} (recent sends and the chart), the
 * {@code SuppressionList} (and removes from it unless read-only), the {@code AddressBook}, the
 * {@code AddressHistory} (with {@code mail-outcome-jdbc}) and the durable retries.
 */
@AutoConfiguration(after = {MailOutcomeAutoConfiguration.class, MailOutcomeJdbcAutoConfiguration.class,
    MailOutcomeSuppressionAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnProperty(prefix = "mail.outcome.console", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(MailOutcomeConsoleProperties.class)
public class MailOutcomeConsoleAutoConfiguration {

    /** Created by Spring. */
    public MailOutcomeConsoleAutoConfiguration() {
    }

    /**
     * The console's routes.
     *
     * @param properties {@code mail.outcome.console.*}
     * @param store the delivery records, if tracking is on
     * @param suppressions the suppression list, if any
     * @param addressBook the address book, if any
     * @param history the history of addresses, if any
     * @param retries the durable retries, if any
     * @return the routes
     */
    @Bean
    public RouterFunction<ServerResponse> mailOutcomeConsole(MailOutcomeConsoleProperties properties,
            ObjectProvider<DeliveryStore> store, ObjectProvider<SuppressionList> suppressions,
            ObjectProvider<AddressBook> addressBook, ObjectProvider<AddressHistory> history,
            ObjectProvider<ConsoleData.PendingRetries> retries) {
        return ConsoleRoutes.of(properties, new ConsoleData(Optional.ofNullable(store.getIfUnique()),
                Optional.ofNullable(suppressions.getIfUnique()), Optional.ofNullable(addressBook.getIfUnique()),
                Optional.ofNullable(history.getIfUnique()), Optional.ofNullable(retries.getIfUnique()),
                Clock.systemUTC()));
    }

    /** The durable retries' pending rows, when there are durable retries. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JdbcRetries.class)
    @ConditionalOnBean(JdbcRetries.class)
    static class Retries {

        /** The ledger rows not done, by due time. */
        @Bean
        ConsoleData.PendingRetries mailOutcomeConsoleRetries(JdbcRetries retries) {
            return () -> retries.pending().stream().map(e -> ConsoleViews.map("send", e.sendId(),
                    "recipient", e.recipient(), "target", e.target(), "state", ConsoleViews.lower(e.state()),
                    "attempt", e.attempt(), "outcome", e.outcome(), "due", e.due().map(Object::toString),
                    "updated", e.updated().toString())).toList();
        }
    }
}
