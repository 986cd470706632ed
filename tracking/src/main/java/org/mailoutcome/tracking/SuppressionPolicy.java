package org.mailoutcome.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Disposition;
import org.mailoutcome.EnhancedStatus;
import org.mailoutcome.Reason;
import org.mailoutcome.Stage;
import org.mailoutcome.SuppressionKind;

/**
 * Decides what a piece of {@link Evidence} does to its address's standing on a {@link SuppressionList}.
 * Immutable; it only decides, the list stores. The defaults, and the providers they were compared with, are in
 * {@code docs/acting-on-fates.md}:
 * <ul>
 * <li>A <b>hard bounce</b> (user unknown, host unknown, mailbox disabled, a move with no forwarding address: at RCPT,
 *     or in a bounce) suppresses at once, until removed (Amazon SES, Postmark).</li>
 * <li><b>Soft bounces</b> (mailbox full, expired in a queue, a mailbox disabled for now) are counted, at most one per
 *     {@linkplain Builder#softBounceSpacing day} (Mailman), and {@value #DEFAULT_SOFT_THRESHOLD} within
 *     {@linkplain Builder#softBounces 14 days} suppress for 30 days (Postal's duration). A delivery notice clears the
 *     count; an SMTP acceptance does not unless {@link Builder#acceptanceClearsSoftBounces(boolean)} (a relay
 *     accepts what later bounces).</li>
 * <li>A <b>complaint</b> suppresses at once, until removed (SES, Postmark).</li>
 * <li>A provider's report that it <b>suppressed</b> the address ({@link Evidence.Reported}) suppresses at once,
 *     until removed: the provider will not send to it either.</li>
 * <li><b>Never</b> for the sender's own problems: a refusal for policy, spam, authentication, relaying or rate
 *     (the {@link Reason}s {@code POLICY}, {@code AUTH_REQUIRED}, {@code RELAY_DENIED}, {@code RATE_LIMITED},
 *     {@code GREYLISTED}), any {@code X.7.Z} code but {@code X.7.13} (account disabled), a sender address refused
 *     ({@code X.1.7}, {@code X.1.8}), a refusal at MAIL, DATA or the end of data (not about one recipient), a lost
 *     connection, a message too big, a fault of the receiving system.</li>
 * </ul>
 * An entry in force is kept unless the new one lasts longer.
 */
public final class SuppressionPolicy {
    /** Soft bounces that suppress by default. */
    public static final int DEFAULT_SOFT_THRESHOLD = 3;

    private static final Set<Reason> HARD = Set.of(Reason.USER_UNKNOWN, Reason.HOST_UNKNOWN, Reason.MAILBOX_DISABLED);
    private static final Set<Reason> SOFT = Set.of(Reason.MAILBOX_FULL, Reason.EXPIRED, Reason.MAILBOX_DISABLED);
    private static final Set<Reason> SENDERS = Set.of(Reason.POLICY, Reason.AUTH_REQUIRED, Reason.RELAY_DENIED,
            Reason.RATE_LIMITED, Reason.GREYLISTED);
    private static final SuppressionPolicy DEFAULTS = new Builder().build();

    private final int softThreshold;
    private final Duration softWindow;
    private final Duration softSpacing;
    private final Map<SuppressionKind, Optional<Duration>> expiry;
    private final boolean acceptanceClears;

    private SuppressionPolicy(Builder b) {
        this.softThreshold = b.softThreshold;
        this.softWindow = b.softWindow;
        this.softSpacing = b.softSpacing;
        this.expiry = Map.copyOf(b.expiry);
        this.acceptanceClears = b.acceptanceClears;
    }

