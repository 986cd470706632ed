package org.mailoutcome;

import java.io.IOException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Collections;
import javax.net.ssl.SSLException;

/**
 * The exception behind an outcome that no reply explains (a lost connection, a refused TLS handshake, a client that
 * refused to go on): its type and message, and for TLS what failed. Kept as plain values, so a report or a store
 * can carry it and a tool can print it.
 *
 * @param type the exception's class name, e.g. {@code javax.net.ssl.SSLHandshakeException}
 * @param message its message, {@code ""} when it had none
 * @param tls what failed in TLS, when the exception was a TLS failure
 */
public record FailureCause(String type, String message, Optional<TlsFailure> tls) {
    /** Chains longer than this are cut. */
    private static final int MAX_CHAIN = 100;

    /**
     * Checks the components.
     *
     * @param type the class name
     * @param message the message
     * @param tls the TLS failure, if any
     */
    public FailureCause {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(tls, "tls");
    }

    /**
     * The cause of what a client threw: the innermost {@link IOException} of the chain (a mail library wraps the
     * I/O failure that explains it: a reset, a timeout, a handshake), else the innermost exception; with the TLS
     * failure the whole chain shows (an expired or untrusted certificate, a host name that does not match, ...).
     *
     * @param thrown what the client threw
     * @return its cause
     */
    public static FailureCause of(Throwable thrown) {
        Objects.requireNonNull(thrown, "thrown");
        List<Throwable> chain = chain(thrown);
        Throwable explaining = chain.get(chain.size() - 1);
        for (Throwable t : chain) {
            if (t instanceof IOException) explaining = t;
        }
        String message = explaining.getMessage();
        return new FailureCause(explaining.getClass().getName(), message == null ? "" : message, tls(chain));
    }

    /** The exception and its causes, outermost first, each once. */
    private static List<Throwable> chain(Throwable thrown) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = thrown; t != null && seen.add(t) && chain.size() < MAX_CHAIN; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static Optional<TlsFailure> tls(List<Throwable> chain) {
        boolean ssl = false;
        for (Throwable t : chain) {
            if (t instanceof CertificateExpiredException) return Optional.of(TlsFailure.CERTIFICATE_EXPIRED);
            if (t instanceof CertificateNotYetValidException) return Optional.of(TlsFailure.CERTIFICATE_NOT_YET_VALID);
        }
        for (Throwable t : chain) {
            String message = String.valueOf(t.getMessage());
            String lower = message.toLowerCase(Locale.ROOT);
            if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException) {
                return Optional.of(TlsFailure.CERTIFICATE_UNTRUSTED);
            }
            if (t instanceof CertificateException
                    && (lower.contains("no subject alternative") || lower.contains("no name matching"))
                    || message.startsWith("Unable to check server identity")) {
                return Optional.of(TlsFailure.HOSTNAME_MISMATCH);
            }
            if (message.startsWith("Server is not trusted")) return Optional.of(TlsFailure.SERVER_NOT_TRUSTED);
            if (t instanceof SSLException && (lower.contains("no appropriate protocol")
                    || lower.contains("protocol_version") || lower.contains("no cipher suites in common")
                    || lower.contains("no negotiable cipher suite"))) {
                return Optional.of(TlsFailure.NO_COMMON_PROTOCOL);
            }
            ssl |= t instanceof SSLException;
        }
        return ssl ? Optional.of(TlsFailure.HANDSHAKE) : Optional.empty();
    }

    /**
     * The exception's simple name and message, and the TLS failure: e.g.
     * {@code "SSLHandshakeException: PKIX path building failed: ... (TLS: CERTIFICATE_UNTRUSTED)"}.
     *
     * @return one line
     */
    @Override
    public String toString() {
        String simple = type.substring(type.lastIndexOf('.') + 1);
        return simple + (message.isEmpty() ? "" : ": " + message) + tls.map(t -> " (TLS: " + t + ")").orElse("");
    }
}
