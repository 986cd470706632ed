package org.mailoutcome.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jdbc.JdbcAddressBook;
import org.mailoutcome.jdbc.JdbcSuppressionList;
import org.mailoutcome.tracking.AddressBook;
import org.mailoutcome.tracking.AddressHistory;
import org.mailoutcome.tracking.HistoryEvent;
import org.mailoutcome.tracking.SuppressionList;
import org.mailoutcome.jakarta.retry.ScheduledRetry;
import org.mailoutcome.jdbc.JdbcDeliveryStore;
import org.mailoutcome.jdbc.JdbcRetries;
import org.mailoutcome.testkit.Verb;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.tracking.DeliveryStore;
import org.mailoutcome.tracking.SentMessage;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link MailOutcomeJdbcAutoConfiguration} on Boot's own {@code DataSource} for a database of the subclass (H2,
 * PostgreSQL): the records and the retries live in the application's database.
 */
abstract class JdbcAutoConfigurationContract {
    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    /** A JDBC URL of an empty database (or schema) of its own for each call. */
    abstract String newDatabaseUrl();

    private ApplicationContextRunner on(String url) {
        return Fixtures.withDatabase(Fixtures.withServer(Fixtures.runner(), smtp), url);
    }

    @Test
    void trackedSendsAreRecordedInTheApplicationsDatabaseAndOutliveTheContext() {
        String url = newDatabaseUrl();
        AtomicReference<String> sendId = new AtomicReference<>();
        on(url).withPropertyValues("mail.outcome.tracking.enabled=true").run(context -> {
            assertThat(context.getBean(DeliveryStore.class)).isInstanceOf(JdbcDeliveryStore.class);
            context.getBean(OutcomeJavaMailSender.class).sendAndReport(Fixtures.mail("a@example.test"));
            List<SentMessage> recorded = context.getBean(DeliveryStore.class).unresolved(10);
            assertThat(recorded).singleElement().satisfies(s -> sendId.set(s.id()));
        });
        on(url).withPropertyValues("mail.outcome.tracking.enabled=true").run(context -> assertThat(
                context.getBean(DeliveryStore.class).find(sendId.get())).hasValueSatisfying(s -> assertThat(
                        s.recipients()).extracting(r -> r.address()).containsExactly("a@example.test")));
    }

    @Test
    void theSuppressionListAddressBookAndHistoryAreKeptInTheApplicationsDatabase() {
        smtp.on(Verb.RCPT, "gone@example.test").reply("550 5.1.1 <gone@example.test>: User unknown");
        smtp.on(Verb.RCPT, "old@example.test").reply("551 5.1.6 User not local; please try <new@example.test>");
        String url = newDatabaseUrl();
        String[] kept = {"mail.outcome.tracking.enabled=true", "mail.outcome.suppressions.enabled=true",
            "mail.outcome.address-book.enabled=true"};
        on(url).withPropertyValues(kept).run(context -> {
            assertThat(context.getBean(SuppressionList.class)).isInstanceOf(JdbcSuppressionList.class);
            assertThat(context.getBean(AddressBook.class)).isInstanceOf(JdbcAddressBook.class);
            context.getBean(OutcomeJavaMailSender.class).sendAndReport(Fixtures.mail("gone@example.test",
                    "old@example.test"));
        });
        on(url).withPropertyValues(kept).run(context -> {
            DeliveryReport again = context.getBean(OutcomeJavaMailSender.class)
                    .sendAndReport(Fixtures.mail("gone@example.test"));
            assertThat(again.recipients()).singleElement()
                    .satisfies(r -> assertThat(r.outcome()).isInstanceOf(DeliveryOutcome.Suppressed.class));
            assertThat(context.getBean(AddressBook.class).find("old@example.test")).isPresent();
            assertThat(context.getBean(AddressHistory.class).of("gone@example.test"))
                    .extracting(HistoryEvent::name).containsSubsequence("Sent", "Suppressed", "Sent");
        });
    }

