package org.mailoutcome.jakarta.internal;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.event.TransportListener;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.PropUtil;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.internal.wire.Wire;
import org.mailoutcome.jakarta.internal.wire.WireSocket;

/**
 * Angus's SMTP transport, recording every command and its exact reply ({@code sendCommand} and
 * {@code readServerResponse} are the two hooks Angus offers, ST:1898-1900). Registered as the {@code smtp}
 * provider of the mailer's own sessions; works with the static {@code Transport.send} too.
 *
 * <p>In the mailer's sessions it also connects over a socket the mailer opened ({@link #open}, {@link Wire}),
 * writes pipelined transactions in one flight ({@link Flight}) and sends the content of a {@code BDAT} message
 * itself ({@link BdatContent}): Angus's own BDAT stream stuffs dots and keeps a chunk-sized buffer per message.
 */
public class RecordingTransport extends SMTPTransport {
    private final Transcript transcript = new Transcript();
    private volatile boolean connectedLocally;
    private final AtomicInteger listeners = new AtomicInteger();
    private final Queue<DeliveryReport> reportsForListeners = new ConcurrentLinkedQueue<>();
    private List<InternetAddress> envelope = List.of();
    /** Set while a reply is read: Angus may send QUIT from inside (garbage reply); that is not part of the dialogue. */
    private boolean reading;
    /** The content buffer of the message being written, between {@link #data()} and {@link #finishData()}. */
    private final BodyBuffer body = new BodyBuffer();
    private final BdatContent content = new BdatContent(BdatContent.CHUNK);
    private EndOfData beforeEndOfData = EndOfData.NONE;
    /** The tracked send's envelope sender and DSN parameters, between {@link #parameters} calls; else null. */
    private volatile MailParameters parameters;
    private final Optional<Pipelining> pipelining;
    private final Optional<Wire> wire;
    /** Whether Angus hands CHUNKING servers' messages to {@link #bdat()} ({@code chunksize} set by the mailer). */
    private final boolean chunking;
    private final Flight flight;
    private final String protocol;
    private final boolean sslProtocol;
    /** The socket the mailer opened for the current connection; null when none. */
    private WireSocket socket;
    private Optional<Credentials> credentials = Optional.empty();
    private AuthenticationFailedException authFailure;

    /**
     * The constructor Jakarta Mail calls for the {@code smtp} protocol.
     *
     * @param session the session
     * @param urlname the URL name
     */
    public RecordingTransport(Session session, URLName urlname) {
        this(session, urlname, "smtp", false);
    }

    /** For subclasses with another protocol name. */
    protected RecordingTransport(Session session, URLName urlname, String name, boolean isSSL) {
        super(session, urlname, name, isSSL);
        this.protocol = name;
        this.sslProtocol = isSSL;
        this.pipelining = Pipelining.of(session);
        this.wire = Wire.of(session);
        this.chunking = PropUtil.getIntProperty(session.getProperties(), "mail." + name + ".chunksize", -1) > 0;
        this.flight = new Flight(new Flight.Link() {
            @Override
            public void send(String command) throws MessagingException {
                RecordingTransport.super.sendCommand(command);
            }

            @Override
            public void write(byte[] bytes, int length) throws IOException {
                if (socket == null) throw new IOException("no connection of the mailer's own to write content to");
                socket.applicationOutput().write(bytes, 0, length);
            }

            @Override
            public void hold() {
                if (socket != null) socket.hold();
            }

            @Override
            public void release() throws IOException {
                if (socket != null) socket.release();
            }

            @Override
            public void discard() {
                if (socket != null) socket.discardHeld();
            }

            @Override
            public ReadReply read() {
                return readReply();
            }
        }, transcript);
    }

    /** The transcript; read it only on the thread that uses this transport. */
    public Transcript transcript() {
        return transcript;
    }

    /**
     * Whether the transport believes it is connected, without the NOOP round trip of {@link #isConnected()}
     * (which would also overwrite the last reply).
     */
    public boolean isConnectedLocally() {
        return connectedLocally;
    }

