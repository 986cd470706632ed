package org.mailoutcome.jakarta.tracking;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Tracking of an {@code OutcomeMailer}'s sends, the one option {@code OutcomeMailerBuilder.tracking(...)} takes:
 * which correlation keys each send carries and where it is recorded.
 *
 * <pre>{@code
 * Tracking tracking = Tracking.builder()
 *         .store(store)                                   // default: a new InMemoryDeliveryStore
 *         .verpDomain("bounces.example.com")              // MAIL FROM:<bounces+TOKEN@bounces.example.com>
 *         .notifyOn(Tracking.Notify.FAILURE, Tracking.Notify.DELAY)
 *         .build();
 * OutcomeMailer mailer = OutcomeMailer.builder(session).tracking(tracking).build();
 * }</pre>
 *
 * <p>Per send: a fresh id (letters and digits); {@code ENVID=id} on MAIL FROM and {@code ORCPT=rfc822;address} on
 * every RCPT when the server advertises DSN (RFC 3461; servers that do not advertise it get no DSN parameter at
 * all, as Angus does for NOTIFY and RET);
 * {@code NOTIFY} on every RCPT and {@code RET} on MAIL FROM when chosen here and the server advertises DSN (else
 * the session's {@code mail.smtp.dsn.notify} and {@code mail.smtp.dsn.ret} apply as usual); with a VERP domain,
 * the envelope sender {@code LOCALPART+id@domain} in place of the usual one. When the send returns, it is
 * recorded in the {@link DeliveryStore} with the Message-ID, the keys actually sent and every recipient's outcome.
 */
public final class Tracking {
    /** The default local part of a VERP envelope sender. */
    public static final String DEFAULT_VERP_LOCAL_PART = "bounces";

    /** RFC 3461 NOTIFY values: when the servers on the way should send a notice. */
    public enum Notify {
        /** A notice on successful delivery (or relay to a server without DSN). */
        SUCCESS,
        /** A notice when delivery fails (a bounce). */
        FAILURE,
        /** A notice when delivery is delayed. */
        DELAY,
        /** No notice at all; excludes the others. */
        NEVER
    }

    /** RFC 3461 RET values: what a failure notice returns of the message. */
    public enum Ret {
        /** The whole message. */
        FULL,
        /** The headers only. */
        HDRS
    }

    private final DeliveryStore store;
    private final boolean envelopeId;
    private final Optional<String> verpDomain;
    private final String verpLocalPart;
    private final Set<Notify> notify;
    private final Optional<Ret> ret;
    private final Clock clock;
    private final Supplier<String> ids;

    private Tracking(Builder b) {
        this.store = b.store == null ? new InMemoryDeliveryStore() : b.store;
        this.envelopeId = b.envelopeId;
        this.verpDomain = b.verpDomain;
        this.verpLocalPart = b.verpLocalPart;
        this.notify = Set.copyOf(b.notify);
        this.ret = b.ret;
        this.clock = b.clock;
        this.ids = b.ids;
    }

    /**
     * Tracking with every default: a new {@link InMemoryDeliveryStore}, ENVID on, no VERP, NOTIFY and RET from
     * the session.
     *
     * @return the tracking
     */
    public static Tracking defaults() {
        return builder().build();
    }

    /**
     * A builder with every default.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this tracking's options.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.store = store;
        b.envelopeId = envelopeId;
        b.verpDomain = verpDomain;
        b.verpLocalPart = verpLocalPart;
        b.notify = notify.isEmpty() ? EnumSet.noneOf(Notify.class) : EnumSet.copyOf(notify);
        b.ret = ret;
        b.clock = clock;
        b.ids = ids;
        return b;
    }

    /**
     * Where sends are recorded; give the same store to the bounce tracker.
     *
     * @return the store
     */
    public DeliveryStore store() {
        return store;
    }

    /**
     * Whether sends carry {@code ENVID} (where the server advertises DSN).
     *
     * @return true by default
     */
    public boolean envelopeId() {
        return envelopeId;
    }

    /**
     * The domain of the VERP envelope sender, if VERP is on.
     *
     * @return the domain, or empty
     */
    public Optional<String> verpDomain() {
        return verpDomain;
    }

    /**
     * The local part before {@code +TOKEN} of the VERP envelope sender.
     *
     * @return {@value #DEFAULT_VERP_LOCAL_PART} unless chosen
     */
    public String verpLocalPart() {
        return verpLocalPart;
    }

    /**
     * The NOTIFY values sent on every RCPT; empty to leave it to the session.
     *
     * @return the values
     */
    public Set<Notify> notifyOn() {
        return notify;
    }

    /**
     * The RET value sent on MAIL FROM; empty to leave it to the session.
     *
     * @return the value, or empty
     */
    public Optional<Ret> ret() {
        return ret;
    }

    /**
     * The clock giving {@link SentMessage#sentAt()}.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * The source of send ids.
     *
     * @return the supplier
     */
    public Supplier<String> ids() {
        return ids;
    }

    /**
     * The VERP envelope sender for a send id, if VERP is on.
     *
     * @param id the send id
     * @return {@code LOCALPART+id@domain}, or empty
     */
    public Optional<String> verpSender(String id) {
        return verpDomain.map(domain -> verpLocalPart + "+" + SentMessage.checkId(id) + "@" + domain);
    }

    /** Options of a {@link Tracking}. Setters check their own argument; {@link #build()} the rest. */
    public static final class Builder {
        private static final SecureRandom RANDOM = new SecureRandom();
        private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

        private DeliveryStore store;
        private boolean envelopeId = true;
        private Optional<String> verpDomain = Optional.empty();
        private String verpLocalPart = DEFAULT_VERP_LOCAL_PART;
        private Set<Notify> notify = EnumSet.noneOf(Notify.class);
        private Optional<Ret> ret = Optional.empty();
        private Clock clock = Clock.systemUTC();
        private Supplier<String> ids = Builder::randomId;

        private Builder() {
        }

        /**
         * Where sends are recorded; default a new {@link InMemoryDeliveryStore}.
         *
         * @param store the store
         * @return this builder
         */
        public Builder store(DeliveryStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Whether sends carry {@code ENVID} where the server advertises DSN; default true. Without it, notices are
         * matched by VERP token or Message-ID.
         *
         * @param on true to send ENVID
         * @return this builder
         */
        public Builder envelopeId(boolean on) {
            this.envelopeId = on;
            return this;
        }

        /**
         * Turns VERP on: the envelope sender becomes {@code LOCALPART+TOKEN@domain}, so a notice comes back to an
         * address that names the send even from a server that ignores DSN. The domain's mail must reach the
         * bounce mailbox, with {@code +} as the recipient delimiter (Postfix {@code recipient_delimiter = +}).
         *
         * @param domain the domain, e.g. {@code "bounces.example.com"}
         * @return this builder
         * @throws IllegalArgumentException for a domain with characters other than letters, digits, dots and
         *     hyphens
         */
        public Builder verpDomain(String domain) {
            Objects.requireNonNull(domain, "domain");
            if (!domain.matches("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?")) {
                throw new IllegalArgumentException("not a domain name: " + domain);
            }
            this.verpDomain = Optional.of(domain);
            return this;
        }

        /**
         * The local part of the VERP envelope sender, before {@code +TOKEN}; default
         * {@value #DEFAULT_VERP_LOCAL_PART}.
         *
         * @param localPart letters, digits, dots, hyphens and underscores
         * @return this builder
         * @throws IllegalArgumentException for other characters, or more than 30 of them
         */
        public Builder verpLocalPart(String localPart) {
            Objects.requireNonNull(localPart, "localPart");
            if (!localPart.matches("[A-Za-z0-9._-]{1,30}")) {
                throw new IllegalArgumentException("not a plain local part: " + localPart);
            }
            this.verpLocalPart = localPart;
            return this;
        }

        /**
         * The NOTIFY sent on every RCPT where the server advertises DSN; default none: the session's
         * {@code mail.smtp.dsn.notify}, if set, applies.
         *
         * @param values the values; {@link Notify#NEVER} alone or not at all
         * @return this builder
         */
        public Builder notifyOn(Notify... values) {
            Objects.requireNonNull(values, "values");
            EnumSet<Notify> set = EnumSet.noneOf(Notify.class);
            for (Notify n : values) set.add(Objects.requireNonNull(n, "notify value"));
            this.notify = set;
            return this;
        }

        /**
         * The RET sent on MAIL FROM where the server advertises DSN; default none: the session's
         * {@code mail.smtp.dsn.ret}, if set, applies.
         *
         * @param value the value
         * @return this builder
         */
        public Builder ret(Ret value) {
            this.ret = Optional.of(Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * The clock giving {@link SentMessage#sentAt()}; default UTC system time.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The source of send ids; default 26 random base32 letters and digits (130 bits) from a
         * {@link SecureRandom}. Each id must be unique and satisfy {@link SentMessage#checkId(String)}; a send
         * with an id that does not throws {@link IllegalStateException}.
         *
         * @param ids the supplier
         * @return this builder
         */
        public Builder ids(Supplier<String> ids) {
            this.ids = Objects.requireNonNull(ids, "ids");
            return this;
        }

        /**
         * Builds the tracking.
         *
         * @return the tracking
         * @throws IllegalArgumentException when {@link Notify#NEVER} is combined with other values
         */
        public Tracking build() {
            if (notify.contains(Notify.NEVER) && notify.size() > 1) {
                throw new IllegalArgumentException("NOTIFY=NEVER excludes the other values: " + notify);
            }
            return new Tracking(this);
        }

        /** 26 base32 characters from one 17-byte draw (5 bits each: 130 of the 136 bits). */
        private static String randomId() {
            byte[] bytes = new byte[17];
            RANDOM.nextBytes(bytes);
            char[] id = new char[26];
            for (int i = 0; i < id.length; i++) {
                int bit = i * 5;
                int word = (bytes[bit / 8] & 0xff) << 8 | (bit / 8 + 1 < bytes.length ? bytes[bit / 8 + 1] & 0xff : 0);
                id[i] = BASE32[word >>> (11 - bit % 8) & 31];
            }
            return new String(id);
        }
    }
}
