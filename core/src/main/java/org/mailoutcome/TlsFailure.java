package org.mailoutcome;

/**
 * What failed when a TLS connection (STARTTLS, or TLS from the first byte) could not be set up, read from the
 * exceptions the client threw ({@link FailureCause#tls()}).
 */
public enum TlsFailure {
    /** The server's certificate chain leads to no trusted certificate authority (PKIX path building failed). */
    CERTIFICATE_UNTRUSTED,
    /** A certificate of the chain has expired. */
    CERTIFICATE_EXPIRED,
    /** A certificate of the chain is not valid yet. */
    CERTIFICATE_NOT_YET_VALID,
    /** The certificate does not name the host the client connected to. */
    HOSTNAME_MISMATCH,
    /** The host is not among the hosts the client was told to trust ({@code mail.smtp.ssl.trust}). */
    SERVER_NOT_TRUSTED,
    /** Client and server share no protocol version or cipher suite. */
    NO_COMMON_PROTOCOL,
    /** Any other failure of the handshake. */
    HANDSHAKE
}