    /**
     * Connects: over a socket of the session's {@link Wire} (the mailer's sessions), else as Angus connects.
     * Builder credentials, if any, are used for AUTH; else the session's user and authenticator.
     *
     * @param credentials the builder's credentials
     * @throws MessagingException as Angus's {@code connect} throws it ({@code MailConnectException} when no
     *     connection could be made)
     */
    public synchronized void open(Optional<Credentials> credentials) throws MessagingException {
        this.credentials = credentials;
        this.authFailure = null;
        if (wire.isEmpty()) {
            if (credentials.isPresent()) connect(credentials.get().user(), credentials.get().password());
            else connect();
            return;
        }
        Wire.Opened opened;
        try {
            opened = wire.get().open(protocol, sslProtocol);
        } catch (SocketConnectException e) {
            throw new MailConnectException(e);
        } catch (UnknownHostException e) {
            throw new MessagingException("Unknown SMTP host: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MessagingException("Could not connect to SMTP host: " + e.getMessage(), e);
        }
        socket = opened.wire();
        try {
            connect(opened.socket());
        } catch (MessagingException | RuntimeException e) {
            if (!connectedLocally) closeQuietly(opened.socket());
            throw e;
        }
    }

    private static void closeQuietly(java.net.Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing a connection that failed to start
        }
    }

    /**
     * Angus's protocol start on the opened socket, with the builder's credentials. After a failed AUTH, Jakarta Mail
     * asks the authenticator and tries again; Angus would then open a connection of its own, around the mailer's
     * settings: the first failure is thrown instead.
     */
    @Override
    protected synchronized boolean protocolConnect(String host, int port, String user, String password)
            throws MessagingException {
        if (authFailure != null) throw authFailure;
        String u = credentials.map(Credentials::user).orElse(user);
        String p = credentials.map(Credentials::password).orElse(password);
        try {
            return super.protocolConnect(host, port, u, p);
        } catch (AuthenticationFailedException e) {
            if (socket != null) authFailure = e;
            throw e;
        }
    }

    /**
     * The envelope sender and DSN parameters of the next messages (a tracked send), or null for none.
     *
     * @param parameters the parameters, or null
     */
    public void parameters(MailParameters parameters) {
        this.parameters = parameters;
    }

    /** Records the transcript of this message alone; the envelope is kept for the listener's report. */
    @Override
    public synchronized void sendMessage(Message message, Address[] addresses) throws MessagingException {
        transcript.clear();
        envelope = internetAddresses(addresses);
        flight.begin(pipelining, supportsExtension("PIPELINING"));
        try {
            super.sendMessage(message, addresses);
        } finally {
            flight.end();
        }
    }

    /**
     * Whether the connection holds no reply left unread and nothing went wrong on it out of Angus's sight (in a
     * flight's replies Angus did not read).
     */
    public boolean isClean() {
        return flight.isClean();
    }

    /**
     * Whether the next message would go in one flight with its content (BDAT): the mailer pipelines and uses BDAT,
     * and the server offers PIPELINING and CHUNKING.
     */
    public boolean sendsContentInFlight() {
        return socket != null && chunking && pipelining.map(Pipelining::isOn).orElse(false)
                && supportsExtension("PIPELINING") && supportsExtension("CHUNKING");
    }

    /** Whether the server answers NOOP with 250 (a connection it dropped does not); the transcript is cleared. */
    public boolean answersNoop() {
        try {
            return simpleCommand("NOOP") == 250;
        } catch (MessagingException | RuntimeException e) {
            return false;
        } finally {
            transcript.clear();
        }
    }

    /**
     * Whether the last message was abandoned before anything of it was written, because Angus wrote it in a shape
     * the pipelined flight did not expect: the mailer is now in lock-step and the message is to be sent again.
     */
    public boolean takeMisfit() {
        return flight.takeMisfit();
    }

    /** The content goes through a {@link BodyBuffer}: Angus writes a text body a byte at a time. */
    @Override
    protected OutputStream data() throws MessagingException {
        return body.attach(super.data());
    }

    /** Called before the final {@code "."} (or {@code BDAT LAST}) of the next messages, until set back to NONE. */
    public void beforeEndOfData(EndOfData hook) {
        this.beforeEndOfData = hook;
    }

    /** Hands the rest of the content to Angus, then runs the hook, before Angus ends the data with {@code "."}. */
    @Override
    protected void finishData() throws IOException, MessagingException {
        body.drain();
        runBeforeEndOfData();
        super.finishData();
    }

    private void runBeforeEndOfData() throws EndOfDataRefused {
        try {
            beforeEndOfData.run();
        } catch (IOException e) {
            throw new EndOfDataRefused(e);
        }
    }

    /** The content of a BDAT message: collected here, sent by the flight (in chunks when it is big). */
    @Override
    protected OutputStream bdat() throws MessagingException {
        if (socket == null) throw new MessagingException("BDAT needs the mailer's own connection");
        return body.attach(content.start(flight.startContent()));
    }

