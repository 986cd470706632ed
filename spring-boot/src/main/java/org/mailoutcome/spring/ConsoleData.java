package org.mailoutcome.spring;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mailoutcome.tracking.AddressBook;
import org.mailoutcome.tracking.AddressHistory;
import org.mailoutcome.tracking.Addresses;
import org.mailoutcome.tracking.DeliveryStore;
import org.mailoutcome.tracking.Suppression;
import org.mailoutcome.tracking.SuppressionList;

/**
 * What the console and the {@code mailoutcome} endpoint read and change, as views ({@link ConsoleViews}): the
 * beans that are there (tracking's store, the suppression list, the address book, the JDBC history, the durable
 * retries); what is missing reads as empty, and {@link #overview} says which are there.
 */
final class ConsoleData {
    /** Entries read per page of the suppression list. */
    private static final int PAGE = 500;

    private final Optional<DeliveryStore> store;
    private final Optional<SuppressionList> suppressions;
    private final Optional<AddressBook> addressBook;
    private final Optional<AddressHistory> history;
    private final Optional<PendingRetries> retries;
    private final Clock clock;

    ConsoleData(Optional<DeliveryStore> store, Optional<SuppressionList> suppressions, Optional<AddressBook> addressBook,
            Optional<AddressHistory> history, Optional<PendingRetries> retries, Clock clock) {
        this.store = store;
        this.suppressions = suppressions;
        this.addressBook = addressBook;
        this.history = history;
        this.retries = retries;
        this.clock = clock;
    }

    /** The durable retries not yet done, as views; a functional interface so this class needs no JDBC type. */
    @FunctionalInterface
    interface PendingRetries {
        List<Map<String, Object>> list() throws Exception;
    }

    Map<String, Object> overview(boolean readOnly) {
        return ConsoleViews.map("readOnly", readOnly, "sends", store.isPresent(), "suppressions",
                suppressions.isPresent(), "addressBook", addressBook.isPresent(), "history", history.isPresent(),
                "retries", retries.isPresent());
    }

    /** The address's suppression, forward path and history; throws IllegalArgumentException for no address. */
    Map<String, Object> address(String address) {
        String key = Addresses.key(address);
        return ConsoleViews.address(key, suppressions.flatMap(list -> list.find(key)),
                addressBook.flatMap(book -> book.find(key)), history.map(h -> h.of(key)));
    }

    List<Map<String, Object>> suppressions(int max) {
        if (suppressions.isEmpty()) return List.of();
        Instant now = clock.instant();
        List<Map<String, Object>> out = new ArrayList<>();
        Optional<String> after = Optional.empty();
        while (out.size() < max) {
            int want = Math.min(PAGE, max - out.size());
            List<Suppression> page = suppressions.get().list(now, after, want);
            page.forEach(s -> out.add(ConsoleViews.suppression(s)));
            if (page.size() < want) break;
            after = Optional.of(page.get(page.size() - 1).address());
        }
        return out;
    }

    /** Suppresses an address by hand, until removed; throws IllegalStateException without a list. */
    Map<String, Object> suppress(String address, String note) {
        SuppressionList list = suppressions.orElseThrow(() -> new IllegalStateException("no suppression list"));
        Suppression entry = Suppression.manual(address, note, clock.instant(), Optional.empty());
        list.put(entry);
        return ConsoleViews.suppression(entry);
    }

    /** Lifts an address's suppression; true when there was one. */
    boolean unsuppress(String address) {
        String key = Addresses.key(address);
        return suppressions.map(list -> list.remove(key)).orElse(false);
    }

    List<Map<String, Object>> sends(int limit) {
        return store.map(s -> s.recent(limit).stream().map(ConsoleViews::send).toList()).orElse(List.of());
    }

    Map<String, Object> chart(int days, int sends) {
        return ConsoleChart.of(store.map(s -> s.recent(sends)).orElse(List.of()), clock.instant(), days);
    }

    List<Map<String, Object>> retries() throws Exception {
        return retries.isPresent() ? retries.get().list() : List.of();
    }
}
