package org.mailoutcome.tracking;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The addresses not to send to, and why. The mailer asks it once per send for the envelope ({@link #check}) and
 * leaves the suppressed recipients out; the mailer and the bounce tracker feed it what they learn
 * ({@link #record}), which its {@link SuppressionPolicy} judges. {@link InMemorySuppressionList} is the in-memory
 * implementation; {@code mail-outcome-jdbc} has a durable one that several application instances share.
 *
 * <h2>For implementers</h2>
 * <ul>
 * <li><b>Addresses</b> are compared by {@link Addresses#key(String)}; every returned entry carries the key.</li>
 * <li><b>{@link #check} is on the sending path</b>: one read for the whole envelope (one database round trip),
 *     no write.</li>
 * <li><b>{@link #record}</b> is written once, here, on three steps an implementation provides: it asks
 *     {@link #policy()}{@code .judge(evidence)} first and touches nothing for an
 *     {@link SuppressionPolicy.Verdict.Ignore} (most sends); a {@code Suppress} goes to {@link #keep}; a
 *     {@code CountSoft} to {@link #count}, then the entry {@link SuppressionPolicy#afterSoftBounces} makes of the
 *     address's soft bounces, if any, to {@link #keep}; a {@code ClearSoft} to {@link #clearSoftBounces}. Each step
 *     is atomic and idempotent: the same evidence recorded twice, even by two processes at once, counts once.</li>
 * <li><b>Entries are kept</b> after they expire, until replaced or removed ({@link #export} shows them);
 *     {@link #check} and {@link #list} return only entries in force.</li>
 * <li><b>Threads:</b> every method may be called from several threads at once. <b>Failures:</b> throw
 *     {@link DeliveryStoreException}; the mailer logs a failed check or record and sends as if there were no
 *     list, the tracker lets it through so the notice is read again.</li>
 * </ul>
 */
public interface SuppressionList {

    /**
     * The policy that judges what {@link #record} is given.
     *
     * @return the policy
     */
    SuppressionPolicy policy();

    /**
     * The entries in force for some addresses, in one read.
     *
     * @param addresses the envelope
     * @param now the time to judge expiry at
     * @return the suppressed ones, by {@link Addresses#key(String)}; the others are absent
     * @throws IllegalArgumentException for an address that is none
     * @throws DeliveryStoreException when the store fails
     */
    Map<String, Suppression> check(Collection<String> addresses, Instant now);

    /**
     * The entry of an address, in force or expired.
     *
     * @param address the address
     * @return its entry, or empty
     * @throws DeliveryStoreException when the store fails
     */
    Optional<Suppression> find(String address);

    /**
     * Judges evidence about an address with the {@link #policy()} and stores what it decides.
     *
     * @param address the address the evidence is about
     * @param evidence what was learnt
     * @param now the time of recording
     * @return what changed
     * @throws DeliveryStoreException when the store fails
     */
    default SuppressionChange record(String address, Evidence evidence, Instant now) {
        SuppressionPolicy policy = policy();
        SuppressionPolicy.Verdict verdict = policy.judge(evidence);
        if (verdict instanceof SuppressionPolicy.Verdict.Ignore ignore) return new SuppressionChange.Ignored(ignore.why());
        if (verdict instanceof SuppressionPolicy.Verdict.Suppress suppress) {
            return keep(policy.entry(address, suppress, evidence, now), now);
        }
        if (verdict instanceof SuppressionPolicy.Verdict.CountSoft soft) {
            List<SoftBounce> bounces = count(policy.softBounce(address, soft, evidence, now));
            Optional<Suppression> entry = policy.afterSoftBounces(address, bounces, now);
            return entry.isPresent() ? keep(entry.get(), now) : new SuppressionChange.Counted(bounces);
        }
        return clearSoftBounces(address);
    }

    /**
     * A step of {@link #record}: stores the entry unless the address has one that {@link #policy()} keeps
     * ({@link SuppressionPolicy#replaces}), atomically (a row lock, or a compare-and-set retried).
     *
     * @param proposed the entry the evidence makes
     * @param now the time of the decision
     * @return {@link SuppressionChange.Suppressed} when stored, {@link SuppressionChange.AlreadySuppressed} with
     *     the entry kept otherwise
     * @throws DeliveryStoreException when the store fails
     */
    SuppressionChange keep(Suppression proposed, Instant now);

    /**
     * A step of {@link #record}: stores a soft bounce once per (address, {@link Evidence#key()}) and returns
     * every soft bounce of its address, read after the new one is committed (so that of two processes counting
     * two bounces at once, the later reader sees both).
     *
     * @param bounce the soft bounce
     * @return the address's soft bounces, oldest first
     * @throws DeliveryStoreException when the store fails
     */
    List<SoftBounce> count(SoftBounce bounce);

    /**
     * A step of {@link #record}: forgets an address's soft bounces and an entry of kind
     * {@link org.mailoutcome.SuppressionKind#SOFT_BOUNCES}; writes nothing when there is neither.
     *
     * @param address the address
     * @return what was forgotten
     * @throws DeliveryStoreException when the store fails
     */
    SuppressionChange.Cleared clearSoftBounces(String address);

    /**
     * Stores an entry as it is, replacing any entry of its address (an operator's add, an import).
     *
     * @param entry the entry
     * @throws DeliveryStoreException when the store fails
     */
    void put(Suppression entry);

    /**
     * Removes an address's entry and forgets its soft bounces (an operator reactivates it).
     *
     * @param address the address
     * @return true when there was an entry or a soft bounce to remove
     * @throws DeliveryStoreException when the store fails
     */
    boolean remove(String address);

    /**
     * The entries in force, in address order, a page at a time.
     *
     * @param now the time to judge expiry at
     * @param after the last address of the previous page, or empty for the first page
     * @param limit the most to return, at least 1
     * @return up to {@code limit} entries
     * @throws IllegalArgumentException when {@code limit < 1}
     * @throws DeliveryStoreException when the store fails
     */
    List<Suppression> list(Instant now, Optional<String> after, int limit);

    /**
     * Every entry, in force or expired, in address order (for a backup, or an import elsewhere).
     *
     * @param each called once per entry, on this thread
     * @throws DeliveryStoreException when the store fails
     */
    void export(Consumer<Suppression> each);

    /**
     * The soft bounces counted for an address and not cleared, oldest first.
     *
     * @param address the address
     * @return its soft bounces
     * @throws DeliveryStoreException when the store fails
     */
    List<SoftBounce> softBounces(String address);
}
