package org.mailoutcome.spring;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code mailoutcome} Actuator endpoint: the suppression list, and what is known of an address. Exposed and
 * secured by Actuator's own rules ({@code management.endpoints.web.exposure.include=mailoutcome};
 * {@code management.endpoint.mailoutcome.access=read-only} keeps the reads only). Over HTTP:
 *
 * <ul>
 * <li>{@code GET /actuator/mailoutcome}: the entries of the suppression list in force, by address;</li>
 * <li>{@code GET /actuator/mailoutcome/{address}}: its suppression, its forward path and its history;</li>
 * <li>{@code POST /actuator/mailoutcome/{address}} with {@code {"note": "..."}}: suppresses it by hand, until
 *     removed;</li>
 * <li>{@code DELETE /actuator/mailoutcome/{address}}: removes it from the list (and forgets its soft bounces).</li>
 * </ul>
 */
@Endpoint(id = "mailoutcome")
public class MailOutcomeEndpoint {
    /** Most entries the list operation returns. */
    static final int MAX_ENTRIES = 10_000;

    private final ConsoleData data;

    MailOutcomeEndpoint(ConsoleData data) {
        this.data = data;
    }

    /**
     * The suppression list.
     *
     * @return {@code suppressions}: the entries in force (address, kind, reason, since, until, cause), by address,
     *     at most 10,000
     */
    @ReadOperation
    public Map<String, Object> suppressions() {
        List<Map<String, Object>> entries = data.suppressions(MAX_ENTRIES);
        return ConsoleViews.map("suppressions", entries, "truncated", entries.size() == MAX_ENTRIES);
    }

    /**
     * What is known of an address.
     *
     * @param address the address
     * @return its {@code suppression} (or null), {@code movedTo} (its forward path, or null) and {@code history}
     *     (oldest first; null without the JDBC store)
     */
    @ReadOperation
    public Map<String, Object> address(@Selector String address) {
        return checked(() -> data.address(address));
    }

    /**
     * Suppresses an address by hand, until removed.
     *
     * @param address the address
     * @param note why, kept as the entry's cause
     * @return the entry
     */
    @WriteOperation
    public Map<String, Object> suppress(@Selector String address, String note) {
        return checked(() -> data.suppress(address, note));
    }

    /**
     * Removes an address from the suppression list.
     *
     * @param address the address
     * @return {@code removed}: whether it had an entry or soft bounces
     */
    @DeleteOperation
    public Map<String, Object> unsuppress(@Selector String address) {
        return checked(() -> ConsoleViews.map("address", address, "removed", data.unsuppress(address)));
    }

    /** An argument that is no address is the caller's error: 400 with the reason, not 500. */
    private static Map<String, Object> checked(Supplier<Map<String, Object>> operation) {
        try {
            return operation.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidEndpointRequestException(e.getMessage(), e.getMessage());
        }
    }
}
