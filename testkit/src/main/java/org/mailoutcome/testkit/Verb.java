package org.mailoutcome.testkit;

/**
 * The points of an SMTP dialogue that a {@link Rule} can script: the greeting, each command, the message data and
 * its end, and each {@code BDAT} chunk.
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
     *
     * <p>With {@code BDAT} the same happens for each chunk, after its command line and before its octets: a reply
     * here is the early answer to that chunk (its effect as for {@link #BDAT}), a close cuts the message, a hold
     * stops reading. The pattern is matched against the {@code BDAT} argument ({@code "* LAST"} for the last
     * chunk), and against {@code ""} for {@code DATA}.
     */
    MESSAGE_DATA,
    /** The reply after the terminating {@code "."} line of the message data. */
    END_OF_DATA,
    /**
     * {@code BDAT} (RFC 3030 CHUNKING, offered with {@link SmtpServer.Builder#chunking(boolean)}): the reply to one
     * chunk, chosen after the server has read the chunk's octets, as the RFC wants. The pattern is matched against
     * the argument as sent: {@code on(Verb.BDAT, "* LAST")} scripts the last chunk of each message, and
     * {@code on(Verb.BDAT).times(1).proceed()} followed by {@code on(Verb.BDAT).times(1).reply(...)} the second.
     * A reply to the last chunk is the reply to the message, as for {@link #END_OF_DATA}.
     */
    BDAT,
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
