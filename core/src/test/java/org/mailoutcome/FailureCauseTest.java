package org.mailoutcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * The cause of an outcome from chains as clients throw them (a mail library's wrapper around the JDK's I/O and TLS
 * exceptions, with the JDK's messages): the innermost I/O exception is the one kept, and the TLS failure is read
 * from the whole chain.
 */
class FailureCauseTest {
    /** Stands for the mail library's wrapper (jakarta.mail.MessagingException is not a core dependency). */
    static final class Wrapper extends Exception {
        Wrapper(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static <T extends Throwable> T causedBy(T t, Throwable cause) {
        t.initCause(cause);
        return t;
    }

    @Test
    void anUntrustedCertificateIsTheHandshakeExceptionWithItsTlsFailure() {
        SSLHandshakeException handshake = causedBy(new SSLHandshakeException("PKIX path building failed: "
                + "sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path "
                + "to requested target"), new CertPathBuilderException("unable to find valid certification path"));
        FailureCause cause = FailureCause.of(new Wrapper("Could not convert socket to TLS", handshake));
        assertThat(cause.type()).isEqualTo("javax.net.ssl.SSLHandshakeException");
        assertThat(cause.message()).startsWith("PKIX path building failed");
        assertThat(cause.tls()).contains(TlsFailure.CERTIFICATE_UNTRUSTED);
        assertThat(cause).hasToString("SSLHandshakeException: " + handshake.getMessage() + " (TLS: CERTIFICATE_UNTRUSTED)");
    }

    @Test
    void anExpiredCertificateIsToldApartFromAnUntrustedOne() {
        SSLHandshakeException handshake = causedBy(new SSLHandshakeException("PKIX path validation failed: "
                + "java.security.cert.CertPathValidatorException: validity check failed"),
                causedBy(new CertificateExpiredException("NotAfter: Mon Jan 01 00:00:00 UTC 2024"),
                        new CertPathBuilderException("validity check failed")));
        assertThat(FailureCause.of(handshake).tls()).contains(TlsFailure.CERTIFICATE_EXPIRED);
    }

    @Test
    void aHostNameTheCertificateDoesNotNameIsAMismatch() {
        String jdk = "No subject alternative DNS name matching mx.other.test found.";
        SSLHandshakeException handshake = causedBy(new SSLHandshakeException(jdk), new CertificateException(jdk));
        assertThat(FailureCause.of(handshake).tls()).contains(TlsFailure.HOSTNAME_MISMATCH);
        IOException angus = causedBy(new IOException("Unable to check server identity for: mx.other.test"),
                new CertificateException("verification failed"));
        assertThat(FailureCause.of(new Wrapper("Could not convert socket to TLS", angus)).tls())
                .contains(TlsFailure.HOSTNAME_MISMATCH);
    }

    @Test
    void aHostOutsideTheTrustedListAndNoCommonProtocolAreTheirOwnFailures() {
        assertThat(FailureCause.of(new IOException("Server is not trusted: 127.0.0.1")).tls())
                .contains(TlsFailure.SERVER_NOT_TRUSTED);
        assertThat(FailureCause.of(new SSLHandshakeException("No appropriate protocol (protocol is disabled or "
                + "cipher suites are inappropriate)")).tls()).contains(TlsFailure.NO_COMMON_PROTOCOL);
        assertThat(FailureCause.of(new SSLHandshakeException("Received fatal alert: bad_record_mac")).tls())
                .contains(TlsFailure.HANDSHAKE);
    }

    @Test
    void aResetOrATimeoutIsItsIoExceptionWithoutTls() {
        FailureCause reset = FailureCause.of(new Wrapper("Exception reading response",
                new SocketException("Connection reset")));
        assertThat(reset).isEqualTo(new FailureCause("java.net.SocketException", "Connection reset", Optional.empty()));
        FailureCause timeout = FailureCause.of(new Wrapper("Exception reading response",
                new SocketTimeoutException("Read timed out")));
        assertThat(timeout.type()).isEqualTo("java.net.SocketTimeoutException");
    }

    @Test
    void withoutAnyIoExceptionTheInnermostIsKeptAndAMissingMessageIsEmpty() {
        FailureCause cause = FailureCause.of(new Wrapper("SMTP can only send RFC822 messages",
                new IllegalStateException()));
        assertThat(cause.type()).isEqualTo("java.lang.IllegalStateException");
        assertThat(cause.message()).isEmpty();
        assertThat(cause).hasToString("IllegalStateException");
    }

    @Test
    void aCyclicChainEnds() {
        Exception a = new Exception("a");
        Exception b = new IOException("b", a);
        a.initCause(b);
        assertThat(FailureCause.of(a).message()).isEqualTo("b");
    }
}
