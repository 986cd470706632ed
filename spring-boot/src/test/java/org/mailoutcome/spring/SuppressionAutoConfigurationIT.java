package org.mailoutcome.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.tracking.AddressBook;
import org.mailoutcome.tracking.InMemoryAddressBook;
import org.mailoutcome.tracking.InMemorySuppressionList;
import org.mailoutcome.tracking.SuppressionList;
import org.mailoutcome.tracking.SuppressionPolicy;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** When there is a suppression list and an address book, and where they are kept. */
class SuppressionAutoConfigurationIT {
    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    private final ApplicationContextRunner runner = Fixtures.withServer(Fixtures.runner(), smtp);

    @Test
    void offByDefault() {
        runner.run(context -> assertThat(context).doesNotHaveBean(SuppressionList.class)
                .doesNotHaveBean(AddressBook.class));
    }

    @Test
    void withoutADataSourceTheListIsInMemoryAndAWarnSaysWhatIsLost() {
        try (StandardError output = StandardError.capture()) {
            runner.withPropertyValues("mail.outcome.suppressions.enabled=true").run(context -> assertThat(
                    context.getBean(SuppressionList.class)).isInstanceOf(InMemorySuppressionList.class));
            assertThat(output.text()).contains("WARN").contains("in-memory SuppressionList")
                    .contains("define a SuppressionList bean");
        }
    }

    @Test
    void theListJudgesWithTheApplicationsPolicy() {
        SuppressionPolicy own = SuppressionPolicy.builder().build();
        runner.withPropertyValues("mail.outcome.suppressions.enabled=true")
                .withBean(SuppressionPolicy.class, () -> own)
                .run(context -> assertThat(context.getBean(SuppressionList.class).policy()).isSameAs(own));
    }

    @Test
    void theApplicationsListWins() {
        InMemorySuppressionList own = new InMemorySuppressionList();
        runner.withPropertyValues("mail.outcome.suppressions.enabled=true")
                .withBean(SuppressionList.class, () -> own)
                .run(context -> assertThat(context.getBean(SuppressionList.class)).isSameAs(own));
    }

    @Test
    void theAddressBookIsInMemoryWithoutADataSource() {
        runner.withPropertyValues("mail.outcome.address-book.enabled=true").run(context -> assertThat(
                context.getBean(AddressBook.class)).isInstanceOf(InMemoryAddressBook.class));
    }
}
