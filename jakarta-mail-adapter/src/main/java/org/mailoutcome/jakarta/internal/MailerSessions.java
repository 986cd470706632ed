package org.mailoutcome.jakarta.internal;

import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Provider;
import jakarta.mail.Session;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Properties;
import org.mailoutcome.jakarta.internal.wire.Wire;

/**
 * Builds the mailer's own session from the caller's: same properties and authenticator, with the recording
 * transport as provider, the mailer's {@link Wire} (its own sockets, made from the caller's settings), its
 * {@link Pipelining} and the settings it relies on. The caller's session is never modified.
 */
public final class MailerSessions {
    /** Used when neither the builder nor the session sets one (Angus's own defaults are infinite). */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** Default read timeout: the longest wait for one reply. RFC 5321 4.5.3.2 suggests minutes per stage. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    /** Default write timeout. */
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(60);
    /** Any positive {@code chunksize} makes Angus hand a CHUNKING server's messages to {@code bdat()}. */
    private static final String CHUNKS = "1";

    private MailerSessions() {
    }

    /** The timeouts to apply; an empty value keeps the session's setting or the default. */
    public record Timeouts(Duration connect, Duration read, Duration write) {
    }

    /**
     * How the mailer writes transactions: pipelined where the server allows it (shared by all its sessions, so a
     * fall-back to lock-step holds for all), and with BDAT where the server offers CHUNKING.
     *
     * @param pipelining the mailer's pipelining
     * @param chunking whether to use BDAT
     */
    public record Writing(Pipelining pipelining, boolean chunking) {
        /** One command at a time, DATA for the content: the address verifier's. */
        public static Writing lockStep() {
            return new Writing(new Pipelining(false), false);
        }
    }

    /** A new session for the mailer, in lock-step (the address verifier's). */
    public static Session create(Session callers, Timeouts timeouts) {
        return create(callers, timeouts, Writing.lockStep());
    }

    /** A new session for the mailer, writing transactions as {@code writing} says. */
    public static Session create(Session callers, Timeouts timeouts, Writing writing) {
        Properties props = new Properties();
        props.putAll(callers.getProperties());
        props.put(Pipelining.PROPERTY, writing.pipelining());
        for (String protocol : new String[] {"smtp", "smtps"}) {
            String p = "mail." + protocol + ".";
            props.setProperty(p + "sendpartial", "true");
            props.setProperty(p + "reportsuccess", "false");
            props.setProperty(p + "quitwait", "false");
            props.remove(p + "chunksize");
            if (writing.chunking()) props.setProperty(p + "chunksize", CHUNKS);
            setTimeout(props, p + "connectiontimeout", timeouts.connect(), DEFAULT_CONNECT_TIMEOUT);
            setTimeout(props, p + "timeout", timeouts.read(), DEFAULT_READ_TIMEOUT);
            setTimeout(props, p + "writetimeout", timeouts.write(), DEFAULT_WRITE_TIMEOUT);
        }
        Wire wire = new Wire(props);
        props.put(Wire.PROPERTY, wire);
        for (String protocol : new String[] {"smtp", "smtps"}) {
            props.put("mail." + protocol + ".ssl.socketFactory", wire.startTlsFactory(protocol));
        }
        Session session = Session.getInstance(props, delegatingAuthenticator(callers));
        session.setDebug(callers.getDebug());
        try {
            session.setProvider(new Provider(Provider.Type.TRANSPORT, "smtp", RecordingTransport.class.getName(),
                    "mail-outcome", "1"));
            session.setProvider(new Provider(Provider.Type.TRANSPORT, "smtps", RecordingTransport.Ssl.class.getName(),
                    "mail-outcome", "1"));
        } catch (jakarta.mail.NoSuchProviderException e) {
            throw new IllegalStateException("cannot register the recording transport", e);
        }
        return session;
    }

    private static void setTimeout(Properties props, String key, Duration explicit, Duration fallback) {
        if (explicit != null) props.setProperty(key, Long.toString(explicit.toMillis()));
        else if (!props.containsKey(key)) props.setProperty(key, Long.toString(fallback.toMillis()));
    }

    /** Asks the caller's session for passwords, so its Authenticator keeps working. */
    private static Authenticator delegatingAuthenticator(Session callers) {
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                InetAddress address = null;
                try {
                    address = getRequestingSite();
                } catch (RuntimeException ignored) {
                    // no site: the caller's authenticator is asked without one
                }
                return callers.requestPasswordAuthentication(address, getRequestingPort(), getRequestingProtocol(),
                        getRequestingPrompt(), getDefaultUserName());
            }
        };
    }

    /** The host and port the session connects to, for logs and pool keys. */
    public static String target(Session session) {
        String port = session.getProperty(prefix(session) + "port");
        return host(session) + ":" + (port == null ? "25" : port);
    }

    /** The host the session connects to: {@code mail.<protocol>.host}, else this machine's name, as Angus does. */
    public static String host(Session session) {
        String host = session.getProperty(prefix(session) + "host");
        return host == null ? localhost() : host;
    }

    private static String prefix(Session session) {
        String protocol = session.getProperty("mail.transport.protocol");
        return "mail." + (protocol == null ? "smtp" : protocol) + ".";
    }

    private static String localhost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
