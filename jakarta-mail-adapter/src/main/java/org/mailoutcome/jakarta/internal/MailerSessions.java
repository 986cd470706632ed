package org.mailoutcome.jakarta.internal;

import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Provider;
import jakarta.mail.Session;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Properties;

/**
 * Builds the mailer's own session from the caller's: same properties and authenticator, with the recording
 * transport as provider and the settings the mailer relies on. The caller's session is never modified.
 */
public final class MailerSessions {
    /** Used when neither the builder nor the session sets one (Angus's own defaults are infinite). */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** Default read timeout: the longest wait for one reply. RFC 5321 4.5.3.2 suggests minutes per stage. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    /** Default write timeout. */
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(60);

    private MailerSessions() {
    }

    /** The timeouts to apply; an empty value keeps the session's setting or the default. */
    public record Timeouts(Duration connect, Duration read, Duration write) {
    }

    /** A new session for the mailer, without pipelining (the address verifier's). */
    public static Session create(Session callers, Timeouts timeouts) {
        return create(callers, timeouts, false);
    }

    /** A new session for the mailer; {@code pipelining}: RFC 2920 when the server advertises it. */
    public static Session create(Session callers, Timeouts timeouts, boolean pipelining) {
        Properties props = new Properties();
        props.putAll(callers.getProperties());
        props.setProperty(RecordingTransport.PIPELINING_PROPERTY, Boolean.toString(pipelining));
        for (String protocol : new String[] {"smtp", "smtps"}) {
            String p = "mail." + protocol + ".";
            props.setProperty(p + "sendpartial", "true");
            props.setProperty(p + "reportsuccess", "false");
            props.setProperty(p + "quitwait", "false");
            props.remove(p + "chunksize"); // BDAT loses reply codes in Angus (ST:2857-2861)
            setTimeout(props, p + "connectiontimeout", timeouts.connect(), DEFAULT_CONNECT_TIMEOUT);
            setTimeout(props, p + "timeout", timeouts.read(), DEFAULT_READ_TIMEOUT);
            setTimeout(props, p + "writetimeout", timeouts.write(), DEFAULT_WRITE_TIMEOUT);
            watchWrites(props, p);
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

    /**
     * Enforces the write timeout with {@link WatchedSocketFactory} instead of Angus's per-write scheduling, unless
     * the caller chose how sockets are made (a socket factory, SOCKS, socket channels): Angus then keeps enforcing
     * it ({@code SocketFetcher} ignores SOCKS and channels when a socket factory is set).
     */
    private static void watchWrites(Properties props, String p) {
        for (String own : new String[] {"socketFactory", "socketFactory.class", "ssl.socketFactory",
            "ssl.socketFactory.class", "socks.host", "usesocketchannels"}) {
            if (props.containsKey(p + own)) return;
        }
        long millis;
        try {
            millis = Long.parseLong(props.getProperty(p + "writetimeout").trim());
        } catch (NumberFormatException e) {
            return; // Angus's reading of it stands
        }
        if (millis <= 0) return;
        Duration timeout = Duration.ofMillis(millis);
        props.put(p + "socketFactory", new WatchedSocketFactory(timeout));
        props.remove(p + "writetimeout");
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
        String protocol = session.getProperty("mail.transport.protocol");
        String p = "mail." + (protocol == null ? "smtp" : protocol) + ".";
        String host = session.getProperty(p + "host");
        String port = session.getProperty(p + "port");
        return (host == null ? localhost() : host) + ":" + (port == null ? "25" : port);
    }

    private static String localhost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
