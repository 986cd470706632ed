package org.mailoutcome.providers.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.mailoutcome.providers.Refusal;

/**
 * Refuses a signed request whose time is outside the window, or whose token was already accepted. Tokens are
 * remembered (as 64-bit digests) for the window, at most {@code capacity} of them: when full, the oldest is
 * forgotten and every request signed at or before its time is refused as stale from then on, so a forgotten token
 * can never be replayed. Memory grows with the tokens remembered, 56 to 112 bytes each in arrays (no object per
 * token); thread-safe.
 */
public final class ReplayGuard {
    private final long windowSeconds;
    private final int capacity;
    private long[] ringKeys = new long[16];
    private long[] ringTimes = new long[16];
    private long[] ringSeqs = new long[16];
    private final LongTable live = new LongTable();
    private int tail;
    private int size;
    private long nextSeq;
    private long floor = Long.MIN_VALUE;

    /** @param window how far a signed time may be from now @param capacity the most tokens remembered */
    public ReplayGuard(Duration window, int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
        this.windowSeconds = window.toSeconds();
        this.capacity = capacity;
    }

    /** Checks the time and the token, and remembers the token when both pass. */
    public synchronized Verdict admit(String token, Instant signedAt, Instant now) {
        Optional<Verdict> stale = outsideWindow(signedAt, now);
        if (stale.isPresent()) return stale.get();
        long signed = signedAt.getEpochSecond();
        if (signed <= floor) {
            return Verdict.fail(Refusal.STALE, "signed before the oldest request the replay guard still remembers");
        }
        expire(now.getEpochSecond() - windowSeconds);
        long key = key(token);
        if (live.contains(key)) return Verdict.fail(Refusal.REPLAYED, "this signed request was already accepted");
        if (size == capacity) {
            floor = Math.max(floor, ringTimes[tail]);
            drop();
        }
        if (size == ringKeys.length) growRing();
        int slot = (tail + size) % ringKeys.length;
        ringKeys[slot] = key;
        ringTimes[slot] = signed;
        ringSeqs[slot] = nextSeq;
        live.put(key, nextSeq++);
        size++;
        return new Verdict.Pass(Optional.of(token));
    }

    /** Forgets an accepted token, so that the provider's retry of that request is accepted. */
    public synchronized void forget(String token) {
        live.remove(key(token), 0, false);
    }

    /** How many tokens are remembered. */
    public synchronized int size() {
        return live.size();
    }

    private void expire(long oldest) {
        while (size > 0 && ringTimes[tail] < oldest) drop();
    }

    private void drop() {
        live.remove(ringKeys[tail], ringSeqs[tail], true);
        tail = (tail + 1) % ringKeys.length;
        size--;
    }

    /** Doubles the ring (up to the capacity), its entries unrolled from the tail. */
    private void growRing() {
        int length = (int) Math.min(capacity, 2L * ringKeys.length);
        ringKeys = unrolled(ringKeys, length);
        ringTimes = unrolled(ringTimes, length);
        ringSeqs = unrolled(ringSeqs, length);
        tail = 0;
    }

    private long[] unrolled(long[] ring, int length) {
        long[] out = new long[length];
        for (int i = 0; i < size; i++) out[i] = ring[(tail + i) % ring.length];
        return out;
    }

    /** 64 bits of the token's SHA-256, never 0 (the table's empty mark). */
    static long key(String token) {
        long key = ByteBuffer.wrap(Digests.sha256().digest(token.getBytes(StandardCharsets.UTF_8))).getLong();
        return key == 0 ? 1 : key;
    }

    /** A refusal when the signed time is outside the window: checked before costly signature checks. */
    public Optional<Verdict> outsideWindow(Instant signedAt, Instant now) {
        long age = now.getEpochSecond() - signedAt.getEpochSecond();
        if (Math.abs(age) <= windowSeconds) return Optional.empty();
        return Optional.of(Verdict.fail(Refusal.STALE, "signed " + Math.abs(age) + " s " + (age < 0 ? "ahead of"
                : "before") + " now, outside the window of " + windowSeconds + " s"));
    }
}
