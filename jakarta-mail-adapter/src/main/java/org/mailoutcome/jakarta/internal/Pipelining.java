package org.mailoutcome.jakarta.internal;

import jakarta.mail.Session;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether one mailer pipelines (RFC 2920, and RFC 3030's BDAT with it), kept in its sessions under
 * {@link #PROPERTY}. It starts as the builder says and falls back to lock-step for good, with one WARN, the first
 * time Angus writes a transaction in a shape the pipelined flight does not expect (a future Angus, or one a
 * dependency manager chose): the flight then was never written, and the transaction is sent again in lock-step.
 */
public final class Pipelining {
    /** The session property that holds a session's pipelining. */
    public static final String PROPERTY = "mail-outcome.pipelining";
    private static final Logger LOG = LoggerFactory.getLogger("org.mailoutcome.jakarta.OutcomeMailer");

    private final AtomicBoolean on;

    /** Pipelining on or off, as the builder says. */
    public Pipelining(boolean on) {
        this.on = new AtomicBoolean(on);
    }

    /** The session's pipelining; none (off) for sessions the mailer did not make. */
    static Optional<Pipelining> of(Session session) {
        return session.getProperties().get(PROPERTY) instanceof Pipelining p ? Optional.of(p) : Optional.empty();
    }

    /** Whether transactions are pipelined where the server allows it. */
    public boolean isOn() {
        return on.get();
    }

    /**
     * Angus wrote {@code actual} where the flight expected {@code expected}: lock-step from now on, said once.
     * Addresses are left out of the log line.
     */
    void fallBack(String expected, String actual) {
        if (on.compareAndSet(true, false)) {
            LOG.warn("Angus Mail {} wrote \"{}\" where a pipelined transaction expects {}: this mailer sends in "
                    + "lock-step from now on (nothing was sent ahead; the transaction is sent again). Please report "
                    + "this to mail-outcome.", angusVersion(), withoutAddresses(actual), withoutAddresses(expected));
        }
    }

    /**
     * The version of Angus Mail on the class or module path: its package's implementation version, its module's
     * version, else the version in the jar's Maven metadata.
     */
    static String angusVersion() {
        Package p = SMTPTransport.class.getPackage();
        if (p != null && p.getImplementationVersion() != null) return p.getImplementationVersion();
        ModuleDescriptor descriptor = SMTPTransport.class.getModule().getDescriptor();
        if (descriptor != null && descriptor.rawVersion().isPresent()) return descriptor.rawVersion().get();
        for (String artifact : new String[] {"smtp", "angus-mail"}) {
            try (InputStream in = SMTPTransport.class.getResourceAsStream("/META-INF/maven/org.eclipse.angus/"
                    + artifact + "/pom.properties")) {
                if (in == null) continue;
                Properties pom = new Properties();
                pom.load(in);
                if (pom.getProperty("version") != null) return pom.getProperty("version");
            } catch (IOException e) {
                // no metadata to read: the next, or unknown
            }
        }
        return "(version unknown)";
    }

    /** The line with each {@code <path>} shown as {@code <...>}. */
    static String withoutAddresses(String line) {
        return line.replaceAll("<[^>]*>", "<...>").replaceAll("(?i)(ORCPT=)\\S+", "$1...");
    }
}
