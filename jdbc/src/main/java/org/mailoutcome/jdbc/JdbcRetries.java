package org.mailoutcome.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.retry.DeferredSend;
import org.mailoutcome.jakarta.retry.PendingRecipient;
import org.mailoutcome.jakarta.retry.RetryHandOff;
import org.mailoutcome.jakarta.retry.ScheduledRetry;
import org.mailoutcome.jdbc.internal.Ledger;
import org.mailoutcome.jdbc.internal.Schema;
import org.mailoutcome.jdbc.internal.TaskData;
import org.mailoutcome.jdbc.internal.Transactions;
import org.mailoutcome.jdbc.internal.UrlDataSource;
import org.mailoutcome.tracking.AddressBook;
import org.mailoutcome.tracking.SuppressionList;

/**
 * Durable retries on a JDBC database: the {@link RetryHandOff} a mailer gives its deferred recipients to, and
 * the workers that retry them, on any number of application instances sharing the database.
 *
 * <pre>{@code
 * JdbcRetries retries = JdbcRetries.create(JdbcRetries.h2(Path.of("data/mail-outcome")));
 * OutcomeMailer mailer = OutcomeMailer.builder(session).retryPolicy(RetryPolicy.greylisting())
 *         .retryHandOff(retries).build();
 * RetryWorker worker = retries.startWorker(server -> mailer);
 * }</pre>
 *
 * <p>{@link #create} and {@link Builder#build()} apply the schema migrations the database lacks (see
 * {@link #migrate}). A hand-off writes one ledger row per deferred recipient and the first retry round's task
 * in one transaction. Thread-safe.
 */
public final class JdbcRetries implements RetryHandOff {
    private final DataSource dataSource;
    private final Clock clock;
    private final RetryWorker.Settings settings;

    private JdbcRetries(Builder b) {
        this.dataSource = b.dataSource;
        this.clock = b.clock;
        this.settings = new RetryWorker.Settings(b.pollingInterval, b.heartbeat, b.threads, b.failureDelay,
                b.suppressions, b.addressBook);
    }

    /**
     * Retries on the database with default settings; migrates its schema first.
     *
     * @param dataSource the database (a pooled one in production)
     * @return the retries
     * @throws IllegalStateException when the database cannot be reached or migrated
     */
    public static JdbcRetries create(DataSource dataSource) {
        return builder(dataSource).build();
    }

    /**
     * A builder for retries on the database.
     *
     * @param dataSource the database
     * @return the builder
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * Applies the schema migrations ({@code V1__retries.sql}, ...) the database lacks, each in a transaction
     * recorded in {@code mail_outcome_schema_version}. {@link #create} calls it; call it yourself to migrate at
     * deploy time.
     *
     * @param dataSource the database (H2 or PostgreSQL)
     * @return the schema version after migrating
     * @throws SQLException when a migration fails (it is rolled back)
     */
    public static int migrate(DataSource dataSource) throws SQLException {
        return Schema.migrate(dataSource);
    }

    /**
     * The embedded default: an H2 database in a file (created when missing), with a small connection pool, and
     * {@code WRITE_DELAY=0} so that a commit survives kill -9 of the process.
     *
     * @param file the database file without H2's {@code .mv.db} suffix, e.g. {@code data/mail-outcome}
     * @return the data source
     */
    public static DataSource h2(Path file) {
        return dataSource("jdbc:h2:file:" + file.toAbsolutePath());
    }

    /**
     * A data source for a JDBC URL ({@code jdbc:h2:...}, {@code jdbc:postgresql://...?user=...}), a new connection
     * each time (H2: a small pool, and {@code WRITE_DELAY=0} unless the URL sets it, so a commit survives kill -9),
     * for tools; applications pass their own pooled data source.
     *
     * @param url the JDBC URL; credentials as the driver reads them from it
     * @return the data source
     */
    public static DataSource dataSource(String url) {
        Objects.requireNonNull(url, "url");
        if (url.startsWith("jdbc:h2:")) return JdbcConnectionPool.create(durableH2(url), "", "");
        return new UrlDataSource(url);
    }

    /** H2 flushes commits after WRITE_DELAY (500 ms): a process killed sooner would lose them. */
    private static String durableH2(String url) {
        return url.toUpperCase(java.util.Locale.ROOT).contains(";WRITE_DELAY=") ? url : url + ";WRITE_DELAY=0";
    }