    @Test
    void aSendInsideATransactionThatRollsBackIsStillRecorded() {
        on(newDatabaseUrl()).withPropertyValues("mail.outcome.tracking.enabled=true").run(context -> {
            TransactionTemplate transaction = new TransactionTemplate(
                    new DataSourceTransactionManager(context.getBean(DataSource.class)));
            transaction.executeWithoutResult(status -> {
                context.getBean(OutcomeJavaMailSender.class).sendAndReport(Fixtures.mail("a@example.test"));
                status.setRollbackOnly();
            });
            assertThat(context.getBean(DeliveryStore.class).unresolved(10)).hasSize(1);
        });
        assertThat(smtp.messages()).hasSize(1);
    }

    @Test
    void withTrackingOffNoTableIsCreated() {
        on(newDatabaseUrl()).run(context -> {
            assertThat(context).doesNotHaveBean(DeliveryStore.class).doesNotHaveBean(JdbcRetries.class);
            context.getBean(OutcomeJavaMailSender.class).sendAndReport(Fixtures.mail("a@example.test"));
            assertThat(mailOutcomeTables(context.getBean(DataSource.class))).isEmpty();
        });
    }

    @Test
    void deferredRecipientsAreHandedToTheDatabaseAndRetriedByTheWorkerUntilTheContextStops() {
        smtp.on(Verb.RCPT, "grey@example.test").times(1).reply("451 4.7.1 Greylisted, try again later");
        AtomicReference<SmartLifecycle> worker = new AtomicReference<>();
        on(newDatabaseUrl()).withPropertyValues("mail.outcome.jdbc.retries.enabled=true",
                "mail.outcome.jdbc.retries.polling-interval=100ms", "mail.outcome.retry.max-attempts=3",
                "mail.outcome.retry.initial-delay=200ms").run(context -> {
                    worker.set(context.getBean("jdbcRetryWorker", SmartLifecycle.class));
                    assertThat(worker.get().isRunning()).isTrue();
                    DeliveryReport report = context.getBean(OutcomeJavaMailSender.class)
                            .sendAndReport(Fixtures.mail("grey@example.test"));
                    assertThat(report.scheduledRetry()).containsInstanceOf(ScheduledRetry.Scheduled.class);
                    assertThat(smtp.awaitMessages(1, Duration.ofSeconds(30))).singleElement()
                            .satisfies(m -> assertThat(m.envelopeRecipients()).containsExactly("grey@example.test"));
                    JdbcRetries retries = context.getBean(JdbcRetries.class);
                    awaitNothingPending(retries, Duration.ofSeconds(30));
                });
        assertThat(worker.get().isRunning()).isFalse();
    }

    @Test
    void withoutAWorkerTheHandedOffRecipientStaysPending() {
        smtp.on(Verb.RCPT, "grey@example.test").reply("451 4.7.1 Greylisted, try again later");
        on(newDatabaseUrl()).withPropertyValues("mail.outcome.jdbc.retries.enabled=true",
                "mail.outcome.jdbc.retries.worker=false", "mail.outcome.retry.max-attempts=3").run(context -> {
                    assertThat(context).doesNotHaveBean("jdbcRetryWorker");
                    context.getBean(OutcomeJavaMailSender.class).sendAndReport(Fixtures.mail("grey@example.test"));
                    assertThat(context.getBean(JdbcRetries.class).pending()).singleElement()
                            .satisfies(e -> assertThat(e.recipient()).isEqualTo("grey@example.test"));
                });
    }

    @Test
    void retriesWithOneAttemptFailStartupNamingBothProperties() {
        on(newDatabaseUrl()).withPropertyValues("mail.outcome.jdbc.retries.enabled=true").run(context -> assertThat(
                context).hasFailed().getFailure().rootCause().hasMessageContaining("mail.outcome.jdbc.retries.enabled")
                .hasMessageContaining("mail.outcome.retry.max-attempts"));
    }

    private static void awaitNothingPending(JdbcRetries retries, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!retries.pending().isEmpty()) {
            if (System.nanoTime() > deadline) throw new AssertionError("still pending: " + retries.pending());
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    static List<String> mailOutcomeTables(DataSource dataSource) throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (name.startsWith("mail_outcome")) tables.add(name);
            }
        }
        return tables;
    }
}
