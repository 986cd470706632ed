package org.mailoutcome.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.Backoff;
import org.mailoutcome.Disposition;
import org.mailoutcome.RetryPolicy;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.jakarta.retry.ScheduledRetry;
import org.mailoutcome.jdbc.internal.Ledger;
import org.mailoutcome.jdbc.internal.RetryRound;
import org.mailoutcome.jdbc.internal.Schema;
import org.mailoutcome.jdbc.internal.TaskData;
import org.mailoutcome.testkit.Gate;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.testkit.Verb;

/**
 * The durable-retry suite, run on H2 and on PostgreSQL: every delivery is counted on the testkit's server.
 * Crash tests run the sender or the worker in a child JVM and kill it with kill -9.
 */
abstract class DurableRetriesContract extends OnADatabase {
    static final String GREYLISTED = "451 4.7.1 Greylisted, please try again later";
    static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();


    JdbcRetries retries() {
        return JdbcRetries.builder(db.dataSource()).pollingInterval(Duration.ofMillis(100))
                .heartbeat(Duration.ofMillis(250)).failureDelay(Duration.ofMillis(200)).build();
    }

    static RetryPolicy policy(Duration backoff) {
        return RetryPolicy.builder().jitter(0).maxAttempts(3).backoff(Backoff.fixed(backoff)).build();
    }

    static OutcomeMailer mailer(JdbcRetries retries, RetryPolicy policy) {
        return OutcomeMailer.builder(session()).retryPolicy(policy).retryHandOff(retries).build();
    }

    static Session session() {
        return WorkerProcess.session(smtp.server().port());
    }

    static String sendId(DeliveryReport report) {
        return ((ScheduledRetry.Scheduled) report.scheduledRetry().orElseThrow()).id();
    }

    /** How many times the server was asked for this recipient (RCPT), over every connection. */
    static long rcpts(String address) {
        return smtp.sessions().stream().flatMap(s -> s.commands().stream())
                .filter(c -> c.equalsIgnoreCase("RCPT TO:<" + address + ">")).count();
    }

    static long received(String address) {
        return smtp.messages().stream().filter(m -> m.envelopeRecipients().contains(address)).count();
    }

    void awaitDone(JdbcRetries retries, String sendId) throws Exception {
        Poll.until(WAIT, "every ledger row of " + sendId + " DONE", () -> {
            List<LedgerEntry> rows = retries.ledger(sendId);
            return !rows.isEmpty() && rows.stream().allMatch(e -> e.state() == LedgerState.DONE);
        });
    }

    @Test
    void schemaIsAtTheLatestVersionAndMigratingAgainChangesNothing() throws Exception {
        assertThat(JdbcRetries.migrate(db.dataSource())).isEqualTo(Schema.latest());
        assertThat(JdbcRetries.migrate(db.dataSource())).isEqualTo(Schema.latest());
        try (var c = db.dataSource().getConnection()) {
            assertThat(Schema.current(c)).isEqualTo(5);
        }
    }

    @Test
    void sendReturnsAfterTheFirstAttemptWithTheRetryDueAndTheLedgerRowPending() throws Exception {
        smtp.on(Verb.RCPT, "grey@example.test").times(1).reply(GREYLISTED);
        JdbcRetries retries = retries();
        DeliveryReport report;
        try (OutcomeMailer mailer = mailer(retries, policy(Duration.ofMinutes(6)))) {
            report = mailer.send(WorkerProcess.message(session(), "ok@example.test", "grey@example.test"));
        }
        assertThat(report.recipient("grey@example.test").orElseThrow().disposition()).isEqualTo(Disposition.TRANSIENT);
        ScheduledRetry.Scheduled scheduled = (ScheduledRetry.Scheduled) report.scheduledRetry().orElseThrow();
        assertThat(retries.pending()).singleElement().satisfies(e -> {
            assertThat(e.recipient()).isEqualTo("grey@example.test");
            assertThat(e.state()).isEqualTo(LedgerState.PENDING);
            assertThat(e.attempt()).isEqualTo(2);
            assertThat(e.due()).contains(scheduled.due());
            assertThat(e.outcome()).get().asString().contains("451 4.7.1");
        });
        assertThat(db.task(scheduled.id(), 1)).get().satisfies(t -> assertThat(t.message().messageId())
                .isEqualTo(report.messageId()));
    }

    @Test
    void deferredRecipientIsRetriedByAWorkerAndGetsTheMessageExactlyOnce() throws Exception {
        smtp.on(Verb.RCPT, "grey@example.test").times(1).reply(GREYLISTED);
        JdbcRetries retries = retries();
        try (OutcomeMailer mailer = mailer(retries, policy(Duration.ofMillis(200)));
                RetryWorker worker = retries.startWorker(server -> mailer)) {
            DeliveryReport report = mailer.send(WorkerProcess.message(session(), "ok@example.test",
                    "grey@example.test"));
            awaitDone(retries, sendId(report));
            assertThat(retries.ledger(sendId(report))).singleElement()
                    .satisfies(e -> assertThat(e.outcome()).get().asString().startsWith("Accepted"));
            Poll.until(WAIT, "no round left", () -> worker.scheduledRounds() == 0);
        }
        assertThat(received("grey@example.test")).isEqualTo(1);
        assertThat(received("ok@example.test")).isEqualTo(1);
        assertThat(smtp.messages().get(1).bytes()).isEqualTo(smtp.messages().get(0).bytes());
    }