    /**
     * Stores the deferred recipients and the first retry round, in one transaction.
     *
     * @param send the deferred send
     * @return scheduled, with the send's id
     * @throws SQLException when the database cannot take it (the mailer reports the send as not scheduled)
     */
    @Override
    public ScheduledRetry handOff(DeferredSend send) throws SQLException {
        String sendId = send.sendId().orElseGet(() -> UUID.randomUUID().toString());
        Instant now = clock.instant();
        Instant due = send.due().truncatedTo(ChronoUnit.MICROS);
        List<TaskData.Recipient> recipients = send.pending().stream().map(p -> new TaskData.Recipient(
                p.address().getAddress(), p.target().getAddress(), p.attempts() + 1)).toList();
        TaskData first = new TaskData(sendId, 1, send.server(), send.message(), send.policy(), recipients);
        Transactions.inTransaction(dataSource, c -> {
            for (PendingRecipient p : send.pending()) {
                Ledger.insert(c, sendId, p.address().getAddress(), p.target().getAddress(), p.attempts() + 1,
                        Optional.of(DeliveryReport.describe(p.latest())), send.message().messageId(), due, now);
            }
            Ledger.insertTask(c, first, due);
            return null;
        });
        return new ScheduledRetry.Scheduled(due, sendId);
    }

    /**
     * Starts a worker: a db-scheduler on the database that runs the retry rounds when they are due.
     *
     * @param mailers the mailer for each send's server
     * @return the running worker; close it to stop
     */
    public RetryWorker startWorker(MailerSource mailers) {
        return RetryWorker.start(dataSource, Objects.requireNonNull(mailers, "mailers"), clock, settings);
    }

    /**
     * What is not finished: every ledger row not DONE, by due time.
     *
     * @return the rows
     * @throws SQLException when the database cannot be read
     */
    public List<LedgerEntry> pending() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return Ledger.unfinished(c);
        }
    }

    /**
     * The ledger rows of one send.
     *
     * @param sendId the id from {@link ScheduledRetry.Scheduled#id()}
     * @return its rows, by recipient
     * @throws SQLException when the database cannot be read
     */
    public List<LedgerEntry> ledger(String sendId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return Ledger.rows(c, Objects.requireNonNull(sendId, "sendId"));
        }
    }

    /** Options of {@link JdbcRetries}. */
    public static final class Builder {
        private final DataSource dataSource;
        private Clock clock = Clock.systemUTC();
        private Duration pollingInterval = Duration.ofSeconds(10);
        private Duration heartbeat = Duration.ofMinutes(1);
        private int threads = 4;
        private Duration failureDelay = Duration.ofMinutes(1);
        private Optional<SuppressionList> suppressions = Optional.empty();
        private Optional<AddressBook> addressBook = Optional.empty();

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /**
         * How often a worker looks for due rounds; default 10 s.
         *
         * @param interval a positive duration
         * @return this builder
         */
        public Builder pollingInterval(Duration interval) {
            this.pollingInterval = positive("pollingInterval", interval);
            return this;
        }

        /**
         * How often a worker says it is alive while it runs a round; a round whose worker missed 4 heartbeats is
         * taken over by another (a crash). Default 1 minute.
         *
         * @param interval a positive duration
         * @return this builder
         */
        public Builder heartbeat(Duration interval) {
            this.heartbeat = positive("heartbeat", interval);
            return this;
        }

        /**
         * Rounds a worker runs at once; default 4.
         *
         * @param threads at least 1
         * @return this builder
         */
        public Builder threads(int threads) {
            if (threads < 1) throw new IllegalArgumentException("threads must be >= 1: " + threads);
            this.threads = threads;
            return this;
        }

        /**
         * How long a round that failed (the database went away) waits before it runs again; default 1 minute.
         *
         * @param delay a positive duration
         * @return this builder
         */
        public Builder failureDelay(Duration delay) {
            this.failureDelay = positive("failureDelay", delay);
            return this;
        }

        /**
         * The suppression list the workers consult before each round (a recipient suppressed since its last
         * attempt is not sent again: its ledger row is DONE with a {@code Suppressed} outcome) and feed each
         * round's outcomes to, as the mailer does. Default: none.
         *
         * @param list the list, e.g. a {@link JdbcSuppressionList} on the same database
         * @return this builder
         */
        public Builder suppressions(SuppressionList list) {
            this.suppressions = Optional.of(Objects.requireNonNull(list, "list"));
            return this;
        }

        /**
         * The address book the workers teach the forward paths a round meets (251, 551). Default: none.
         *
         * @param book the book, e.g. a {@link JdbcAddressBook} on the same database
         * @return this builder
         */
        public Builder addressBook(AddressBook book) {
            this.addressBook = Optional.of(Objects.requireNonNull(book, "book"));
            return this;
        }

        /**
         * The clock of due times; default UTC system clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Migrates the schema and builds the retries.
         *
         * @return the retries
         * @throws IllegalStateException when the database cannot be reached or migrated
         */
        public JdbcRetries build() {
            try {
                Schema.migrate(dataSource);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot migrate the mail-outcome schema: " + e.getMessage(), e);
            }
            return new JdbcRetries(this);
        }

        private static Duration positive(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive: " + d);
            return d;
        }
    }
}
