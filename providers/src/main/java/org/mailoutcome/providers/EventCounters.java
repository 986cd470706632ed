package org.mailoutcome.providers;

import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.mailoutcome.tracking.Provider;

/**
 * Counts of what a {@link ProviderEvents} did with the requests it was given, per provider: requests accepted and
 * their events, requests refused (per {@link Refusal}), malformed, too large. Thread-safe and cheap to update;
 * read them into metrics, e.g. a Micrometer {@code FunctionCounter} per value.
 */
public final class EventCounters {
    private final LongAdder[] accepted = adders(Provider.values().length);
    private final LongAdder[] events = adders(Provider.values().length);
    private final LongAdder[] malformed = adders(Provider.values().length);
    private final LongAdder[] tooLarge = adders(Provider.values().length);
    private final LongAdder[] refused = adders(Provider.values().length * Refusal.values().length);

    EventCounters() {
    }

    /**
     * Requests accepted as authentic and read.
     *
     * @param provider the provider
     * @return the count
     */
    public long accepted(Provider provider) {
        return accepted[Objects.requireNonNull(provider, "provider").ordinal()].sum();
    }

    /**
     * Events in the accepted requests.
     *
     * @param provider the provider
     * @return the count
     */
    public long events(Provider provider) {
        return events[Objects.requireNonNull(provider, "provider").ordinal()].sum();
    }

    /**
     * Requests refused for this reason.
     *
     * @param provider the provider
     * @param refusal the reason
     * @return the count
     */
    public long refused(Provider provider, Refusal refusal) {
        return refused[index(provider, Objects.requireNonNull(refusal, "refusal"))].sum();
    }

    /**
     * Requests refused for any reason.
     *
     * @param provider the provider
     * @return the count
     */
    public long refused(Provider provider) {
        long sum = 0;
        for (Refusal r : Refusal.values()) sum += refused(provider, r);
        return sum;
    }

    /**
     * Requests whose body was malformed.
     *
     * @param provider the provider
     * @return the count
     */
    public long malformed(Provider provider) {
        return malformed[Objects.requireNonNull(provider, "provider").ordinal()].sum();
    }

    /**
     * Requests whose body was over the size limit.
     *
     * @param provider the provider
     * @return the count
     */
    public long tooLarge(Provider provider) {
        return tooLarge[Objects.requireNonNull(provider, "provider").ordinal()].sum();
    }

    void record(ParseResult result) {
        int p = result.provider().ordinal();
        if (result instanceof ParseResult.Accepted a) {
            accepted[p].increment();
            events[p].add(a.events().size());
        } else if (result instanceof ParseResult.Refused r) {
            refused[index(result.provider(), r.refusal())].increment();
        } else if (result instanceof ParseResult.Malformed) {
            malformed[p].increment();
        } else {
            tooLarge[p].increment();
        }
    }

    private static int index(Provider provider, Refusal refusal) {
        return Objects.requireNonNull(provider, "provider").ordinal() * Refusal.values().length + refusal.ordinal();
    }

    private static LongAdder[] adders(int n) {
        LongAdder[] a = new LongAdder[n];
        for (int i = 0; i < n; i++) a[i] = new LongAdder();
        return a;
    }
}
