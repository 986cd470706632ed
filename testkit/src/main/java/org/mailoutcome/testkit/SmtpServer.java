package org.mailoutcome.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.mailoutcome.testkit.internal.Acceptor;
import org.mailoutcome.testkit.internal.ClientProperties;
import org.mailoutcome.testkit.internal.Credentials;
import org.mailoutcome.testkit.internal.Recordings;
import org.mailoutcome.testkit.internal.Script;
import org.mailoutcome.testkit.internal.ServerConfig;
import org.mailoutcome.testkit.internal.ServerContext;
import org.mailoutcome.testkit.internal.TlsContexts;

/**
 * A scriptable SMTP server on {@code 127.0.0.1} and an ephemeral port, for tests.
 *
 * <p>Without rules it behaves like an ordinary accepting server with Postfix's phrasing (greeting
 * {@code 220 testkit.local ESMTP mail-outcome testkit}, {@code 250 2.1.5 Ok} to every {@code RCPT},
 * {@code 250 2.0.0 Ok: queued as <id>} after the data, and so on). {@link #on(Verb, String)} scripts any reply or
 * fault; {@link #messages()} and {@link #sessions()} tell what the server really received.
 *
 * <pre>{@code
 * try (SmtpServer server = SmtpServer.start()) {
 *     server.on(Verb.RCPT, "moved@example.test").reply("551 5.1.6 User not local; please try <new@example.net>");
 *     Session session = Session.getInstance(server.clientProperties());
 *     // ... send with Jakarta Mail ...
 *     assertThat(server.messages()).hasSize(1);
 * }
 * }</pre>
 *
 * <p>Safe for concurrent clients and for use from any thread; rules may be added while clients are connected. Every
 * thread is a daemon thread; {@link #close()} ends them all.
 */
public final class SmtpServer implements AutoCloseable {

    private final ServerConfig config;
    private final Script script = new Script();
    private final Recordings recordings = new Recordings();
    private final Acceptor acceptor;

    private SmtpServer(ServerConfig config) throws IOException {
        this.config = config;
        ServerContext context = new ServerContext(config, script, recordings,
                config.starttls() ? Optional.of(TlsContexts.server()) : Optional.empty());
        this.acceptor = Acceptor.start(context);
    }

    /**
     * Starts a server with the default options.
     *
     * @return the running server
     * @throws UncheckedIOException if no port can be bound
     */
    public static SmtpServer start() {
        return builder().start();
    }

    /**
     * Starts building a server with non-default options.
     *
     * @return a builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the address the server listens on: {@code "127.0.0.1"}} */
    public String host() {
        return "127.0.0.1";
    }

    /** {@return the port the server listens on, chosen by the system at start} */
    public int port() {
        return acceptor.port();
    }

    /**
     * Starts a rule for every occurrence of a verb, whatever its argument.
     *
     * @param verb the command or event to script
     * @return the rule, to be finished with an action
     */
    public Rule on(Verb verb) {
        return new Rule(script, verb, Optional.empty());
    }

    /**
     * Starts a rule for a verb whose argument matches a pattern. The pattern is a case-insensitive glob over the
     * whole argument, where {@code *} matches any characters ({@code "*@other.test"}). It is matched against the
     * address inside {@code <>} for {@link Verb#MAIL} and {@link Verb#RCPT} ({@code ""} for {@code <>}); the
     * argument without surrounding {@code <>} for {@link Verb#VRFY} and {@link Verb#EXPN}; the whole command line
     * for {@link Verb#UNKNOWN}; the argument as sent for the other commands ({@code "PLAIN*"} for {@code AUTH},
     * {@code "* LAST"} for {@code BDAT}) and for {@link Verb#MESSAGE_DATA} of a chunk; and {@code ""} for the other
     * events.
     *
     * @param verb the command or event to script
     * @param argumentPattern the glob; {@code null} matches any argument
     * @return the rule, to be finished with an action
     */
    public Rule on(Verb verb, String argumentPattern) {
        return new Rule(script, verb, Optional.ofNullable(argumentPattern));
    }

    /**
     * Snapshots of every session since start or the last {@link #reset()}, in the order they were accepted.
     *
     * @return the sessions
     */
    public List<SmtpSession> sessions() {
        return recordings.sessions();
    }

    /**
     * The messages received since start or the last {@link #reset()}, in the order they were recorded. A message is
     * recorded before the reply to its end of data is written, so a client that got that reply finds it here.
     *
     * @return the messages
     */
    public List<ReceivedMessage> messages() {
        return recordings.messages();
    }

