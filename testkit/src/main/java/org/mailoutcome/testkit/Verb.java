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
    /**
     * While the client sends the message data: the action happens right after the {@code 354}, before the server
     * reads any data. A reply written here is the server's early answer to the message: the server then reads the
     * data to its end and applies the reply's effect as for {@link #END_OF_DATA} (recorded after a {@code 2yz} or no
     * valid reply), without writing another reply. A close ends the connection in the middle of the message, which
     * is then not recorded; a rule held at a {@link Gate} stops reading, so a client sending a large message blocks.
     */
    MESSAGE_DATA,
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
