package org.mailoutcome.jakarta.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.Disposition;
import org.mailoutcome.Stage;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.jakarta.OutcomeMailerBuilder;
import org.mailoutcome.jakarta.RecipientOutcome;
import org.mailoutcome.testkit.Gate;
import org.mailoutcome.testkit.ReceivedMessage;
import org.mailoutcome.testkit.Rule;
import org.mailoutcome.testkit.SmtpServer;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.testkit.Verb;

/**
 * Every stage of a send (greeting, EHLO, STARTTLS, AUTH, MAIL, each RCPT, DATA, during the message, end of data,
 * QUIT) times every fault, with 1 and with 5 recipients: one outcome per recipient at the right stage, "maybe
 * delivered" only after the end of data, the report agrees with what the server recorded, no exception escapes,
 * no send outlasts the timeouts, and the next send on the same mailer succeeds on a new connection. Every cell runs
 * twice: against a server without PIPELINING and against one that advertises it, where MAIL, the RCPTs and DATA
 * go in one flight and the fault lands in the middle of the group.
 */
class FaultMatrixIT {
    static final String USER = "matrix-user";
    static final String PASSWORD = "matrix-secret";
    static final Duration TIMEOUT = Duration.ofMillis(300);
    /**
     * No send may wait for anything but its own timeouts: far below the server's 60 s read timeout and Angus's
     * infinite defaults, far above what a send costs (at most about twice {@link #TIMEOUT}, as each cell prints).
     * Not tighter: with a 1.5 s margin the 12 MB cell took 1,693 of 2,100 ms on a busy machine (issue 19.2 hunt).
     */
    static final Duration SEND_BUDGET = TIMEOUT.multipliedBy(2).plusSeconds(10);
    /** Larger than the client's send buffer and the server's receive window together, so writing it blocks. */
    static final int BLOCKING_MESSAGE_CHARS = 12 * 1024 * 1024;
    static final int LONG_LINE_CHARS = 2 * 1024 * 1024;

    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension(
            SmtpServer.builder().starttls(true).auth(USER, PASSWORD));
    @RegisterExtension
    static SmtpServerExtension pipelining = new SmtpServerExtension(
            SmtpServer.builder().starttls(true).auth(USER, PASSWORD).pipelining(true));

    private static final AtomicInteger cellsRun = new AtomicInteger();
    private static final AtomicInteger faultsInjected = new AtomicInteger();
    private static final AtomicInteger notApplicable = new AtomicInteger();
    private static final AtomicInteger faultsVisible = new AtomicInteger();
    private static final AtomicInteger cellCounter = new AtomicInteger();

    /** Where in the dialogue the fault is injected. */
    enum Point {
        GREETING(Verb.CONNECT, Stage.CONNECT, "220 testkit.local ESMTP"),
        EHLO(Verb.EHLO, Stage.EHLO, "250-testkit.local", "250-STARTTLS", "250-AUTH PLAIN LOGIN", "250 8BITMIME"),
        STARTTLS(Verb.STARTTLS, Stage.STARTTLS, "220 2.0.0 Ready to start TLS"),
        AUTH(Verb.AUTH, Stage.AUTH, "235 2.7.0 Authentication successful"),
        MAIL(Verb.MAIL, Stage.MAIL, "250 2.1.0 Ok"),
        RCPT(Verb.RCPT, Stage.RCPT, "250 2.1.5 Ok"),
        DATA(Verb.DATA, Stage.DATA, "354 End data with <CR><LF>.<CR><LF>"),
        DURING_MESSAGE(Verb.MESSAGE_DATA, Stage.MESSAGE, "552 5.3.4 Message size exceeds fixed limit"),
        END_OF_DATA(Verb.END_OF_DATA, Stage.MESSAGE, "250 2.0.0 Ok: queued as MATRIX1"),
        QUIT(Verb.QUIT, Stage.QUIT, "221 2.0.0 Bye");

        final Verb verb;
        final Stage stage;
        final String[] normalReply;

        Point(Verb verb, Stage stage, String... normalReply) {
            this.verb = verb;
            this.stage = stage;
            this.normalReply = normalReply;
        }

