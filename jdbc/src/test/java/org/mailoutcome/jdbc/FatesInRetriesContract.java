package org.mailoutcome.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.ForwardPolicy;
import org.mailoutcome.RetryPolicy;
import org.mailoutcome.SuppressionKind;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.testkit.Verb;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.tracking.Fate;
import org.mailoutcome.tracking.HistoryEvent;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.Suppression;
import org.mailoutcome.tracking.TrackedRecipient;
import org.mailoutcome.tracking.Tracking;

/**
 * Durable retries of tracked sends on one database with the delivery records, the suppression list and the
 * address book, run on H2 and on PostgreSQL against the testkit's server: each round updates the send's record,
 * a 551 follows the mailer's ForwardPolicy, suppressions are honoured and fed.
 */
abstract class FatesInRetriesContract {
    static final String GREYLISTED = "451 4.7.1 Greylisted, please try again later";
    static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    Database db;
    JdbcDeliveryStore store;
    JdbcSuppressionList list;
    JdbcAddressBook book;
    JdbcRetries retries;

    @RegisterExtension
    final BeforeEachCallback opener = context -> {
        db = open(context);
        store = JdbcDeliveryStore.create(db.dataSource());
        list = JdbcSuppressionList.create(db.dataSource());
        book = JdbcAddressBook.create(db.dataSource());
        retries = JdbcRetries.builder(db.dataSource()).pollingInterval(Duration.ofMillis(100))
                .heartbeat(Duration.ofMillis(250)).failureDelay(Duration.ofMillis(200)).suppressions(list)
                .addressBook(book).build();
    };

    /** A new, empty database for one test. */
    abstract Database open(ExtensionContext context) throws Exception;

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    private OutcomeMailer mailer(ForwardPolicy forward) {
        return OutcomeMailer.builder(session()).tracking(Tracking.builder(store).build())
                .suppressions(list).addressBook(book).forwardPolicy(forward)
                .retryPolicy(RetryPolicy.builder().jitter(0).maxAttempts(3).backoff(org.mailoutcome.Backoff.fixed(
                        Duration.ofMillis(100))).build()).retryHandOff(retries).build();
    }

    private static jakarta.mail.Session session() {
        return WorkerProcess.session(smtp.server().port());
    }

    private static long rcpts(String address) {
        return smtp.sessions().stream().flatMap(s -> s.commands().stream())
                .filter(c -> c.equalsIgnoreCase("RCPT TO:<" + address + ">")).count();
    }

    private static long received(String address) {
        return smtp.messages().stream().filter(m -> m.envelopeRecipients().contains(address)).count();
    }

    private SentMessage sent(DeliveryReport report) {
        return store.find(DurableRetriesContract.sendId(report)).orElseThrow();
    }

    private void runUntilDone(OutcomeMailer mailer, String sendId) throws Exception {
        try (RetryWorker worker = retries.startWorker(server -> mailer)) {
            Poll.until(WAIT, "every ledger row of " + sendId + " DONE and no round left", () -> {
                List<LedgerEntry> rows = retries.ledger(sendId);
                return !rows.isEmpty() && rows.stream().allMatch(e -> e.state() == LedgerState.DONE)
                        && worker.scheduledRounds() == 0;
            });
        }
    }

    @Test
    void aTrackedSendHandedOffIsUpdatedByEachRetrysResult() throws Exception {
        smtp.on(Verb.RCPT, "grey@example.test").times(1).reply(GREYLISTED);
        try (OutcomeMailer mailer = mailer(ForwardPolicy.disabled())) {
            DeliveryReport report = mailer.send(WorkerProcess.message(session(),
                    "ok@example.test", "grey@example.test"));
            TrackedRecipient before = sent(report).recipient("grey@example.test").orElseThrow();
            assertThat(before.outcome()).isInstanceOf(DeliveryOutcome.LocalError.class);
            assertThat(before.fate()).isInstanceOf(Fate.NotAccepted.class);

            runUntilDone(mailer, DurableRetriesContract.sendId(report));

            SentMessage after = sent(report);
            TrackedRecipient grey = after.recipient("grey@example.test").orElseThrow();
            assertThat(grey.outcome()).isInstanceOf(DeliveryOutcome.Accepted.class);
            assertThat(grey.fate()).isInstanceOf(Fate.Pending.class);
            assertThat(grey.attempts()).extracting(a -> a.round() + " " + a.outcome().name())
                    .containsExactly("0 LocalError", "1 Accepted");
            assertThat(after.isUnresolved()).isTrue();
            assertThat(JdbcHistory.create(db.dataSource()).of("grey@example.test")).extracting(HistoryEvent::name)
                    .containsExactly("Sent", "Retried");
        }
        assertThat(received("grey@example.test")).isEqualTo(1);
    }

