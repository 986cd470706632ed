package org.mailoutcome.jakarta;

import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mailoutcome.ForwardPath;
import org.mailoutcome.jakarta.internal.MailerSessions;
import org.mailoutcome.jakarta.internal.ProbeCommands;
import org.mailoutcome.jakarta.internal.ProberPool;
import org.mailoutcome.jakarta.internal.Credentials;

/**
 * Asks an SMTP server about addresses without sending mail, with {@code VRFY} or a {@code RCPT TO} probe, and
 * returns one typed {@link ProbeResult} per address.
 *
 * <pre>{@code
 * try (AddressVerifier verifier = AddressVerifier.builder(session).method(ProbeMethod.AUTO)
 *         .mailFrom("probe@my-domain.example").build()) {
 *     ProbeResult r = verifier.verify("alice@example.com");
 *     if (r.outcome() instanceof DeliveryOutcome.AcceptedUnverified) { ... the server will not say ... }
 * }
 * }</pre>
 *
 * <p><b>What the outcomes mean.</b> To {@code VRFY} (stage {@code VRFY}): 250 {@code Accepted} and 251
 * {@code WillForward} (with its forward path) verify the address; 252 {@code AcceptedUnverified} means the server
 * will not say, and the address may well be good; 550 {@code MailboxUnavailable}, 551 {@code NotLocalNoRelay} (with
 * the forward path), 553 {@code MailboxNameNotAllowed} reject it; 500/502 {@code ProtocolError} mean VRFY is not
 * implemented or disabled; 530 is a {@code PermanentFailure} with reason {@code AUTH_REQUIRED}; 421 is
 * {@code ServiceUnavailable}; no reply is {@code ConnectionLost}. A {@code RCPT} probe gives the same records at stage
 * {@code RCPT}; when the server refuses {@code MAIL FROM}, that refusal (stage {@code MAIL}) is the result of every
 * address the probe could not ask about. A failed connect, EHLO, STARTTLS or AUTH is the result of every address.
 *
 * <p><b>Methods.</b> {@link ProbeMethod#VRFY} (the default) sends {@code VRFY address}. {@link ProbeMethod#RCPT}
 * sends {@code MAIL FROM}, {@code RCPT TO:<address>} and {@code RSET}, and never {@code DATA}: no mail is sent.
 * {@link ProbeMethod#AUTO} sends VRFY and asks again with RCPT when VRFY answered 252, 500 or 502; any other VRFY
 * reply (a 550, a 530, a policy refusal with another code) is the result. {@link ProbeResult#method()} says which
 * probe produced each outcome.
 *
 * <p><b>Batches.</b> {@link #verifyAll(List)} uses one connection: VRFY per address, then, for the addresses that
 * need it, one {@code MAIL FROM} with many {@code RCPT TO}s and a final {@code RSET}. When a server refuses a
 * {@code RCPT} for too many recipients (452, or 552 meaning it) the transaction is reset and a new one asks about the
 * rest. In AUTO mode, once VRFY answered 500 or 502 the remaining addresses go straight to RCPT. When the
 * connection breaks (421, no reply, an unexpected reply) every address not yet answered gets the outcome that broke
 * it, and the connection is closed, never reused.
 *
 * <p><b>Sender of the RCPT probe.</b> {@link Builder#mailFrom(String)}; by default the session's
 * {@code mail.smtp.from} (or {@code mail.smtps.from} for the {@code smtps} protocol), else the address of its
 * {@code mail.from}, else the null reverse-path {@code <>}. Many servers refuse {@code MAIL FROM:<>} for anything
 * but bounces, or treat it as a sign of probing: set an address of a domain you own.
 *
 * <p><b>Etiquette.</b> VRFY and RCPT probing is often disabled or rate-limited on purpose: 252 is the answer RFC 5321
 * (sections 3.5.3 and 7.3) suggests to servers that will not disclose their users, and address harvesters are why.
 * Probe only servers you run, or whose operators agree, and go slowly: servers count refused commands and drop or
 * block clients that make too many (Postfix's {@code smtpd_hard_error_limit} answers 421 after 20), and repeated
 * probes from one address can get it listed. A 250 to {@code RCPT} does not prove that the mailbox exists (a
 * catch-all domain accepts every local part, and some servers accept first and bounce later); a 252 does not mean it
 * does not exist. See {@code docs/probing.md}.
 *
 * <p><b>Connections and threads.</b> The verifier is thread-safe. It keeps up to
 * {@link Builder#maxConnections(int)} connections (default 1: probing is best done slowly) and reuses one across
 * calls; a caller waits while all are in use. A connection that gave 421 or was lost is closed, never reused; a
 * pooled connection the server dropped while idle is replaced once, transparently. {@link #close()} closes them.
 *
 * <p>Nothing a server says or does makes {@code verify} throw: it throws {@link IllegalArgumentException}, before any
 * network I/O, for an address that is not a valid mailbox ({@link ForwardPath#isValidMailbox(CharSequence)}: no
 * angle brackets, no display name, no CR or LF), and for a non-ASCII address when the session lacks
 * {@code mail.mime.allowutf8=true}. {@code SMTPUTF8} is added to VRFY and MAIL FROM when needed and advertised.
 */