        /** The stages at which a fault here may show: its own, the next command's, the connect that failed. */
        Set<Stage> visibleAt(Fault fault) {
            EnumSet<Stage> stages = EnumSet.of(stage);
            if (ordinal() <= AUTH.ordinal()) stages.add(Stage.CONNECT);
            if (fault == Fault.CLOSE_AFTER_REPLY && this != DURING_MESSAGE) {
                stages.add(ordinal() + 1 < values().length ? values()[ordinal() + 1].stage : stage);
            }
            return stages;
        }

        /** The code the stage's positive reply carries, for the faults that write a reply with odd bytes. */
        String code() {
            return this == DURING_MESSAGE ? "250" : normalReply[0].substring(0, 3);
        }
    }

    /** What the server does wrong. */
    enum Fault {
        CLOSE_BEFORE_REPLY, CLOSE_AFTER_REPLY, SERVICE_UNAVAILABLE, GARBAGE, TRUNCATED, NO_REPLY_TIMEOUT,
        MULTI_MEGABYTE_LINE, BARE_LF_AND_NUL
    }

    record Cell(Point point, int recipientIndex, Fault fault, int recipientCount, boolean pipelined) {
        @Override
        public String toString() {
            String where = point == Point.RCPT ? "RCPT " + (recipientIndex + 1) : point.name();
            return where + " x " + fault + " (" + recipientCount + " recipient" + (recipientCount > 1 ? "s" : "")
                    + (pipelined ? ", pipelined)" : ")");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyStageTimesEveryFault() {
        List<DynamicTest> tests = new ArrayList<>();
        for (boolean pipelined : new boolean[] {false, true}) {
            for (int count : new int[] {1, 5}) {
                cells(count, pipelined, tests);
            }
        }
        return tests.stream();
    }

    private void cells(int count, boolean pipelined, List<DynamicTest> tests) {
        for (Point point : Point.values()) {
            int rows = point == Point.RCPT ? count : 1;
            for (int row = 0; row < rows; row++) {
                for (Fault fault : Fault.values()) {
                    Cell cell = new Cell(point, row, fault, count, pipelined);
                    Optional<String> reason = notApplicable(cell);
                    if (reason.isPresent()) {
                        notApplicable.incrementAndGet();
                        System.out.println("reliability: fault matrix: not applicable: " + cell + ": "
                                + reason.get());
                        continue;
                    }
                    tests.add(DynamicTest.dynamicTest(cell.toString(), () -> run(cell)));
                }
            }
        }
    }

    /** Cells with no fault to inject, each with its reason. */
    static Optional<String> notApplicable(Cell cell) {
        if (cell.point() == Point.QUIT && cell.fault() == Fault.CLOSE_AFTER_REPLY) {
            return Optional.of("closing after the reply to QUIT is how every session ends, not a fault");
        }
        return Optional.empty();
    }

    @AfterAll
    static void printCounts() {
        System.out.println("reliability: fault matrix: " + cellsRun + " cells run, " + faultsInjected
                + " faults injected (" + faultsVisible + " visible in the report, the rest tolerated), "
                + notApplicable + " not applicable");
    }

    private void run(Cell cell) throws Exception {
        SmtpServer server = (cell.pipelined() ? pipelining : smtp).server();
        server.reset();
        Gate injected = new Gate();
        if (cell.fault() != Fault.NO_REPLY_TIMEOUT) injected.release();
        install(cell, server.on(cell.point().verb, pattern(cell)).times(1).after(injected));

        Session session = Session.getInstance(server.clientProperties());
        String subject = "matrix " + cellCounter.incrementAndGet();
        List<String> envelope = Messages.recipients(cell.recipientCount());
        String body = cell.point() == Point.DURING_MESSAGE && cell.fault() == Fault.NO_REPLY_TIMEOUT
                ? "x".repeat(76).concat("\r\n").repeat(BLOCKING_MESSAGE_CHARS / 78) : "matrix body\r\n";
        OutcomeMailerBuilder builder = OutcomeMailer.builder(session).credentials(USER, PASSWORD)
                .connectTimeout(TIMEOUT).readTimeout(TIMEOUT).writeTimeout(TIMEOUT);
        if (cell.point() == Point.QUIT) builder.maxMessagesPerConnection(1);
        OutcomeMailer mailer = builder.build();
        try {
            long start = System.nanoTime();
            DeliveryReport report = timedSend(mailer, Messages.message(session, subject, envelope, body));
            injected.awaitArrival(Duration.ofSeconds(5));
            faultsInjected.incrementAndGet();
            injected.release();
            int sessionsBefore = server.connectionsAccepted();

            checkStages(cell, report, Duration.ofNanos(System.nanoTime() - start));
            if (!report.isFullyAccepted()) faultsVisible.incrementAndGet();

            DeliveryReport after = timedSend(mailer, Messages.message(session, subject + " after",
                    List.of("after@example.test")));
            assertThat(after.isFullyAccepted()).as("the next send on the same mailer: " + after).isTrue();
            mailer.close();
            server.awaitOpenConnections(0, Duration.ofSeconds(5));

            List<ReceivedMessage> received = server.messages();
            List<ReceivedMessage> mine = received.stream().filter(m -> Messages.subject(m).equals(subject)
                    || !m.envelopeRecipients().contains("after@example.test")).toList();
            Invariants.check(report, envelope, mine);
            ReceivedMessage next = received.stream()
                    .filter(m -> m.envelopeRecipients().contains("after@example.test")).findFirst().orElseThrow();
            if (!report.isFullyAccepted()) {
                assertThat(next.session().id()).as("no reuse of the connection that failed")
                        .isGreaterThan(sessionsBefore);
            }
            cellsRun.incrementAndGet();
        } finally {
            injected.release();
            mailer.close();
        }
    }

    private static String pattern(Cell cell) {
        return cell.point() == Point.RCPT ? Messages.recipients(cell.recipientCount()).get(cell.recipientIndex())
                : null;
    }

    private static void install(Cell cell, Rule rule) {
        Point point = cell.point();
        switch (cell.fault()) {
            case CLOSE_BEFORE_REPLY, NO_REPLY_TIMEOUT -> rule.closeBeforeReply();
            case CLOSE_AFTER_REPLY -> rule.replyThenClose(point.normalReply);
            case SERVICE_UNAVAILABLE -> rule.serviceUnavailable();
            case GARBAGE -> rule.garbage();
            case TRUNCATED -> rule.truncated();
            case MULTI_MEGABYTE_LINE -> {
                byte[] line = new byte[LONG_LINE_CHARS + 2];
                Arrays.fill(line, (byte) 'x');
                System.arraycopy((point.code() + " ").getBytes(StandardCharsets.US_ASCII), 0, line, 0, 4);
                line[LONG_LINE_CHARS] = '\r';
                line[LONG_LINE_CHARS + 1] = '\n';
                rule.raw(line);
            }
            case BARE_LF_AND_NUL -> rule.raw((point.code() + "-first line with a NUL \0 here\n" + point.code()
                    + " 2.0.0 last line with a bare LF\n").getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    private static DeliveryReport timedSend(OutcomeMailer mailer, jakarta.mail.internet.MimeMessage message) {
        long start = System.nanoTime();
        DeliveryReport report;
        try {
            report = mailer.send(message);
        } catch (RuntimeException e) {
            throw new AssertionError("send threw: " + e, e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("send took longer than its timeouts allow: " + report).isLessThan(SEND_BUDGET);
        return report;
    }

    private static void checkStages(Cell cell, DeliveryReport report, Duration took) {
        Set<Stage> allowed = cell.point().visibleAt(cell.fault());
        for (RecipientOutcome r : report.recipients()) {
            if (r.disposition() == Disposition.SUCCESS) continue;
            assertThat(r.outcome().stage()).as(cell + ": " + r).isIn(allowed);
        }
        if (cell.point().ordinal() < Point.DATA.ordinal()) {
            assertThat(report.recipients()).as("no maybe before DATA: " + report)
                    .noneMatch(Invariants::maybeDelivered);
        }
        System.out.println("reliability: fault matrix: cell " + cell + " -> " + summary(report) + " in " + took.toMillis() + " ms");
    }

    private static String summary(DeliveryReport report) {
        return report.recipients().stream().map(r -> r.outcome().name() + "@" + r.outcome().stage()
                + (Invariants.maybeDelivered(r) ? "(maybe)" : "")).distinct().toList().toString();
    }
}