    @Test
    void recipientStillDeferredAtMaxAttemptsEndsDoneWithItsLastOutcome() throws Exception {
        smtp.on(Verb.RCPT, "busy@example.test").reply("450 4.2.1 Mailbox busy");
        JdbcRetries retries = retries();
        try (OutcomeMailer mailer = mailer(retries, policy(Duration.ofMillis(100)));
                RetryWorker worker = retries.startWorker(server -> mailer)) {
            String id = sendId(mailer.send(WorkerProcess.message(session(), "busy@example.test")));
            awaitDone(retries, id);
            assertThat(retries.ledger(id)).singleElement().satisfies(e -> {
                assertThat(e.attempt()).isEqualTo(3);
                assertThat(e.outcome()).get().asString().contains("450 4.2.1");
            });
        }
        assertThat(rcpts("busy@example.test")).isEqualTo(3);
    }

    @Test
    void roundRunAgainAfterItFinishedSendsNothing() throws Exception {
        smtp.on(Verb.RCPT, "grey@example.test").times(1).reply(GREYLISTED);
        JdbcRetries retries = retries();
        try (OutcomeMailer mailer = mailer(retries, policy(Duration.ofMillis(1)))) {
            String id = sendId(mailer.send(WorkerProcess.message(session(), "grey@example.test")));
            TaskData round1 = db.task(id, 1).orElseThrow();
            RetryRound round = new RetryRound(db.dataSource(), server -> mailer, java.time.Clock.systemUTC(),
                    java.util.Optional.empty(), java.util.Optional.empty());
            round.run(round1);
            round.run(round1);
            assertThat(retries.ledger(id)).singleElement().satisfies(e -> assertThat(e.state()).isEqualTo(LedgerState.DONE));
        }
        assertThat(received("grey@example.test")).isEqualTo(1);
        assertThat(rcpts("grey@example.test")).isEqualTo(2);
    }

    @Test
    void recipientLeftInFlightBeforeTheEndOfDataIsSentAgain() throws Exception {
        assertThat(afterCrashAt(LedgerState.IN_FLIGHT, false)).isEqualTo(1);
    }

    @Test
    void recipientLeftAfterTheEndOfDataIsMaybeDeliveredAndNotSentAgain() throws Exception {
        assertThat(afterCrashAt(LedgerState.DATA_SENT, false)).isZero();
    }

    @Test
    void recipientLeftAfterTheEndOfDataIsSentAgainOnlyWhenThePolicyRetriesMaybeDelivered() throws Exception {
        assertThat(afterCrashAt(LedgerState.DATA_SENT, true)).isEqualTo(1);
    }