public final class AddressVerifier implements AutoCloseable {
    private final ProberPool pool;
    private final boolean allowUtf8;
    private volatile boolean closed;

    private AddressVerifier(Session session, ProberPool.Settings settings) {
        this.pool = new ProberPool(session, settings);
        this.allowUtf8 = Boolean.parseBoolean(session.getProperty("mail.mime.allowutf8"));
    }

    /**
     * A verifier with default options (VRFY) for the server the session names ({@code mail.smtp.host}, ...).
     *
     * @param session the session; its properties and authenticator are copied, it is never modified
     * @return the verifier
     */
    public static AddressVerifier create(Session session) {
        return builder(session).build();
    }

    /**
     * A builder for a verifier with options.
     *
     * @param session the session; its properties and authenticator are copied, it is never modified
     * @return the builder
     */
    public static Builder builder(Session session) {
        return new Builder(session);
    }

    /**
     * Asks the server about one address.
     *
     * @param address a mailbox, {@code local@domain}, without angle brackets
     * @return the result; never {@code null}, whatever the server does
     * @throws IllegalArgumentException if {@code address} is not a valid mailbox
     * @throws IllegalStateException if the verifier is closed
     */
    public ProbeResult verify(String address) {
        return verifyAll(List.of(Objects.requireNonNull(address, "address"))).get(0);
    }

    /**
     * Asks the server about many addresses on one connection; see the class description for batches.
     *
     * @param addresses mailboxes without angle brackets; every one is checked before the first is sent
     * @return one result per address, in the same order
     * @throws IllegalArgumentException if an address is not a valid mailbox
     * @throws IllegalStateException if the verifier is closed
     */
    public List<ProbeResult> verifyAll(List<String> addresses) {
        List<String> checked = ProbeCommands.checkAddresses(Objects.requireNonNull(addresses, "addresses"), allowUtf8);
        if (closed) throw new IllegalStateException("verifier is closed");
        return checked.isEmpty() ? List.of() : pool.probe(checked);
    }

    /** Closes every idle connection (QUIT); probes in progress finish, later ones throw. */
    @Override
    public void close() {
        closed = true;
        pool.close();
    }

    /** Options of an {@link AddressVerifier}. Setters check their own argument; {@link #build()} the rest. */
    public static final class Builder {
        private final Session session;
        private ProbeMethod method = ProbeMethod.VRFY;
        private Optional<String> mailFrom = Optional.empty();
        private Duration connectTimeout;
        private Duration readTimeout;
        private Duration writeTimeout;
        private Optional<Credentials> credentials = Optional.empty();
        private int maxConnections = 1;
        private Duration maxIdle = Duration.ofSeconds(30);

        private Builder(Session session) {
            this.session = Objects.requireNonNull(session, "session");
        }

        /**
         * How addresses are probed; default {@link ProbeMethod#VRFY}.
         *
         * @param method the method
         * @return this builder
         */
        public Builder method(ProbeMethod method) {
            this.method = Objects.requireNonNull(method, "method");
            return this;
        }

