package org.mailoutcome.jdbc;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.mailoutcome.jdbc.internal.Ledger;
import org.mailoutcome.jdbc.internal.RetryRound;
import org.mailoutcome.jdbc.internal.TaskCodec;
import org.mailoutcome.jdbc.internal.TaskData;
import org.mailoutcome.tracking.AddressBook;
import org.mailoutcome.tracking.SuppressionList;

/**
 * A running worker: a db-scheduler in cluster mode on the module's own table ({@code mail_outcome_tasks}), which
 * claims due retry rounds with row locks and runs them. Any number of workers, in any number of processes, may
 * share a database: each round runs on one of them at a time, and the ledger keeps a recipient from getting a
 * send twice even when a round runs again after a crash.
 */
public final class RetryWorker implements AutoCloseable {
    /** Worker settings from the {@link JdbcRetries.Builder}. */
    record Settings(Duration pollingInterval, Duration heartbeat, int threads, Duration failureDelay,
            Optional<SuppressionList> suppressions, Optional<AddressBook> addressBook) {
    }

    private final Scheduler scheduler;
    private final DataSource dataSource;

    private RetryWorker(Scheduler scheduler, DataSource dataSource) {
        this.scheduler = scheduler;
        this.dataSource = dataSource;
    }

    static RetryWorker start(DataSource dataSource, MailerSource mailers, Clock clock, Settings settings) {
        RetryRound round = new RetryRound(dataSource, mailers, clock, settings.suppressions(),
                settings.addressBook());
        OneTimeTask<TaskData> task = Tasks.oneTime(Ledger.TASK, TaskData.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(settings.failureDelay()))
                .execute((instance, context) -> {
                    try {
                        round.run(instance.getData());
                    } catch (SQLException e) {
                        throw new IllegalStateException("retry round " + instance.getId() + " failed: " + e, e);
                    }
                });
        Scheduler scheduler = Scheduler.create(dataSource, task).tableName(Ledger.TASKS_TABLE)
                .serializer(new TaskCodec()).threads(settings.threads()).pollingInterval(settings.pollingInterval())
                .heartbeatInterval(settings.heartbeat()).missedHeartbeatsLimit(4).enableImmediateExecution()
                .alwaysPersistTimestampInUTC().shutdownMaxWait(Duration.ofSeconds(30)).build();
        scheduler.start();
        return new RetryWorker(scheduler, dataSource);
    }

    /**
     * Rounds not yet run (due or not), on every worker of the database.
     *
     * @return the number of scheduled retry rounds
     * @throws SQLException when the database cannot be read
     */
    public int scheduledRounds() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + Ledger.TASKS_TABLE
                        + " WHERE task_name = ?")) {
            ps.setString(1, Ledger.TASK);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Asks the worker to look for due rounds now rather than at its next poll. */
    public void checkNow() {
        scheduler.triggerCheckForDueExecutions();
    }

    /** Stops claiming rounds and waits for the running ones to finish (at most 30 s). */
    @Override
    public void close() {
        scheduler.stop();
    }
}