    /**
     * Waits until at least {@code count} messages have been recorded, without sleeping.
     *
     * @param count the number of messages to wait for
     * @param timeout how long to wait
     * @return all messages recorded, at least {@code count}
     * @throws AssertionError if fewer were recorded within {@code timeout}, listing those that were
     */
    public List<ReceivedMessage> awaitMessages(int count, Duration timeout) {
        return recordings.awaitMessages(count, Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * The client connections open now. A connection the server closes ({@code QUIT}, a scripted close, the read
     * timeout) is half-closed, and counts as open until the client closes too (for at most 2 seconds, discarding
     * what it still sends), so such a client fails the same way on every run instead of racing a reset.
     *
     * @return the count
     */
    public int openConnections() {
        return recordings.openConnections();
    }

    /**
     * The client connections accepted since start or the last {@link #reset()}.
     *
     * @return the count
     */
    public int connectionsAccepted() {
        return recordings.connectionsAccepted();
    }

    /**
     * Waits until exactly {@code count} connections are open, for example 0 after a client closed its pool: the
     * server sees a client close asynchronously.
     *
     * @param count the number of open connections to wait for
     * @param timeout how long to wait
     * @throws AssertionError if the count was not reached within {@code timeout}
     */
    public void awaitOpenConnections(int count, Duration timeout) {
        recordings.awaitOpenConnections(count, Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * Removes every rule and forgets every session, message and the accepted-connection count; keeps the options
     * and the open connections (which go on with the default replies). A fence: a message whose {@code MAIL} came
     * before the reset is never recorded, even if its end of data completes after it (a held reply, say).
     */
    public void reset() {
        script.clear();
        recordings.clear();
    }

    /**
     * Jakarta Mail session properties for a client of this server: {@code mail.smtp.host} and {@code port},
     * {@code mail.smtp.localhost=localhost} (no reverse lookup), 10 s {@code connectiontimeout} and {@code timeout}
     * (Angus waits forever by default), and with STARTTLS {@code mail.smtp.starttls.enable=true} and
     * {@code mail.smtp.ssl.trust=127.0.0.1} ({@code starttls.required} too with {@link Builder#requireTls(boolean)}),
     * with AUTH {@code mail.smtp.auth=true}. The caller may change them.
     *
     * @return a new properties object
     */
    public Properties clientProperties() {
        return ClientProperties.of(config, host(), port());
    }

    /**
     * Stops accepting, closes every client connection (held replies included) and waits for the server's threads to
     * end. Idempotent.
     */
    @Override
    public void close() {
        acceptor.close();
    }

    /** {@return host, port and hostname} */
    @Override
    public String toString() {
        return "SmtpServer[" + host() + ":" + port() + ", " + config.hostname() + "]";
    }

    /**
     * Options of a server; {@link #start()} may be called more than once, each time starting a new server. Setters
     * check their own argument; {@link #start()} checks how they combine.
     */
    public static final class Builder {

        private String hostname = "testkit.local";
        private boolean pipelining;
        private boolean chunking;
        private long maxMessageSize = 10_240_000;
        private int maxRecipients = 1000;
        private boolean starttls;
        private boolean requireTls;
        private Optional<Credentials> credentials = Optional.empty();
        private boolean requireAuth;
        private Duration readTimeout = Duration.ofSeconds(60);
        private ReplyPackets replyPackets = ReplyPackets.ONE_PER_REPLY;

        private Builder() {
        }

        /**
         * Sets the name in the greeting and the EHLO reply; default {@code testkit.local}.
         *
         * @param hostname a name without blanks
         * @return this builder
         * @throws IllegalArgumentException if {@code hostname} is empty or holds whitespace
         */
        public Builder hostname(String hostname) {
            require(!hostname.isEmpty() && hostname.chars().noneMatch(Character::isWhitespace),
                    "hostname must be non-empty without whitespace: " + hostname);
            this.hostname = hostname;
            return this;
        }

        /**
         * Sets whether EHLO advertises {@code PIPELINING}; default {@code false}. Pipelined commands are always
         * answered in order.
         *
         * @param pipelining whether to advertise it
         * @return this builder
         */
        public Builder pipelining(boolean pipelining) {
            this.pipelining = pipelining;
            return this;
        }

        /**
         * Sets whether EHLO advertises {@code CHUNKING} (RFC 3030) and {@code BDAT} is accepted; default
         * {@code false}, as for every extension beyond the base. Each chunk is read as exactly the octets announced,
         * then answered; the chunks make one {@link ReceivedMessage} as {@code DATA} does. Without it {@code BDAT}
         * gets {@code 521 5.5.1 Error: command not implemented} and a close, as from Postfix. Angus sends
         * {@code BDAT} only with {@code mail.smtp.chunksize} set, which {@link SmtpServer#clientProperties()}
         * leaves unset.
         *
         * @param chunking whether to offer it
         * @return this builder
         */
        public Builder chunking(boolean chunking) {
            this.chunking = chunking;
            return this;
        }

        /**
         * Sets the size limit advertised as {@code SIZE n}; default 10,240,000 (Postfix's). A larger {@code SIZE=}
         * and message data over it get {@code 552 5.3.4 Message size exceeds fixed limit}, a {@code BDAT} chunk that
         * takes the message over it {@code 552 5.3.4 Chunk exceeds message size limit}; data past it is not kept.
         *
         * @param bytes the limit, at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code bytes < 1}
         */
        public Builder maxMessageSize(long bytes) {
            require(bytes >= 1, "maxMessageSize must be >= 1: " + bytes);
            this.maxMessageSize = bytes;
            return this;
        }

        /**
         * Sets how many recipients one transaction may have; default 1000. Each further {@code RCPT} gets
         * {@code 452 4.5.3 Error: too many recipients}.
         *
         * @param max the limit, at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code max < 1}
         */
        public Builder maxRecipients(int max) {
            require(max >= 1, "maxRecipients must be >= 1: " + max);
            this.maxRecipients = max;
            return this;
        }

        /**
         * Sets whether STARTTLS is offered, with a self-signed certificate for {@code 127.0.0.1} and
         * {@code localhost} made at start with the JDK's {@code keytool}; default {@code false}.
         *
         * @param starttls whether to offer it
         * @return this builder
         */
        public Builder starttls(boolean starttls) {
            this.starttls = starttls;
            return this;
        }

        /**
         * Sets whether {@code MAIL} and {@code AUTH} need STARTTLS first ({@code 530 5.7.0 Must issue a STARTTLS
         * command first}; AUTH is then advertised only after TLS); default {@code false}. Needs
         * {@link #starttls(boolean)}.
         *
         * @param requireTls whether TLS is required
         * @return this builder
         */
        public Builder requireTls(boolean requireTls) {
            this.requireTls = requireTls;
            return this;
        }

        /**
         * Offers {@code AUTH PLAIN LOGIN} and accepts this one user: good credentials get
         * {@code 235 2.7.0 Authentication successful}, bad ones {@code 535 5.7.8 Error: authentication failed}.
         *
         * @param user the user name, not empty
         * @param password the password
         * @return this builder
         * @throws IllegalArgumentException if {@code user} is empty
         */
        public Builder auth(String user, String password) {
            require(!user.isEmpty(), "user must not be empty");
            this.credentials = Optional.of(new Credentials(user, Objects.requireNonNull(password, "password")));
            return this;
        }

        /**
         * Sets whether {@code MAIL} needs AUTH first ({@code 530 5.7.0 Authentication required}); default
         * {@code false}. Needs {@link #auth(String, String)}.
         *
         * @param requireAuth whether AUTH is required
         * @return this builder
         */
        public Builder requireAuth(boolean requireAuth) {
            this.requireAuth = requireAuth;
            return this;
        }

        /**
         * Sets how long the server waits for a line from a client before it writes
         * {@code 421 4.4.2 <hostname> Error: timeout exceeded} and closes; default 60 s, so abandoned connections do
         * not stay open.
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if {@code timeout} is zero or negative
         */
        public Builder readTimeout(Duration timeout) {
            require(!timeout.isNegative() && !timeout.isZero(), "readTimeout must be positive: " + timeout);
            this.readTimeout = timeout;
            return this;
        }

        /**
         * Sets how replies are written: one write each (the default), coalesced while pipelined input waits, or
         * fragmented into pieces of a few bytes.
         *
         * @param packets the mode
         * @return this builder
         */
        public Builder replyPackets(ReplyPackets packets) {
            this.replyPackets = Objects.requireNonNull(packets, "packets");
            return this;
        }

        /**
         * Starts a server with these options.
         *
         * @return the running server
         * @throws IllegalStateException if {@code requireTls} is set without {@code starttls}, or {@code requireAuth}
         *     without {@code auth}
         * @throws UncheckedIOException if no port can be bound
         */
        public SmtpServer start() {
            try {
                return new SmtpServer(new ServerConfig(hostname, pipelining, chunking, maxMessageSize, maxRecipients,
                        starttls, requireTls, credentials, requireAuth, readTimeout, replyPackets));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the test SMTP server", e);
            }
        }

        private static void require(boolean valid, String message) {
            if (!valid) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
