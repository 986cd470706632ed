package org.mailoutcome.testkit;

/**
 * How the server writes its replies onto the connection, to test how a client reassembles them
 * ({@link SmtpServer.Builder#replyPackets(ReplyPackets)}).
 */
public enum ReplyPackets {
    /** Each reply in one write of its own, flushed at once (the default). */
    ONE_PER_REPLY,
    /**
     * Replies to pipelined commands are held while more of the client's input is already waiting, and written
     * together when the server would otherwise wait for the client, as Postfix does (RFC 2920 section 3.2): the
     * replies to a whole group usually arrive in one packet.
     */
    COALESCED,
    /** Each reply written a few bytes at a time, each piece flushed: a reply arrives split across packets. */
    FRAGMENTED
}
