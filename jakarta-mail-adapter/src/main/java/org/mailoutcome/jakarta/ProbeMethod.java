package org.mailoutcome.jakarta;

/**
 * How an {@link AddressVerifier} asks a server about an address. See {@link AddressVerifier} for the etiquette.
 */
public enum ProbeMethod {
    /**
     * {@code VRFY address} (RFC 5321 section 3.5.1); the outcome has stage {@link org.mailoutcome.Stage#VRFY}.
     * Many servers answer every VRFY with 252 ("cannot verify, will attempt delivery") or 502 ("not
     * implemented") on purpose.
     */
    VRFY,
    /**
     * {@code MAIL FROM}, {@code RCPT TO:<address>}, then {@code RSET}; never {@code DATA}, so no mail is sent. The
     * outcome has stage {@link org.mailoutcome.Stage#RCPT}, or {@link org.mailoutcome.Stage#MAIL} when the server
     * refused the sender and no {@code RCPT} could be asked.
     */
    RCPT,
    /**
     * {@link #VRFY} first, then {@link #RCPT} when VRFY answered 252, 500 or 502: the server would not say, or
     * does not implement VRFY. Any other VRFY reply is the result.
     */
    AUTO
}