    /** Ends the content, runs the hook, then sends {@code BDAT <size> LAST} (with the flight, if one is held). */
    @Override
    protected void finishBdat() throws IOException, MessagingException {
        try {
            body.drain();
            content.end();
            try {
                runBeforeEndOfData();
            } catch (EndOfDataRefused e) {
                flight.notSent(e);
                throw e;
            }
            flight.endContent(content);
        } finally {
            content.clear();
        }
    }

    /** A step before the end of data; an exception stops the message before it is complete. */
    @FunctionalInterface
    public interface EndOfData {
        /** Does nothing. */
        EndOfData NONE = () -> {
        };

        /** Runs the step; an IOException aborts the transaction. */
        void run() throws IOException;
    }

    /**
     * The report of the message an event is about, for {@code OutcomeTransportListener}: events are dispatched
     * later on another thread, in the order the sends happened.
     */
    public Optional<DeliveryReport> nextReportForListeners() {
        return Optional.ofNullable(reportsForListeners.poll());
    }

    @Override
    protected void notifyTransportListeners(int type, Address[] validSent, Address[] validUnsent, Address[] invalid,
            Message msg) {
        if (listeners.get() > 0) {
            reportsForListeners.add(ReportBuilder.report(envelope, transcript.exchanges(), Failure.NONE,
                    Optional.empty()));
        }
        super.notifyTransportListeners(type, validSent, validUnsent, invalid, msg);
    }

    @Override
    public synchronized void addTransportListener(TransportListener l) {
        listeners.incrementAndGet();
        super.addTransportListener(l);
    }

    @Override
    public synchronized void removeTransportListener(TransportListener l) {
        listeners.decrementAndGet();
        super.removeTransportListener(l);
    }

    private static List<InternetAddress> internetAddresses(Address[] addresses) {
        List<InternetAddress> list = new ArrayList<>();
        if (addresses != null) {
            for (Address a : addresses) if (a instanceof InternetAddress ia) list.add(ia);
        }
        return list;
    }

    @Override
    protected synchronized void setConnected(boolean connected) {
        super.setConnected(connected);
        connectedLocally = connected;
        flight.connectionChanged();
        if (!connected) socket = null;
    }

    @Override
    protected void sendCommand(String command) throws MessagingException {
        if (reading) {
            super.sendCommand(command);
            return;
        }
        MailParameters tracked = parameters;
        String cmd = tracked == null ? command : tracked.apply(command, supportsExtension("DSN"));
        if (flight.hold(cmd)) return;
        transcript.commandSent(cmd);
        try {
            super.sendCommand(cmd);
        } catch (MessagingException | RuntimeException e) {
            transcript.commandFailed(e);
            throw e;
        }
    }

    @Override
    protected int readServerResponse() throws MessagingException {
        if (flight.isComposing()) return flight.answer();
        ReadReply reply = readReply();
        transcript.replied(reply);
        if (reply.failure().isPresent()) throw reply.failure().get();
        return reply.code();
    }

    /** One reply, read by Angus; a connection Angus already closed (after garbage) gives none. */
    private ReadReply readReply() {
        if (socket != null && socket.isClosed()) {
            return ReadReply.closed("connection closed (after an unparseable reply, or a write timeout)");
        }
        int code;
        reading = true;
        try {
            code = super.readServerResponse();
        } catch (MessagingException e) {
            return ReadReply.failed(e);
        } catch (RuntimeException e) {
            return ReadReply.failed(new MessagingException("Exception reading response", e));
        } finally {
            reading = false;
        }
        String raw = stripFinalNewline(getLastServerResponse());
        if (code == -1 && raw.equals("[EOF]")) return ReadReply.closed(ReadReply.CLOSED);
        if (code == -1 && endsMidReply(raw)) return ReadReply.closed("connection closed mid-reply");
        return ReadReply.of(code, raw);
    }

    /** Angus ends every reply with a newline; the transcript keeps lines joined by {@code \n} without it. */
    private static String stripFinalNewline(String raw) {
        return raw != null && raw.endsWith("\n") ? raw.substring(0, raw.length() - 1) : raw == null ? "" : raw;
    }

    /** A reply whose last line is a continuation line ({@code 250-}): the server hung up in the middle. */
    private static boolean endsMidReply(String raw) {
        int start = raw.lastIndexOf('\n') + 1;
        return raw.length() - start >= 4 && raw.charAt(start + 3) == '-';
    }

    /** The {@code smtps} flavour: TLS from the first byte. */
    public static final class Ssl extends RecordingTransport {
        /**
         * The constructor Jakarta Mail calls for the {@code smtps} protocol.
         *
         * @param session the session
         * @param urlname the URL name
         */
        public Ssl(Session session, URLName urlname) {
            super(session, urlname, "smtps", true);
        }
    }
}
