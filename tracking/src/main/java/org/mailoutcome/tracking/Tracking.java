package org.mailoutcome.tracking;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * How sends are tracked, given once and shared by both ends: the mailer marks each send with its keys and records
 * it in the {@link #store()}; the bounce tracker, built from the same object, reads notices against that store and
 * VERP scheme. So the two cannot be handed different stores by mistake.
 *
 * <pre>{@code
 * Tracking tracking = Tracking.builder(store)                  // or Tracking.inMemory()
 *         .verp(Verp.on("bounces.example.com"))                // MAIL FROM:<bounces+TOKEN@bounces.example.com>
 *         .build();
 * OutcomeMailer mailer = OutcomeMailer.builder(session).tracking(tracking).build();
 * DeliveryTracker tracker = DeliveryTracker.builder(tracking).listener(listener).build();
 * }</pre>
 *
 * <p>With a {@link Builder#provider(Provider) provider} named (or recognised from the SMTP host the session names:
 * {@link #providerFor(String)}), each send also carries that provider's metadata
 * header with its id, and the provider's own id from its end-of-data reply is recorded as
 * {@link SentMessage#queueId()}: the keys its webhook events come back with.
 *
 * <p>Per send the mailer takes a fresh random id (26 letters and digits) and, when the server advertises DSN
 * (RFC 3461), sends {@code ENVID=id} on MAIL FROM and {@code ORCPT=rfc822;address} on every RCPT; with a VERP
 * scheme, the envelope sender {@code LOCALPART+id@DOMAIN} replaces the usual one. When the send returns it is
 * recorded in the store with its Message-ID, the keys actually sent and every recipient's outcome. Which notices
 * to ask for ({@code NOTIFY}) and how much of the message they return ({@code RET}) are Jakarta Mail's own
 * settings: the session's {@code mail.smtp.dsn.notify} and {@code mail.smtp.dsn.ret}, or
 * {@code SMTPMessage.setNotifyOptions} and {@code setReturnOption} per message.
 */
public final class Tracking {
    private final DeliveryStore store;
    private final boolean envelopeId;
    private final Optional<Verp> verp;
    private final Optional<Provider> provider;
    private final boolean detectProvider;
    private final Clock clock;

    private Tracking(Builder b) {
        this.store = b.store;
        this.envelopeId = b.envelopeId;
        this.verp = b.verp;
        this.provider = b.provider;
        this.detectProvider = b.detectProvider;
        this.clock = b.clock;
    }

    /**
     * Tracking into a new {@link InMemoryDeliveryStore}, with ENVID and no VERP: for tests, and for applications
     * that read the fates of a send while the process lives.
     *
     * @return the tracking
     */
    public static Tracking inMemory() {
        return builder(new InMemoryDeliveryStore()).build();
    }

    /**
     * A builder recording into this store.
     *
     * @param store where sends are recorded and notices matched
     * @return the builder
     */
    public static Builder builder(DeliveryStore store) {
        return new Builder(store);
    }

    /**
     * A builder with this tracking's settings.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(store);
        b.envelopeId = envelopeId;
        b.verp = verp;
        b.provider = provider;
        b.detectProvider = detectProvider;
        b.clock = clock;
        return b;
    }

    /**
     * Where sends are recorded.
     *
     * @return the store
     */
    public DeliveryStore store() {
        return store;
    }

    /**
     * Whether the send id goes as {@code ENVID} to servers that advertise DSN.
     *
     * @return true by default
     */
    public boolean envelopeId() {
        return envelopeId;
    }

    /**
     * The VERP scheme of the envelope senders, if any.
     *
     * @return the scheme, or empty (the message's own sender is used)
     */
    public Optional<Verp> verp() {
        return verp;
    }

    /**
     * The email service provider the mail is relayed through, if named: the mailer then adds its correlation
     * header ({@link Provider#header}) to each send.
     *
     * @return the provider, or empty
     */
    public Optional<Provider> provider() {
        return provider;
    }

    /**
     * The provider a send to this SMTP host is marked for: the one {@linkplain Builder#provider(Provider) named},
     * else, unless {@linkplain Builder#detectProvider(boolean) turned off}, the one whose documented relay the host
     * is.
     *
     * @param smtpHost the host the mailer's session names
     * @return the provider, or empty
     */
    public Optional<Provider> providerFor(String smtpHost) {
        return provider.or(() -> detectProvider ? Provider.ofSmtpHost(smtpHost) : Optional.empty());
    }

    /**
     * The clock of the records' times (when a send started, when a notice changed a fate).
     *
     * @return the clock, {@link Clock#systemUTC()} by default
     */
    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "Tracking[store=" + store.getClass().getSimpleName() + ", envelopeId=" + envelopeId + ", verp="
                + verp.map(v -> v.localPart() + "+*@" + v.domain()).orElse("none")
                + provider.map(p -> ", provider=" + p.id()).orElse("") + "]";
    }

    /** Builds a {@link Tracking}; meant for one thread. */
    public static final class Builder {
        private final DeliveryStore store;
        private boolean envelopeId = true;
        private Optional<Verp> verp = Optional.empty();
        private Optional<Provider> provider = Optional.empty();
        private boolean detectProvider = true;
        private Clock clock = Clock.systemUTC();

        private Builder(DeliveryStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        /**
         * Whether to send the send id as {@code ENVID} where DSN is advertised (default true). Without it, notices
         * are matched by VERP or Message-ID only.
         *
         * @param on true to send it
         * @return this builder
         */
        public Builder envelopeId(boolean on) {
            this.envelopeId = on;
            return this;
        }

        /**
         * Sends from VERP envelope senders of this scheme.
         *
         * @param verp the scheme
         * @return this builder
         */
        public Builder verp(Verp verp) {
            this.verp = Optional.of(Objects.requireNonNull(verp, "verp"));
            return this;
        }

        /**
         * Relays through this email service provider: the mailer adds the provider's correlation header with the
         * send's id to the copy of the message it sends (the caller's message is left as it is), and records the id
         * the provider gives in its reply to the end of data (SES's {@code 250 Ok ID}) as the send's queue id, so
         * that the provider's events are matched to the send even when it rewrites the Message-ID and the envelope
         * sender.
         *
         * @param provider the provider
         * @return this builder
         */
        public Builder provider(Provider provider) {
            this.provider = Optional.of(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /**
         * Whether, when no provider is {@linkplain #provider(Provider) named}, the mailer recognises one from the SMTP
         * host its session names ({@link Provider#ofSmtpHost(String)}: {@code smtp.sendgrid.net},
         * {@code email-smtp.eu-west-1.amazonaws.com}, ...) and marks its sends for it (default true).
         *
         * @param on false to mark sends only for a provider named
         * @return this builder
         */
        public Builder detectProvider(boolean on) {
            this.detectProvider = on;
            return this;
        }

        /**
         * The clock of the records' times.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The tracking.
         *
         * @return a new, immutable tracking
         */
        public Tracking build() {
            return new Tracking(this);
        }
    }
}
