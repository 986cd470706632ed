package org.mailoutcome.testkit;

/**
 * The points of an SMTP dialogue that a {@link Rule} can script: the greeting, each command, and the end of message
 * data.
 */
public enum Verb {
    /** The greeting the server sends when a client connects; there is no command. */
    CONNECT,
    /** {@code EHLO}. */
    EHLO,
    /** {@code HELO}. */
    HELO,
    /** {@code STARTTLS}. */
    STARTTLS,
    /** {@code AUTH}: a scripted reply replaces the whole exchange (no {@code 334} challenges follow). */
    AUTH,
    /** {@code MAIL FROM}. */
    MAIL,
    /** {@code RCPT TO}. */
    RCPT,
    /** {@code DATA}: the reply to the command itself (normally {@code 354}). */
    DATA,
    /** The reply after the terminating {@code "."} line of the message data. */
    END_OF_DATA,
    /** {@code RSET}. */
    RSET,
    /** {@code NOOP}. */
    NOOP,
    /** {@code VRFY}. */
    VRFY,
    /** {@code EXPN}. */
    EXPN,
    /** {@code QUIT}. */
    QUIT,
    /** Any other command line. */
    UNKNOWN
}