    /** A round found a row where a crashed worker left it; returns how many copies the recipient then got. */
    private long afterCrashAt(LedgerState left, boolean retryMaybeDelivered) throws Exception {
        smtp.on(Verb.RCPT, "grey@example.test").times(1).reply(GREYLISTED);
        JdbcRetries retries = retries();
        RetryPolicy policy = policy(Duration.ofMillis(1)).toBuilder().retryMaybeDelivered(retryMaybeDelivered).build();
        try (OutcomeMailer mailer = mailer(retries, policy)) {
            String id = sendId(mailer.send(WorkerProcess.message(session(), "grey@example.test")));
            try (var c = db.dataSource().getConnection()) {
                org.mailoutcome.jdbc.internal.Ledger.move(c, id, "grey@example.test", 2, LedgerState.PENDING, left,
                        java.time.Instant.now());
            }
            RetryRound round = new RetryRound(db.dataSource(), server -> mailer, java.time.Clock.systemUTC(),
                    java.util.Optional.empty(), java.util.Optional.empty());
            round.run(db.task(id, 1).orElseThrow());
            db.task(id, 2).ifPresent(next -> {
                try {
                    round.run(next);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            List<LedgerEntry> rows = retries.ledger(id);
            assertThat(rows).singleElement().satisfies(e -> assertThat(e.state()).isEqualTo(LedgerState.DONE));
            if (left == LedgerState.DATA_SENT && !retryMaybeDelivered) {
                assertThat(rows.get(0).outcome()).get().asString().contains("maybe delivered");
            }
        }
        return received("grey@example.test");
    }

    @Test
    void databaseDownDuringTheSendStillReturnsTheReportAndSaysTheRetryIsNotScheduled() throws Exception {
        smtp.on(Verb.RCPT, "grey@example.test").times(1).reply(GREYLISTED);
        SwitchableDataSource switchable = new SwitchableDataSource(db.dataSource());
        JdbcRetries retries = JdbcRetries.create(switchable);
        switchable.down();
        try (OutcomeMailer mailer = mailer(retries, policy(Duration.ofMillis(100)))) {
            assertReportSaysNotScheduled(mailer, "connect");
        }
        assertThat(JdbcRetries.create(db.dataSource()).pending()).isEmpty();
    }

    /**
     * "Full" is a trigger the database runs inside the hand-off's transaction: it refuses the INSERT of the retry
     * round into the task table with the disk-full error, SQLSTATE 53100 "could not extend file ...: No space left
     * on device" (see {@link FullTaskTable}); the real driver, the real INSERT, the real rollback of the ledger rows.
     */
    @Test
    void databaseFullDuringTheSendStillReturnsTheReportRollsBackAndSchedulesAgainOnceThereIsSpace() throws Exception {
        smtp.on(Verb.RCPT, "grey@example.test").times(2).reply(GREYLISTED);
        JdbcRetries retries = retries();
        FullTaskTable.fill(db);
        try (OutcomeMailer mailer = mailer(retries, policy(Duration.ofMinutes(6)))) {
            assertReportSaysNotScheduled(mailer, "No space left on device");
            assertThat(FullTaskTable.rows(db, "mail_outcome_ledger")).isZero();
            assertThat(FullTaskTable.rows(db, Ledger.TASKS_TABLE)).isZero();
            FullTaskTable.free(db);
            String id = sendId(mailer.send(WorkerProcess.message(session(), "grey@example.test")));
            assertThat(retries.pending()).singleElement().satisfies(e -> assertThat(e.sendId()).isEqualTo(id));
            assertThat(db.task(id, 1)).isPresent();
        }
    }

    /** Sends to ok@ and grey@ (greylisted): the report is whole and says why its retry is not scheduled. */
    private static void assertReportSaysNotScheduled(OutcomeMailer mailer, String reason) throws Exception {
        DeliveryReport report = mailer.send(WorkerProcess.message(session(), "ok@example.test", "grey@example.test"));
        assertThat(report.accepted()).hasSize(1);
        assertThat(report.deferred()).singleElement()
                .satisfies(r -> assertThat(r.disposition()).isEqualTo(Disposition.TRANSIENT));
        assertThat(report.scheduledRetry()).get().isInstanceOfSatisfying(ScheduledRetry.NotScheduled.class,
                n -> assertThat(n.reason()).containsIgnoringCase(reason));
    }

    @Test
    void killedJvmDuringTheBackoffIsResumedAndTheRecipientGetsTheMessageOnce() throws Exception {
        smtp.on(Verb.RCPT, "grey@example.test").times(1).reply(GREYLISTED);
        JdbcRetries.migrate(db.dataSource());
        db.release();
        String id;
        try (ChildJvm child = ChildJvm.start("send", db.url(), Integer.toString(smtp.server().port()), "3000",
                "grey@example.test")) {
            id = child.awaitLine("scheduled ", WAIT).substring("scheduled ".length());
            child.kill();
        }
        assertThat(received("grey@example.test")).isZero();
        JdbcRetries retries = retries();
        try (OutcomeMailer mailer = mailer(retries, policy(Duration.ofMillis(100)));
                RetryWorker worker = retries.startWorker(server -> mailer)) {
            awaitDone(retries, id);
        }
        assertThat(received("grey@example.test")).isEqualTo(1);
    }

    @Test
    void crashWhileWaitingForTheEndOfDataReplyIsMaybeDeliveredAndNotResent() throws Exception {
        assertThat(crashAtEndOfData(false)).isEqualTo(2);
    }

    @Test
    void crashWhileWaitingForTheEndOfDataReplyIsResentWhenThePolicyRetriesMaybeDelivered() throws Exception {
        assertThat(crashAtEndOfData(true)).isEqualTo(3);
    }

    /** A worker JVM killed while the server holds its end-of-data reply; returns the RCPTs for the recipient. */
    private long crashAtEndOfData(boolean retryMaybeDelivered) throws Exception {
        smtp.on(Verb.RCPT, "grey@example.test").times(1).reply(GREYLISTED);
        Gate gate = new Gate();
        smtp.on(Verb.END_OF_DATA).times(1).holdUntil(gate);
        JdbcRetries retries = retries();
        RetryPolicy policy = policy(Duration.ofMillis(1)).toBuilder().retryMaybeDelivered(retryMaybeDelivered).build();
        String id;
        try (OutcomeMailer mailer = mailer(retries, policy)) {
            id = sendId(mailer.send(WorkerProcess.message(session(), "grey@example.test")));
        }
        db.release();
        try (ChildJvm child = ChildJvm.start("work", db.url(), Integer.toString(smtp.server().port()))) {
            child.awaitLine("started", WAIT);
            gate.awaitArrival(WAIT);
            child.kill();
        }
        gate.release();
        retries = retries();
        assertThat(retries.ledger(id)).singleElement()
                .satisfies(e -> assertThat(e.state()).isEqualTo(LedgerState.DATA_SENT));
        try (OutcomeMailer mailer = mailer(retries, policy);
                RetryWorker worker = retries.startWorker(server -> mailer)) {
            awaitDone(retries, id);
            Poll.until(WAIT, "no round left", () -> worker.scheduledRounds() == 0);
        }
        return rcpts("grey@example.test");
    }
}
