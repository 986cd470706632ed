package org.mailoutcome.jdbc.internal;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Disposition;
import org.mailoutcome.RetryDecision;
import org.mailoutcome.Stage;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.RecipientOutcome;
import org.mailoutcome.jakarta.retry.Resender;
import org.mailoutcome.jakarta.retry.TransactionHooks;
import org.mailoutcome.jdbc.LedgerEntry;
import org.mailoutcome.jdbc.LedgerState;
import org.mailoutcome.jdbc.MailerSource;

/**
 * One retry round, safe to run again after a crash at any point: recipients already DONE are skipped, one left
 * IN_FLIGHT (the end of data never written) is sent again, one left at DATA_SENT is "maybe delivered" and sent
 * again only when the policy retries maybe-delivered outcomes. Results and the next round's task are committed
 * in one transaction.
 */
public final class RetryRound {
    private final DataSource dataSource;
    private final MailerSource mailers;
    private final Clock clock;

    /** A round on the database, sending through the mailers. */
    public RetryRound(DataSource dataSource, MailerSource mailers, Clock clock) {
        this.dataSource = dataSource;
        this.mailers = mailers;
        this.clock = clock;
    }

    /** A recipient for the next round, with when it is due. */
    private record Next(TaskData.Recipient recipient, Instant due) {
    }

    /** Runs the round. */
    public void run(TaskData data) throws SQLException {
        List<TaskData.Recipient> toSend = new ArrayList<>();
        List<Next> next = new ArrayList<>();
        Transactions.inTransaction(dataSource, c -> {
            for (TaskData.Recipient r : data.recipients()) sort(c, data, r, toSend, next);
            if (toSend.isEmpty()) scheduleNext(c, data, next);
            return null;
        });
        if (!toSend.isEmpty()) send(data, toSend, next);
    }

    private void sort(Connection c, TaskData data, TaskData.Recipient r, List<TaskData.Recipient> toSend,
            List<Next> next) throws SQLException {
        Instant now = clock.instant();
        Optional<LedgerEntry> found = Ledger.row(c, data.sendId(), r.address());
        if (found.isEmpty()) {
            Ledger.insert(c, data.sendId(), r.address(), r.target(), r.attempt(), Optional.empty(),
                    data.message().messageId(), now, now);
            found = Ledger.row(c, data.sendId(), r.address());
        }
        LedgerEntry row = found.orElseThrow();
        if (row.attempt() > r.attempt()) {
            if (row.state() == LedgerState.PENDING) {
                next.add(new Next(new TaskData.Recipient(r.address(), r.target(), row.attempt()),
                        row.due().orElse(now)));
            }
            return;
        }
        if (row.attempt() < r.attempt() || row.state() == LedgerState.DONE) return;
        switch (row.state()) {
            case PENDING -> {
                if (Ledger.move(c, data.sendId(), r.address(), r.attempt(), LedgerState.PENDING,
                        LedgerState.IN_FLIGHT, now)) {
                    toSend.add(r);
                }
            }
            case IN_FLIGHT -> toSend.add(r);
            case DATA_SENT -> decide(c, data, r, new DeliveryOutcome.ConnectionLost(Stage.MESSAGE, true,
                    "the worker stopped after the end of data, before the reply was recorded"), next);
            case DONE -> {
            }
        }
    }

    private void send(TaskData data, List<TaskData.Recipient> toSend, List<Next> next) {
        List<InternetAddress> targets = toSend.stream().map(r -> address(r.target())).toList();
        Resender.of(mailers.mailerFor(data.server())).resend(data.message(), targets, new TransactionHooks() {
            @Override
            public void beforeEndOfData() throws SQLException {
                Transactions.inTransaction(dataSource, c -> {
                    for (TaskData.Recipient r : toSend) {
                        Ledger.move(c, data.sendId(), r.address(), r.attempt(), LedgerState.IN_FLIGHT,
                                LedgerState.DATA_SENT, clock.instant());
                    }
                    return null;
                });
            }

            @Override
            public void afterReplies(DeliveryReport report) throws SQLException {
                Map<String, DeliveryOutcome> outcomes = new HashMap<>();
                for (RecipientOutcome o : report.recipients()) outcomes.put(key(o.address().getAddress()), o.outcome());
                Transactions.inTransaction(dataSource, c -> {
                    for (TaskData.Recipient r : toSend) {
                        decide(c, data, r, outcomes.getOrDefault(key(r.target()), new DeliveryOutcome.ConnectionLost(
                                Stage.CONNECT, false, "the transaction reported no outcome for " + r.target())), next);
                    }
                    scheduleNext(c, data, next);
                    return null;
                });
            }
        });
    }

    /** Records an outcome: DONE, or PENDING for the next attempt when the policy retries it. */
    private void decide(Connection c, TaskData data, TaskData.Recipient r, DeliveryOutcome outcome, List<Next> next)
            throws SQLException {
        Instant now = clock.instant();
        String line = DeliveryReport.describe(outcome);
        String disposition = outcome.disposition().name();
        if (outcome.disposition() == Disposition.TRANSIENT
                && data.policy().decide(outcome, r.attempt()) instanceof RetryDecision.Retry again) {
            Instant due = now.plus(again.delay());
            Ledger.result(c, data.sendId(), r.address(), LedgerState.PENDING, r.attempt() + 1, line, disposition,
                    Optional.of(due), now);
            next.add(new Next(new TaskData.Recipient(r.address(), r.target(), r.attempt() + 1), due));
        } else {
            Ledger.result(c, data.sendId(), r.address(), LedgerState.DONE, r.attempt(), line, disposition,
                    Optional.empty(), now);
        }
    }

    private static void scheduleNext(Connection c, TaskData data, List<Next> next) throws SQLException {
        if (next.isEmpty() || Ledger.taskExists(c, data.sendId(), data.round() + 1)) return;
        Instant due = next.stream().map(Next::due).max(Instant::compareTo).orElseThrow();
        TaskData round = new TaskData(data.sendId(), data.round() + 1, data.server(), data.message(), data.policy(),
                next.stream().map(Next::recipient).toList());
        Ledger.insertTask(c, round, due);
    }

    private static String key(String address) {
        return address.toLowerCase(Locale.ROOT);
    }

    private static InternetAddress address(String address) {
        try {
            return new InternetAddress(address, false);
        } catch (AddressException e) {
            throw new IllegalStateException("stored address does not parse: " + address, e);
        }
    }
}
