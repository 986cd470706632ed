package org.mailoutcome.jdbc;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.mailoutcome.jdbc.internal.Calls;
import org.mailoutcome.jdbc.internal.Schema;
import org.mailoutcome.jdbc.internal.SuppressionRows;
import org.mailoutcome.jdbc.internal.Transactions;
import org.mailoutcome.tracking.Addresses;
import org.mailoutcome.tracking.DeliveryStoreException;
import org.mailoutcome.tracking.SoftBounce;
import org.mailoutcome.tracking.Suppression;
import org.mailoutcome.tracking.SuppressionChange;
import org.mailoutcome.tracking.SuppressionList;
import org.mailoutcome.tracking.SuppressionPolicy;

/**
 * The suppression list in the same database as the delivery records and the retries
 * ({@code mail_outcome_suppressions}, {@code _soft_bounces}, {@code _suppression_log}), shared by every
 * application instance on it: an address one instance suppresses is left out by the next send of any other.
 *
 * <pre>{@code
 * JdbcSuppressionList list = JdbcSuppressionList.create(dataSource);          // or builder(ds).policy(p).build()
 * OutcomeMailer mailer = OutcomeMailer.builder(session).suppressions(list).build();
 * DeliveryTracker tracker = DeliveryTracker.builder(tracking).suppressions(list).build();
 * }</pre>
 *
 * <p>{@link #check} is one {@code SELECT} for the whole envelope (in chunks of 1,000 addresses). An entry
 * is replaced under a row lock ({@code SELECT ... FOR UPDATE}); a soft bounce is inserted under its evidence's key
 * (a second insert of the same notice is a no-op) and the count read after it is committed. Every change of an
 * entry is logged in {@code mail_outcome_suppression_log} for the address's history. Instants are kept to the
 * microsecond. Every database failure is a {@link DeliveryStoreException}. Thread-safe.
 */
public final class JdbcSuppressionList implements SuppressionList {
    private final DataSource dataSource;
    private final SuppressionPolicy policy;
    private final Clock clock;

    private JdbcSuppressionList(Builder b) {
        this.dataSource = b.dataSource;
        this.policy = b.policy;
        this.clock = b.clock;
    }

    /**
     * A list on the database with {@link SuppressionPolicy#defaults()}; applies the schema migrations it lacks.
     *
     * @param dataSource the database (H2 or PostgreSQL)
     * @return the list
     * @throws DeliveryStoreException when the database cannot be reached or migrated
     */
    public static JdbcSuppressionList create(DataSource dataSource) {
        return builder(dataSource).build();
    }

    /**
     * A builder for a list on the database.
     *
     * @param dataSource the database
     * @return the builder
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    @Override
    public SuppressionPolicy policy() {
        return policy;
    }

    @Override
    public Map<String, Suppression> check(Collection<String> addresses, Instant now) {
        Objects.requireNonNull(now, "now");
        Set<String> keys = new LinkedHashSet<>();
        for (String address : addresses) keys.add(Addresses.key(address));
        Map<String, Suppression> found = new LinkedHashMap<>();
        for (Suppression s : Calls.readKeys(dataSource, "check the suppression list", keys,
                (c, chunk) -> SuppressionRows.active(c, chunk, now))) {
            found.put(s.address(), s);
        }
        return found;
    }

    @Override
    public Optional<Suppression> find(String address) {
        String key = Addresses.key(address);
        return read("find " + key, c -> SuppressionRows.find(c, key, false));
    }

    @Override
    public SuppressionChange keep(Suppression proposed, Instant now) {
        Objects.requireNonNull(proposed, "proposed");
        return Calls.writeOrRetry(dataSource, "suppress " + proposed.address(), c -> {
            Optional<Suppression> current = SuppressionRows.find(c, proposed.address(), true);
            if (!policy.replaces(current, proposed, now)) return new SuppressionChange.AlreadySuppressed(current.get());
            SuppressionRows.store(c, proposed, current.isPresent(), clock.instant());
            return new SuppressionChange.Suppressed(proposed);
        });
    }

    @Override
    public List<SoftBounce> count(SoftBounce bounce) {
        Objects.requireNonNull(bounce, "bounce");
        return Calls.read(dataSource, "count a soft bounce of " + bounce.address(), c -> {
            c.setAutoCommit(true);
            SuppressionRows.insertSoftBounce(c, bounce);
            SuppressionRows.forgetSoftBounces(c, bounce.address(), bounce.at().minus(policy.softBounceWindow()));
            return SuppressionRows.softBounces(c, bounce.address());
        });
    }

    @Override
    public SuppressionChange.Cleared clearSoftBounces(String address) {
        String key = Addresses.key(address);
        return Calls.write(dataSource, "clear the soft bounces of " + key, c -> {
            int forgotten = SuppressionRows.deleteSoftBounces(c, key);
            boolean lifted = SuppressionRows.deleteEntry(c, key, true);
            if (lifted) SuppressionRows.log(c, key, SuppressionRows.Event.CLEARED, Optional.empty(), clock.instant());
            return new SuppressionChange.Cleared(forgotten, lifted);
        });
    }

    @Override
    public void put(Suppression entry) {
        Objects.requireNonNull(entry, "entry");
        Calls.write(dataSource, "put " + entry.address() + " on the suppression list", c -> {
            boolean exists = SuppressionRows.find(c, entry.address(), true).isPresent();
            SuppressionRows.store(c, entry, exists, clock.instant());
            return null;
        });
    }

    @Override
    public boolean remove(String address) {
        String key = Addresses.key(address);
        return Calls.write(dataSource, "remove " + key + " from the suppression list", c -> {
            boolean entry = SuppressionRows.deleteEntry(c, key, false);
            int soft = SuppressionRows.deleteSoftBounces(c, key);
            if (entry) SuppressionRows.log(c, key, SuppressionRows.Event.REMOVED, Optional.empty(), clock.instant());
            return entry || soft > 0;
        });
    }

    @Override
    public List<Suppression> list(Instant now, Optional<String> after, int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be >= 1: " + limit);
        Optional<String> from = after.map(Addresses::key);
        return read("list", c -> SuppressionRows.page(c, now, from, limit));
    }

    @Override
    public void export(Consumer<Suppression> each) {
        Objects.requireNonNull(each, "each");
        read("export", c -> {
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try {
                SuppressionRows.each(c, each);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
            return null;
        });
    }

    @Override
    public List<SoftBounce> softBounces(String address) {
        String key = Addresses.key(address);
        return read("read the soft bounces of " + key, c -> SuppressionRows.softBounces(c, key));
    }

    private <T> T read(String what, Transactions.Work<T> work) {
        return Calls.read(dataSource, what + " (suppression list)", work);
    }

    /** Options of a {@link JdbcSuppressionList}. */
    public static final class Builder {
        private final DataSource dataSource;
        private SuppressionPolicy policy = SuppressionPolicy.defaults();
        private Clock clock = Clock.systemUTC();

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /**
         * The policy that judges the evidence; default {@link SuppressionPolicy#defaults()}. Every instance sharing
         * the database should use the same.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder policy(SuppressionPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * The clock of the log's times; default UTC system clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Migrates the schema and builds the list.
         *
         * @return the list
         * @throws DeliveryStoreException when the database cannot be reached or migrated
         */
        public JdbcSuppressionList build() {
            Schema.migrateOrFail(dataSource);
            return new JdbcSuppressionList(this);
        }
    }
}