    @Test
    void a551MetDuringADurableRetryFollowsTheMailersForwardPolicy() throws Exception {
        smtp.on(Verb.RCPT, "grey@example.test").times(1).reply(GREYLISTED);
        smtp.on(Verb.RCPT, "grey@example.test").reply("551 5.1.6 <grey@example.test>: Recipient address rejected: "
                + "User not local; please try <grey.new@example.test>");
        try (OutcomeMailer mailer = mailer(ForwardPolicy.enabled().build())) {
            DeliveryReport report = mailer.send(WorkerProcess.message(session(),
                    "grey@example.test"));
            String id = DurableRetriesContract.sendId(report);

            runUntilDone(mailer, id);

            assertThat(retries.ledger(id)).singleElement().satisfies(e -> {
                assertThat(e.target()).isEqualTo("grey.new@example.test");
                assertThat(e.outcome()).get().asString().startsWith("Accepted");
            });
            TrackedRecipient grey = sent(report).recipient("grey@example.test").orElseThrow();
            assertThat(grey.finalAddress()).isEqualTo("grey.new@example.test");
            assertThat(grey.attempts()).extracting(a -> a.address() + " " + a.outcome().name()).containsExactly(
                    "grey@example.test LocalError", "grey@example.test NotLocalNoRelay", "grey.new@example.test Accepted");
        }
        assertThat(received("grey.new@example.test")).isEqualTo(1);
        assertThat(received("grey@example.test")).isZero();
        assertThat(book.find("grey@example.test")).hasValueSatisfying(m -> assertThat(m.newAddress())
                .isEqualTo("grey.new@example.test"));
    }

    @Test
    void withoutAForwardPolicyA551InARetryIsRecordedAndLearntNotFollowed() throws Exception {
        smtp.on(Verb.RCPT, "grey@example.test").times(1).reply(GREYLISTED);
        smtp.on(Verb.RCPT, "grey@example.test").reply("551 5.1.6 User not local; please try <grey.new@example.test>");
        try (OutcomeMailer mailer = mailer(ForwardPolicy.disabled())) {
            String id = DurableRetriesContract.sendId(mailer.send(WorkerProcess.message(session(),
                    "grey@example.test")));
            runUntilDone(mailer, id);
            assertThat(retries.ledger(id)).singleElement().satisfies(e -> assertThat(e.outcome()).get().asString()
                    .startsWith("NotLocalNoRelay"));
        }
        assertThat(received("grey.new@example.test")).isZero();
        assertThat(book.find("grey@example.test")).isPresent();
    }

    @Test
    void aHardBounceInARoundSuppressesAndARecipientSuppressedMeanwhileIsNotSentAgain() throws Exception {
        smtp.on(Verb.RCPT, "a@example.test").times(1).reply(GREYLISTED);
        smtp.on(Verb.RCPT, "a@example.test").reply("550 5.1.1 <a@example.test>: Recipient address rejected: User "
                + "unknown in local recipient table");
        smtp.on(Verb.RCPT, "b@example.test").times(1).reply(GREYLISTED);
        try (OutcomeMailer mailer = mailer(ForwardPolicy.disabled())) {
            DeliveryReport report = mailer.send(WorkerProcess.message(session(),
                    "a@example.test", "b@example.test"));
            list.put(Suppression.manual("b@example.test", "another instance read a hard bounce", Instant.now(),
                    Optional.empty()));

            runUntilDone(mailer, DurableRetriesContract.sendId(report));

            assertThat(list.find("a@example.test")).hasValueSatisfying(e -> {
                assertThat(e.kind()).isEqualTo(SuppressionKind.HARD_BOUNCE);
                assertThat(e.cause().sendId()).contains(DurableRetriesContract.sendId(report));
            });
            assertThat(sent(report).recipient("b@example.test").orElseThrow().outcome())
                    .isInstanceOf(DeliveryOutcome.Suppressed.class);
        }
        assertThat(rcpts("b@example.test")).isEqualTo(1);
        assertThat(rcpts("a@example.test")).isEqualTo(2);
    }
}
