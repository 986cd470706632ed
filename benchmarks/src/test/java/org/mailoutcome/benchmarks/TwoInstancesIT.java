package org.mailoutcome.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailoutcome.SuppressionKind;
import org.mailoutcome.bounce.tracking.DeliveryTracker;
import org.mailoutcome.bounce.tracking.IngestResult;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.jdbc.JdbcAddressBook;
import org.mailoutcome.jdbc.JdbcDeliveryStore;
import org.mailoutcome.jdbc.JdbcHistory;
import org.mailoutcome.jdbc.JdbcRetries;
import org.mailoutcome.jdbc.JdbcSuppressionList;
import org.mailoutcome.testkit.DeliveryStatusNotice;
import org.mailoutcome.testkit.SmtpServer;
import org.mailoutcome.testkit.Verb;
import org.mailoutcome.testsupport.Concurrently;
import org.mailoutcome.testsupport.PostgresServer;
import org.mailoutcome.tracking.HistoryEvent;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.Tracking;

/**
 * Two application instances on one PostgreSQL, each with its own connections, mailer and tracker: a hard bounce
 * ingested on one suppresses the address for the other's next send, and a notice both ingest at once is counted
 * once (one fate change, one suppression, one soft bounce).
 */
class TwoInstancesIT {
    private static PostgresServer postgres;
    private static SmtpServer smtp;

    /** One instance: its own data source, stores, mailer and tracker on the shared database. */
    private record Instance(JdbcSuppressionList list, JdbcDeliveryStore store, OutcomeMailer mailer,
            DeliveryTracker tracker) implements AutoCloseable {
        static Instance on(String url) {
            DataSource db = JdbcRetries.dataSource(url);
            JdbcDeliveryStore store = JdbcDeliveryStore.create(db);
            JdbcSuppressionList list = JdbcSuppressionList.create(db);
            JdbcAddressBook book = JdbcAddressBook.create(db);
            Tracking tracking = Tracking.builder(store).build();
            OutcomeMailer mailer = OutcomeMailer.builder(Session.getInstance(smtp.clientProperties()))
                    .tracking(tracking).suppressions(list).addressBook(book).build();
            DeliveryTracker tracker = DeliveryTracker.builder(tracking).suppressions(list).addressBook(book).build();
            return new Instance(list, store, mailer, tracker);
        }

        @Override
        public void close() {
            mailer.close();
        }
    }

    @BeforeAll
    static void start() {
        postgres = PostgresServer.start();
        smtp = SmtpServer.start();
    }

    @AfterAll
    static void stop() {
        smtp.close();
        postgres.close();
    }

    @Test
    void aBounceIngestedOnOneInstanceSuppressesForTheOthersNextSendAndNothingCountsTwice() throws Exception {
        smtp.on(Verb.EHLO).reply("250-testkit.local", "250-DSN", "250 ENHANCEDSTATUSCODES");
        String url = postgres.freshSchemaUrl();
        try (Instance a = Instance.on(url); Instance b = Instance.on(url)) {
            DeliveryReport first = a.mailer().send(message("bob@lab.test", "carol@lab.test"));
            assertThat(first.isFullyAccepted()).isTrue();
            SentMessage sent = a.store().findByMessageId(first.messageId().orElseThrow()).get(0);
            byte[] hard = notice(sent, "<hard@mx.lab.test>", "bob@lab.test", "5.1.1",
                    "smtp; 550 5.1.1 <bob@lab.test>: Recipient address rejected: User unknown");
            byte[] soft = notice(sent, "<soft@mx.lab.test>", "carol@lab.test", "5.2.2",
                    "smtp; 552 5.2.2 <carol@lab.test>: Recipient address rejected: Mailbox full");

            List<IngestResult> results = new ArrayList<>();
            for (byte[] notice : List.of(hard, soft)) {
                results.addAll(Concurrently.run(() -> a.tracker().ingest(new ByteArrayInputStream(notice)),
                        () -> b.tracker().ingest(new ByteArrayInputStream(notice))));
            }

            assertThat(results).extracting(r -> ((IngestResult.Tracked) r).recipients().get(0).update().getClass()
                    .getSimpleName()).as("one applies each notice, the other sees a duplicate")
                    .containsExactlyInAnyOrder("Applied", "Duplicate", "Applied", "Duplicate");
            assertThat(b.list().find("bob@lab.test")).hasValueSatisfying(e -> assertThat(e.kind())
                    .isEqualTo(SuppressionKind.HARD_BOUNCE));
            assertThat(a.list().softBounces("carol@lab.test")).hasSize(1);
            assertThat(a.list().find("carol@lab.test")).isEmpty();
            List<HistoryEvent> bob = JdbcHistory.create(JdbcRetries.dataSource(url)).of("bob@lab.test");
            assertThat(bob).filteredOn(e -> e instanceof HistoryEvent.Suppressed).hasSize(1);
            assertThat(bob).filteredOn(e -> e instanceof HistoryEvent.Noticed).hasSize(1);

            int sessionsBefore = smtp.sessions().size();
            DeliveryReport next = b.mailer().send(message("bob@lab.test", "carol@lab.test"));
            assertThat(next.recipient("bob@lab.test").orElseThrow().outcome().name()).isEqualTo("Suppressed");
            assertThat(next.recipient("carol@lab.test").orElseThrow().outcome().name()).isEqualTo("Accepted");
            assertThat(smtp.sessions().subList(sessionsBefore, smtp.sessions().size()).stream()
                    .flatMap(s -> s.commands().stream()).filter(c -> c.startsWith("RCPT")))
                    .singleElement().asString().startsWith("RCPT TO:<carol@lab.test>");
        }
    }

    private static jakarta.mail.internet.MimeMessage message(String... to) throws Exception {
        jakarta.mail.internet.MimeMessage m = new jakarta.mail.internet.MimeMessage(
                Session.getInstance(smtp.clientProperties()));
        m.setFrom(Messages.FROM);
        m.setRecipients(jakarta.mail.Message.RecipientType.TO, String.join(",", to));
        m.setSubject("two instances");
        m.setText("Hello.\r\n");
        return m;
    }

    private static byte[] notice(SentMessage sent, String id, String to, String status, String diagnostic) {
        return DeliveryStatusNotice.builder("mx.lab.test").to("sender@client.test").messageId(id)
                .envelopeId(sent.envelopeId().orElseThrow()).date(Instant.now())
                .recipient(to, "failed", status, diagnostic).build().bytes();
    }
}
