package org.mailoutcome.jakarta.internal;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.event.TransportListener;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.mailoutcome.jakarta.DeliveryReport;

/**
 * Angus's SMTP transport, recording every command and its exact reply ({@code sendCommand} and
 * {@code readServerResponse} are the two hooks Angus offers, ST:1898-1900). Registered as the {@code smtp}
 * provider of the mailer's own sessions; works with the static {@code Transport.send} too.
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
    private EndOfData beforeEndOfData = EndOfData.NONE;
    /** The tracked send's envelope sender and DSN parameters, between {@link #parameters} calls; else null. */
    private volatile MailParameters parameters;
    private final Pipeline pipeline = new Pipeline();
    private final StreamProviderShortcut streamProviders = new StreamProviderShortcut();
    private final Pipeline.Wire wire = new Pipeline.Wire() {
        @Override
        public void write(String command) throws MessagingException {
            RecordingTransport.super.sendCommand(command);
        }

        @Override
        public int read() throws MessagingException {
            return RecordingTransport.super.readServerResponse();
        }

        @Override
        public String lastReply() {
            String reply = getLastServerResponse();
            return reply == null ? "" : reply;
        }
    };
    private final String protocol;
    private final boolean pipelining;

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
        this.pipelining = Boolean.parseBoolean(session.getProperty(PIPELINING_PROPERTY));
    }

    /**
     * The session property that turns pipelining on ({@code "true"}): set by the mailer's sessions from
     * {@code OutcomeMailerBuilder.pipelining}, absent (off) for sessions set up by {@code OutcomeTransportListener}.
     */
    public static final String PIPELINING_PROPERTY = "mail-outcome.pipelining";

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
        if (pipelining && supportsExtension("PIPELINING")) {
            boolean dsn = supportsExtension("DSN");
            MailParameters tracked = parameters;
            // The RCPTs written ahead must be the very commands sendCommand will see: tracked ones rewritten too.
            pipeline.plan(PipelinedEnvelope.rcptCommands(message, addresses, dsn,
                    session.getProperty("mail." + protocol + ".dsn.notify"))
                    .map(rcpts -> tracked == null ? rcpts : rcpts.stream().map(c -> tracked.apply(c, dsn)).toList()));
        }
        try {
            streamProviders.around(() -> super.sendMessage(message, addresses));
        } finally {
            pipeline.messageDone();
        }
    }

    /**
     * Whether the connection holds no reply left unread and nothing went wrong on it out of Angus's sight (in a
     * pipelined group Angus did not use all of).
     */
    public boolean isClean() {
        return pipeline.isClean();
    }

    /** The content goes through a {@link BodyBuffer}: Angus writes a text body a byte at a time. */
    @Override
    protected OutputStream data() throws MessagingException {
        return body.attach(super.data());
    }

    /** Called before the final {@code "."} of the next messages, until set back to {@link EndOfData#NONE}. */
    public void beforeEndOfData(EndOfData hook) {
        this.beforeEndOfData = hook;
    }

    /** Hands the rest of the content to Angus, then runs the hook, before Angus ends the data with {@code "."}. */
    @Override
    protected void finishData() throws IOException, MessagingException {
        body.drain();
        beforeEndOfData.run();
        super.finishData();
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
            reportsForListeners.add(ReportBuilder.report(envelope, transcript.exchanges(), "",
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
        pipeline.reset();
    }

    @Override
    protected void sendCommand(String command) throws MessagingException {
        if (reading) {
            super.sendCommand(command);
            return;
        }
        MailParameters tracked = parameters;
        String cmd = tracked == null ? command : tracked.apply(command, supportsExtension("DSN"));
        if (pipeline.claim(cmd)) {
            transcript.commandSent(cmd);
            return;
        }
        if (pipeline.hasUnclaimed()) {
            pipeline.divert(cmd, wire);
            if (pipeline.isAbandoned()) abandon(cmd);
        }
        transcript.commandSent(cmd);
        try {
            if (pipeline.opensGroup(cmd)) pipeline.writeGroup(cmd, wire);
            else super.sendCommand(cmd);
        } catch (MessagingException | RuntimeException e) {
            transcript.commandFailed(e);
            throw e;
        }
    }

    /**
     * The server accepted DATA for recipients of a pipelined group that Angus gave up on: a {@code "."} would deliver
     * an empty message, and Angus's {@code command} would be taken for message text. The nested IOException makes
     * Angus close the connection, so the server discards the transaction.
     */
    private void abandon(String command) throws MessagingException {
        IOException why = new IOException("the server accepted DATA for recipients of the pipelined group;"
                + " connection dropped so that no empty message is delivered");
        transcript.commandSent(command);
        transcript.commandFailed(why);
        throw new MessagingException("Can't send command to SMTP host", why);
    }

    @Override
    protected int readServerResponse() throws MessagingException {
        int code;
        reading = true;
        try {
            code = super.readServerResponse();
            pipeline.replyRead(code);
        } catch (MessagingException e) {
            pipeline.replyRead(-1);
            transcript.replyLost(Transcript.describe(e));
            throw e;
        } finally {
            reading = false;
        }
        String raw = stripFinalNewline(getLastServerResponse());
        if (code == -1 && (raw.equals("[EOF]") || endsMidReply(raw))) {
            transcript.replyLost(raw.equals("[EOF]") ? "connection closed by the server" : "connection closed mid-reply");
        } else {
            transcript.replyReceived(raw);
        }
        return code;
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
