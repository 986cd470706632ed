package org.mailoutcome.bounce.tracking;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.mailoutcome.bounce.tracking.internal.MailboxPass;
import org.mailoutcome.bounce.tracking.internal.MailboxSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the mailbox that bounces come back to (an IMAP folder, read with Angus IMAP) and ingests every new message
 * with a {@link DeliveryTracker}.
 *
 * <pre>{@code
 * try (BounceMailbox mailbox = BounceMailbox.builder(imapSession, tracker)
 *         .credentials("bounces@example.com", password)
 *         .folder("INBOX").marking(Marking.moveTo("Processed")).build()) {
 *     mailbox.start();          // a thread of its own: IDLE where the server offers it, else polling
 *     ...
 * }
 * }</pre>
 *
 * <p><b>At least once, never twice in effect.</b> A message is marked processed ({@link Marking}: a keyword, or a
 * move to another folder) only after the tracker has ingested it and the store has recorded what it changed.
 * A message whose ingestion fails (the store is down, the message cannot be read) stays unmarked and is tried
 * again by the next pass. If the process dies between ingesting a message and marking it, the message is
 * ingested again after the restart: the store remembers each notice per recipient (by its Message-ID, else a
 * digest), so fates do not change twice and {@code onBounced}, {@code onDelayed}, {@code onDelivered} and
 * {@code onAddressMoved} are not called again; {@code onUnmatched}, {@code onComplaint} and {@code onIgnored},
 * which record nothing, are. With the in-memory store a restart forgets the sends themselves: use a durable
 * store when bounces must survive one.
 *
 * <p><b>Waiting.</b> Where the server offers IDLE (RFC 2177) the mailbox idles and wakes when mail arrives, and
 * at least every {@link Builder#pollInterval(Duration) poll interval} (servers drop a long IDLE); elsewhere it
 * polls at that interval. A lost connection is logged and reopened at the next interval.
 *
 * <p><b>Timeouts.</b> Where the session sets none, connecting and writing time out after 30 s and reading after the
 * poll interval plus 30 s (Angus's own defaults are infinite).
 *
 * <p>One mailbox per folder: two processes reading the same folder would ingest the same messages (harmlessly,
 * see above) and race to mark them.
 */
public final class BounceMailbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BounceMailbox.class);
    /** The shortest poll interval. */
    public static final Duration MIN_POLL_INTERVAL = Duration.ofMillis(100);
    /** The longest poll interval (RFC 2177 asks clients to renew IDLE within 29 minutes). */
    public static final Duration MAX_POLL_INTERVAL = Duration.ofMinutes(29);

    private final Builder options;
    private final Session session;
    private final MailboxPass pass;
    private final ScheduledExecutorService timer;
    private final Object lock = new Object();
    private volatile Store store;
    private volatile Folder folder;
    private Thread thread;
    private volatile boolean closed;

    private BounceMailbox(Builder b) {
        this.options = b;
        this.session = MailboxSessions.create(b.session, b.pollInterval);
        this.pass = new MailboxPass(b.tracker, b.marking);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mail-outcome-bounce-mailbox-timer");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * A builder for a mailbox read through the session's IMAP settings ({@code mail.imap.host}, ...).
     *
     * @param session the session; {@code mail.store.protocol} chooses {@code imap} (default) or {@code imaps}
     * @param tracker the tracker that ingests each message
     * @return the builder
     */
    public static Builder builder(Session session, DeliveryTracker tracker) {
        return new Builder(session, tracker);
    }

    /**
     * One pass on the calling thread: connects if needed, then ingests and marks every message not yet marked.
     * For applications that schedule reading themselves; do not mix with {@link #start()}.
     *
     * @return how many messages were ingested
     * @throws MessagingException when the mailbox cannot be reached or read (the connection is reopened next time)
     */
    public int poll() throws MessagingException {
        synchronized (lock) {
            if (closed) throw new IllegalStateException("bounce mailbox is closed");
            try {
                return pass.run(openFolder());
            } catch (MessagingException | RuntimeException e) {
                disconnect();
                throw e;
            }
        }
    }

    /**
     * Reads the folder on a daemon thread of its own until {@link #close()}: a pass, then IDLE or a wait of the
     * poll interval, and again. Failures are logged (WARN) and retried after the poll interval.
     *
     * @throws IllegalStateException when started already or closed
     */
    public void start() {
        synchronized (lock) {
            if (closed || thread != null) throw new IllegalStateException("bounce mailbox already started or closed");
            thread = new Thread(this::loop, "mail-outcome-bounce-mailbox");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Stops the thread, if started, and closes the connection. */
    @Override
    public void close() {
        closed = true;
        Thread t;
        synchronized (lock) {
            t = thread;
            lock.notifyAll();
        }
        if (t != null) {
            wake();
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        timer.shutdownNow();
        synchronized (lock) {
            disconnect();
        }
    }

    private void loop() {
        while (!closed) {
            boolean idled = false;
            try {
                poll();
                idled = idleOnce();
            } catch (MessagingException | RuntimeException e) {
                if (!closed) LOG.warn("bounce mailbox {}: {}; trying again in {}", options.folderName, e.toString(),
                        options.pollInterval);
            }
            if (!idled) waitInterval();
        }
    }

    /** Idles until mail arrives or the interval passes; false when the server offers no IDLE. */
    private boolean idleOnce() throws MessagingException {
        IMAPFolder imap;
        synchronized (lock) {
            if (!options.idle || closed || !(folder instanceof IMAPFolder f) || !(store instanceof IMAPStore s)
                    || !s.hasCapability("IDLE")) {
                return false;
            }
            imap = f;
        }
        ScheduledFuture<?> wakeUp = timer.schedule(this::wake, options.pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        try {
            imap.idle(true);
        } finally {
            wakeUp.cancel(false);
        }
        return true;
    }

    /** Ends an IDLE in progress: any command on the folder from another thread aborts it (Angus IMAPFolder). */
    private void wake() {
        Folder f = folder;
        if (f instanceof IMAPFolder imap && imap.isOpen()) {
            try {
                imap.doCommand(protocol -> {
                    protocol.noop();
                    return null;
                });
            } catch (MessagingException | RuntimeException e) {
                LOG.debug("bounce mailbox: wake-up NOOP failed: {}", e.toString());
            }
        }
    }

    private void waitInterval() {
        synchronized (lock) {
            if (closed) return;
            try {
                lock.wait(options.pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
            }
        }
    }

    private Folder openFolder() throws MessagingException {
        if (store == null || !store.isConnected()) {
            disconnect();
            String protocol = session.getProperty("mail.store.protocol");
            store = session.getStore(protocol == null ? "imap" : protocol);
            if (options.user.isPresent()) store.connect(options.user.get(), options.password);
            else store.connect();
        }
        if (folder == null || !folder.isOpen()) {
            folder = store.getFolder(options.folderName);
            folder.open(Folder.READ_WRITE);
        }
        return folder;
    }

    private void disconnect() {
        try {
            if (folder != null && folder.isOpen()) folder.close(false);
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("bounce mailbox: closing the folder: {}", e.toString());
        }
        try {
            if (store != null) store.close();
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("bounce mailbox: closing the store: {}", e.toString());
        }
        folder = null;
        store = null;
    }

    /** Options of a {@link BounceMailbox}. */
    public static final class Builder {
        private final Session session;
        private final DeliveryTracker tracker;
        private String folderName = "INBOX";
        private Marking marking = Marking.keyword(Marking.DEFAULT_KEYWORD);
        private Duration pollInterval = Duration.ofSeconds(60);
        private boolean idle = true;
        private Optional<String> user = Optional.empty();
        private String password;

        private Builder(Session session, DeliveryTracker tracker) {
            this.session = Objects.requireNonNull(session, "session");
            this.tracker = Objects.requireNonNull(tracker, "tracker");
        }

        /**
         * The folder bounces arrive in; default {@code INBOX}.
         *
         * @param name the folder's full name
         * @return this builder
         */
        public Builder folder(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) throw new IllegalArgumentException("folder must not be blank");
            this.folderName = name;
            return this;
        }

        /**
         * How an ingested message is marked; default the keyword {@value Marking#DEFAULT_KEYWORD}.
         *
         * @param marking the marking
         * @return this builder
         */
        public Builder marking(Marking marking) {
            this.marking = Objects.requireNonNull(marking, "marking");
            return this;
        }

        /**
         * The longest wait between passes (polling, or renewing IDLE); default 60 s.
         *
         * @param interval between {@link #MIN_POLL_INTERVAL} and {@link #MAX_POLL_INTERVAL}
         * @return this builder
         */
        public Builder pollInterval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.compareTo(MIN_POLL_INTERVAL) < 0 || interval.compareTo(MAX_POLL_INTERVAL) > 0) {
                throw new IllegalArgumentException("pollInterval must be within " + MIN_POLL_INTERVAL + " and "
                        + MAX_POLL_INTERVAL + ": " + interval);
            }
            this.pollInterval = interval;
            return this;
        }

        /**
         * Whether to use IDLE where the server offers it; default true. Off: poll only.
         *
         * @param on true to idle
         * @return this builder
         */
        public Builder idle(boolean on) {
            this.idle = on;
            return this;
        }

        /**
         * The IMAP login; without it the session's {@code mail.imap.user} and authenticator are used. The password
         * is never logged.
         *
         * @param user the user
         * @param password the password
         * @return this builder
         */
        public Builder credentials(String user, String password) {
            this.user = Optional.of(Objects.requireNonNull(user, "user"));
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * Builds the mailbox; nothing is connected until {@link #poll()} or {@link #start()}.
         *
         * @return the mailbox
         */
        public BounceMailbox build() {
            return new BounceMailbox(this);
        }
    }
}
