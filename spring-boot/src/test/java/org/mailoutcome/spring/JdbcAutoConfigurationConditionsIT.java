package org.mailoutcome.spring;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.jdbc.JdbcAddressBook;
import org.mailoutcome.jdbc.JdbcDeliveryStore;
import org.mailoutcome.jdbc.JdbcHistory;
import org.mailoutcome.jdbc.JdbcSuppressionList;
import org.mailoutcome.tracking.AddressBook;
import org.mailoutcome.tracking.AddressHistory;
import org.mailoutcome.tracking.SuppressionList;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.tracking.DeliveryStore;
import org.mailoutcome.tracking.InMemoryDeliveryStore;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** When the delivery records go to the application's database, and when they stay in memory with a WARN. */
class JdbcAutoConfigurationConditionsIT {
    private static final String IN_MEMORY_WARNING = "tracked sends are lost on restart";

    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    private final ApplicationContextRunner tracked = Fixtures.withServer(Fixtures.runner(), smtp)
            .withPropertyValues("mail.outcome.tracking.enabled=true");

    @Test
    void withADataSourceTheStoreIsJdbcAndNothingIsWarned() {
        try (StandardError output = StandardError.capture()) {
            Fixtures.withDatabase(tracked, "jdbc:h2:mem:conditions1;DB_CLOSE_DELAY=-1").run(context -> assertThat(
                    context.getBean(DeliveryStore.class)).isInstanceOf(JdbcDeliveryStore.class));
            assertThat(output.text()).doesNotContain(IN_MEMORY_WARNING);
        }
    }

    @Test
    void withADataSourceTheSuppressionListAndAddressBookAreJdbcAndNothingIsWarned() {
        try (StandardError output = StandardError.capture()) {
            Fixtures.withDatabase(tracked, "jdbc:h2:mem:conditions7;DB_CLOSE_DELAY=-1")
                    .withPropertyValues("mail.outcome.suppressions.enabled=true",
                            "mail.outcome.address-book.enabled=true").run(context -> {
                                assertThat(context.getBean(SuppressionList.class))
                                        .isInstanceOf(JdbcSuppressionList.class);
                                assertThat(context.getBean(AddressBook.class)).isInstanceOf(JdbcAddressBook.class);
                                assertThat(context.getBean(AddressHistory.class)).isInstanceOf(JdbcHistory.class);
                            });
            assertThat(output.text()).doesNotContain("in-memory");
        }
    }

    @Test
    void withoutADataSourceTheStoreIsInMemoryAndAWarnSaysWhatIsLost() {
        try (StandardError output = StandardError.capture()) {
            tracked.run(context -> assertThat(context.getBean(DeliveryStore.class))
                    .isInstanceOf(InMemoryDeliveryStore.class));
            assertThat(output.text()).contains("WARN").contains(IN_MEMORY_WARNING).contains("mail-outcome-jdbc");
        }
    }

    @Test
    void jdbcDisabledKeepsTheStoreInMemoryDespiteTheDataSource() {
        try (StandardError output = StandardError.capture()) {
            Fixtures.withDatabase(tracked, "jdbc:h2:mem:conditions2;DB_CLOSE_DELAY=-1")
                    .withPropertyValues("mail.outcome.jdbc.enabled=false").run(context -> assertThat(
                            context.getBean(DeliveryStore.class)).isInstanceOf(InMemoryDeliveryStore.class));
            assertThat(output.text()).contains(IN_MEMORY_WARNING);
        }
    }

    @Test
    void theApplicationsStoreWinsOverTheDataSource() {
        InMemoryDeliveryStore own = new InMemoryDeliveryStore();
        Fixtures.withDatabase(tracked, "jdbc:h2:mem:conditions3;DB_CLOSE_DELAY=-1")
                .withBean(DeliveryStore.class, () -> own)
                .run(context -> assertThat(context.getBean(DeliveryStore.class)).isSameAs(own));
    }

    @Test
    void twoDataSourcesWithoutAPrimaryLeaveTheStoreInMemory() {
        tracked.withBean("first", DataSource.class, () -> h2("conditions4"))
                .withBean("second", DataSource.class, () -> h2("conditions5"))
                .run(context -> assertThat(context.getBean(DeliveryStore.class))
                        .isInstanceOf(InMemoryDeliveryStore.class));
    }

    @Test
    void withoutMailHostTheDataSourceGetsNoTables() {
        Fixtures.withDatabase(Fixtures.runner(), "jdbc:h2:mem:conditions6;DB_CLOSE_DELAY=-1")
                .withPropertyValues("mail.outcome.tracking.enabled=true").run(context -> {
                    assertThat(context).doesNotHaveBean(DeliveryStore.class);
                    assertThat(JdbcAutoConfigurationContract.mailOutcomeTables(context.getBean(DataSource.class)))
                            .isEmpty();
                });
    }

    private static DataSource h2(String name) {
        return JdbcConnectionPool.create("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "", "");
    }
}
