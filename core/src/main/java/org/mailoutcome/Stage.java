package org.mailoutcome;

/** The point of an SMTP session a reply answers. */
public enum Stage {
    /** The greeting after the TCP connection opens (220 expected). */
    CONNECT,
    /** EHLO or HELO. */
    EHLO,
    /** The STARTTLS command and the TLS handshake. */
    STARTTLS,
    /** AUTH, including every step of its exchange. */
    AUTH,
    /** MAIL FROM. */
    MAIL,
    /** RCPT TO: the only stage that speaks for one recipient. */
    RCPT,
    /** The DATA command (354 expected). */
    DATA,
    /** The end of data: the reply after the terminating {@code "."}, which accepts or refuses the message. */
    MESSAGE,
    /** RSET. */
    RSET,
    /** VRFY, used to verify an address without sending mail. */
    VRFY,
    /** EXPN. */
    EXPN,
    /** NOOP. */
    NOOP,
    /** QUIT. */
    QUIT
}