    /**
     * The defaults above.
     *
     * @return the policy
     */
    public static SuppressionPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * A builder starting from the defaults.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder with this policy's settings.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.softThreshold = softThreshold;
        b.softWindow = softWindow;
        b.softSpacing = softSpacing;
        b.expiry.putAll(expiry);
        b.acceptanceClears = acceptanceClears;
        return b;
    }

    /** What one piece of evidence means for its address. */
    public sealed interface Verdict {
        /**
         * Nothing: not about the mailbox, or the sender's own problem.
         *
         * @param why in words
         */
        record Ignore(String why) implements Verdict {
        }

        /**
         * Suppress the address now.
         *
         * @param kind why
         * @param reason the evidence's reason
         */
        record Suppress(SuppressionKind kind, Reason reason) implements Verdict {
        }

        /**
         * One more soft bounce to count.
         *
         * @param reason the evidence's reason
         */
        record CountSoft(Reason reason) implements Verdict {
        }

        /** A delivery: forget the soft bounces counted, and a suppression they made. */
        record ClearSoft() implements Verdict {
        }
    }

    /**
     * Judges one piece of evidence.
     *
     * @param evidence what was learnt
     * @return what it means
     */
    public Verdict judge(Evidence evidence) {
        Objects.requireNonNull(evidence, "evidence");
        if (evidence instanceof Evidence.Complaint) return new Verdict.Suppress(SuppressionKind.COMPLAINT, Reason.UNKNOWN);
        if (evidence instanceof Evidence.Manual) return new Verdict.Suppress(SuppressionKind.MANUAL, Reason.UNKNOWN);
        if (evidence instanceof Evidence.Reported) return new Verdict.Suppress(SuppressionKind.PROVIDER, Reason.UNKNOWN);
        if (evidence instanceof Evidence.Delivery) return new Verdict.ClearSoft();
        if (evidence instanceof Evidence.Bounce bounce) return judgeFailure(bounce.outcome());
        DeliveryOutcome outcome = ((Evidence.Outcome) evidence).outcome();
        if (outcome.disposition() == Disposition.SUCCESS) {
            return acceptanceClears ? new Verdict.ClearSoft()
                    : new Verdict.Ignore("an acceptance is not a delivery: a relay accepts what later bounces");
        }
        if (outcome.stage() != Stage.RCPT || outcome instanceof DeliveryOutcome.Suppressed) {
            return new Verdict.Ignore("not a reply about this recipient: " + outcome.name() + " at " + outcome.stage());
        }
        return judgeFailure(outcome);
    }

    private Verdict judgeFailure(DeliveryOutcome outcome) {
        Optional<String> sender = sendersProblem(outcome);
        if (sender.isPresent()) return new Verdict.Ignore("the sender's problem: " + sender.get());
        Reason reason = outcome.reason();
        boolean permanent = outcome.disposition() == Disposition.PERMANENT;
        if (permanent && HARD.contains(reason)) return new Verdict.Suppress(SuppressionKind.HARD_BOUNCE, reason);
        if (permanent && reason == Reason.MOVED && outcome.forwardPath().isEmpty()) {
            return new Verdict.Suppress(SuppressionKind.HARD_BOUNCE, reason);
        }
        if (SOFT.contains(reason)) return new Verdict.CountSoft(reason);
        return new Verdict.Ignore("not about the mailbox: " + outcome.name() + " " + reason);
    }

    /** Why a failure is the sender's own problem, if it is. */
    private static Optional<String> sendersProblem(DeliveryOutcome outcome) {
        if (outcome instanceof DeliveryOutcome.ConnectionLost) return Optional.of("no reply (" + outcome.stage() + ")");
        if (SENDERS.contains(outcome.reason())) return Optional.of("refused for " + outcome.reason());
        Optional<EnhancedStatus> status = outcome.enhancedStatus();
        if (status.isPresent() && status.get().subject() == 7 && status.get().detail() != 13) {
            return Optional.of(status.get() + " is about the sender (security or policy)");
        }
        if (status.isPresent() && (status.get().matches(1, 7) || status.get().matches(1, 8))) {
            return Optional.of(status.get() + " refuses the sender's address");
        }
        return Optional.empty();
    }

    /**
     * The entry a {@link Verdict.Suppress} makes: since the evidence's time (never later than {@code now}),
     * until the kind's expiry after that.
     *
     * @param address the address
     * @param verdict the verdict
     * @param evidence the evidence judged
     * @param now the time of recording
     * @return the entry
     */
    public Suppression entry(String address, Verdict.Suppress verdict, Evidence evidence, Instant now) {
        Instant since = notAfter(evidence.at(), now);
        return new Suppression(address, verdict.kind(), verdict.reason(), since,
                expiry(verdict.kind()).map(since::plus), evidence);
    }

    /**
     * The soft bounce a {@link Verdict.CountSoft} records.
     *
     * @param address the address
     * @param verdict the verdict
     * @param evidence the evidence judged
     * @param now the time of recording
     * @return the soft bounce, at the evidence's time (never later than {@code now})
     */
    public SoftBounce softBounce(String address, Verdict.CountSoft verdict, Evidence evidence, Instant now) {
        return new SoftBounce(address, verdict.reason(), notAfter(evidence.at(), now), evidence);
    }

    /**
     * Whether the soft bounces of an address make a suppression: those within the window before {@code now},
     * each counted only when it is at least the spacing after the last one counted; the one that reaches the
     * threshold makes the entry (since its time), so every process that reads the same bounces decides the same.
     *
     * @param address the address
     * @param bounces its soft bounces, in any order
     * @param now the time of the decision
     * @return the entry, or empty below the threshold
     */
    public Optional<Suppression> afterSoftBounces(String address, List<SoftBounce> bounces, Instant now) {
        List<SoftBounce> recent = new ArrayList<>(bounces.stream()
                .filter(b -> b.at().isAfter(now.minus(softWindow))).toList());
        recent.sort(Comparator.comparing(SoftBounce::at).thenComparing(b -> b.cause().key()));
        int counted = 0;
        Instant last = null;
        for (SoftBounce b : recent) {
            if (last != null && b.at().isBefore(last.plus(softSpacing))) continue;
            counted++;
            last = b.at();
            if (counted == softThreshold) {
                return Optional.of(new Suppression(address, SuppressionKind.SOFT_BOUNCES, b.reason(), b.at(),
                        expiry(SuppressionKind.SOFT_BOUNCES).map(b.at()::plus), b.cause()));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a proposed entry replaces the current one: yes when none is in force at {@code now}, or when the
     * proposed one lasts longer (so of two entries that last as long, the first stays, whichever process wrote
     * it); never for the same evidence again.
     *
     * @param current the entry stored, if any
     * @param proposed the entry the evidence makes
     * @param now the time of the decision
     * @return true to store {@code proposed}
     */
    public boolean replaces(Optional<Suppression> current, Suppression proposed, Instant now) {
        if (current.isEmpty() || !current.get().isActiveAt(now)) return true;
        if (current.get().equals(proposed) || current.get().cause().key().equals(proposed.cause().key())) return false;
        return proposed.lastsAtLeastAsLongAs(current.get()) && !current.get().lastsAtLeastAsLongAs(proposed);
    }

    /**
     * How long an entry of this kind lasts.
     *
     * @param kind the kind
     * @return the duration, or empty: until removed
     */
    public Optional<Duration> expiry(SuppressionKind kind) {
        return expiry.get(Objects.requireNonNull(kind, "kind"));
    }

    /**
     * Soft bounces that suppress.
     *
     * @return the threshold, {@value #DEFAULT_SOFT_THRESHOLD} by default
     */
    public int softBounceThreshold() {
        return softThreshold;
    }

    /**
     * How far back soft bounces count.
     *
     * @return the window, 14 days by default
     */
    public Duration softBounceWindow() {
        return softWindow;
    }

    /**
     * The least time between two soft bounces that both count.
     *
     * @return the spacing, 1 day by default
     */
    public Duration softBounceSpacing() {
        return softSpacing;
    }

    /**
     * Whether an SMTP acceptance clears the soft bounces counted, as a delivery notice does.
     *
     * @return false by default
     */
    public boolean acceptanceClearsSoftBounces() {
        return acceptanceClears;
    }

    @Override
    public String toString() {
        return "SuppressionPolicy[soft " + softThreshold + " within " + softWindow + " spaced " + softSpacing
                + ", expiry " + expiry + ", acceptanceClears " + acceptanceClears + "]";
    }

    private static Instant notAfter(Instant at, Instant now) {
        return at.isAfter(now) ? now : at;
    }

    /** Builds a {@link SuppressionPolicy}; meant for one thread. */
    public static final class Builder {
        private int softThreshold = DEFAULT_SOFT_THRESHOLD;
        private Duration softWindow = Duration.ofDays(14);
        private Duration softSpacing = Duration.ofDays(1);
        private final Map<SuppressionKind, Optional<Duration>> expiry = new EnumMap<>(SuppressionKind.class);
        private boolean acceptanceClears;

        private Builder() {
            for (SuppressionKind kind : SuppressionKind.values()) expiry.put(kind, Optional.empty());
            expiry.put(SuppressionKind.SOFT_BOUNCES, Optional.of(Duration.ofDays(30)));
        }

        /**
         * How many soft bounces within how long suppress; default 3 within 14 days.
         *
         * @param threshold at least 1
         * @param window a positive duration
         * @return this builder
         */
        public Builder softBounces(int threshold, Duration window) {
            if (threshold < 1) throw new IllegalArgumentException("threshold must be >= 1: " + threshold);
            this.softWindow = positive("window", window);
            this.softThreshold = threshold;
            return this;
        }

        /**
         * The least time between two soft bounces that both count; default 1 day, so a burst counts once.
         *
         * @param spacing zero (count every one) or a positive duration
         * @return this builder
         */
        public Builder softBounceSpacing(Duration spacing) {
            Objects.requireNonNull(spacing, "spacing");
            if (spacing.isNegative()) throw new IllegalArgumentException("spacing must be >= 0: " + spacing);
            this.softSpacing = spacing;
            return this;
        }

        /**
         * How long an entry of this kind lasts; default none (until removed) but 30 days for soft bounces.
         *
         * @param kind the kind
         * @param duration a positive duration
         * @return this builder
         */
        public Builder expiry(SuppressionKind kind, Duration duration) {
            expiry.put(Objects.requireNonNull(kind, "kind"), Optional.of(positive("duration", duration)));
            return this;
        }

        /**
         * Entries of this kind last until removed.
         *
         * @param kind the kind
         * @return this builder
         */
        public Builder noExpiry(SuppressionKind kind) {
            expiry.put(Objects.requireNonNull(kind, "kind"), Optional.empty());
            return this;
        }

        /**
         * Whether an SMTP acceptance (250, 251, 252 at RCPT) clears the soft bounces, as a delivery notice does;
         * default false: a relay accepts what later bounces, so only senders that talk to the recipients' own
         * servers should turn it on.
         *
         * @param on true to clear on acceptance
         * @return this builder
         */
        public Builder acceptanceClearsSoftBounces(boolean on) {
            this.acceptanceClears = on;
            return this;
        }

        /**
         * The policy.
         *
         * @return a new, immutable policy
         */
        public SuppressionPolicy build() {
            return new SuppressionPolicy(this);
        }

        private static Duration positive(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive: " + d);
            return d;
        }
    }
}