        /**
         * The reverse-path of the RCPT probe's {@code MAIL FROM}; {@code ""} or {@code "<>"} is the null
         * reverse-path. Default: see the class description.
         *
         * @param address a mailbox without angle brackets, or {@code ""}
         * @return this builder
         * @throws IllegalArgumentException if it is neither a valid mailbox nor the null reverse-path
         */
        public Builder mailFrom(String address) {
            this.mailFrom = Optional.of(reversePath(Objects.requireNonNull(address, "address"), "mailFrom"));
            return this;
        }

        /**
         * Connect timeout; default: the session's {@code mail.smtp.connectiontimeout}, else 30 s.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("connectTimeout", timeout);
            return this;
        }

        /**
         * Longest wait for one reply; default: the session's {@code mail.smtp.timeout}, else 60 s.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive("readTimeout", timeout);
            return this;
        }

        /**
         * Longest blocked write; default: the session's {@code mail.smtp.writetimeout}, else 60 s.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = positive("writeTimeout", timeout);
            return this;
        }

        /**
         * Credentials for SMTP AUTH (a server that answers 530 to VRFY wants them); without them the session's
         * authenticator is asked when {@code mail.smtp.auth} is true. The password is never logged or reported.
         *
         * @param user the user name
         * @param password the password
         * @return this builder
         */
        public Builder credentials(String user, String password) {
            this.credentials = Optional.of(new Credentials(Objects.requireNonNull(user, "user"),
                    Objects.requireNonNull(password, "password")));
            return this;
        }

        /**
         * Most connections open at once; default 1, so concurrent callers take turns.
         *
         * @param max at least 1
         * @return this builder
         */
        public Builder maxConnections(int max) {
            if (max < 1) throw new IllegalArgumentException("maxConnections must be >= 1: " + max);
            this.maxConnections = max;
            return this;
        }

        /**
         * How long an unused connection is kept; default 30 s.
         *
         * @param maxIdle a positive duration
         * @return this builder
         */
        public Builder maxIdle(Duration maxIdle) {
            this.maxIdle = positive("maxIdle", maxIdle);
            return this;
        }

        /**
         * Builds the verifier; no connection is opened until the first probe.
         *
         * @return the verifier
         * @throws IllegalArgumentException if no {@link #mailFrom(String)} was set and the session's
         *     {@code mail.smtp.from} or {@code mail.from} is not a valid address, or if the sender is not ASCII and
         *     the session lacks {@code mail.mime.allowutf8=true}
         */
        public AddressVerifier build() {
            String from = mailFrom.orElseGet(this::sessionMailFrom);
            if (!from.isEmpty()) ProbeCommands.checkAddress(from, Boolean.parseBoolean(
                    session.getProperty("mail.mime.allowutf8")));
            return new AddressVerifier(session, new ProberPool.Settings(method, from, new MailerSessions.Timeouts(
                    connectTimeout, readTimeout, writeTimeout), credentials, maxConnections, maxIdle));
        }

        /** {@code mail.<protocol>.from}, else the address of {@code mail.from}, else the null reverse-path. */
        private String sessionMailFrom() {
            String protocol = Optional.ofNullable(session.getProperty("mail.transport.protocol")).orElse("smtp");
            String key = "mail." + protocol + ".from";
            String envelopeFrom = session.getProperty(key);
            if (envelopeFrom != null) return reversePath(envelopeFrom.strip(), key);
            String from = session.getProperty("mail.from");
            if (from == null) return "";
            try {
                return reversePath(new InternetAddress(from).getAddress(), "mail.from");
            } catch (AddressException e) {
                throw new IllegalArgumentException("mail.from is not a valid address: " + from, e);
            }
        }

        private static String reversePath(String address, String name) {
            String path = address.equals("<>") ? "" : address;
            if (path.isEmpty() || ForwardPath.isValidMailbox(path)) return path;
            throw new IllegalArgumentException(name + " must be a mailbox (local@domain, without <>) or \"\" for"
                    + " the null reverse-path: " + address);
        }

        private static Duration positive(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive: " + d);
            return d;
        }
    }
}
