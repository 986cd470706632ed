package org.mailoutcome.jakarta.internal;

import jakarta.mail.MessagingException;
import java.util.Optional;

/**
 * One reply as the transport read it: Angus's code ({@code -1} when none came or it did not parse) and raw text
 * ({@code \n}-joined lines), or why none came: the server closed the connection ({@code lost}), or reading failed
 * ({@code failure}: a timeout, a reset).
 *
 * @param code Angus's return code
 * @param raw the reply as received, without its final newline
 * @param lost why no complete reply came, if none did
 * @param failure what reading threw, if it threw
 */
record ReadReply(int code, String raw, Optional<String> lost, Optional<MessagingException> failure) {
    /** What a clean close by the server before a reply is recorded as. */
    static final String CLOSED = "connection closed by the server";

    /** A reply that came; {@code code} is -1 when it did not parse. */
    static ReadReply of(int code, String raw) {
        return new ReadReply(code, raw, Optional.empty(), Optional.empty());
    }

    /** No reply: the server closed the connection (before or in the middle of it). */
    static ReadReply closed(String why) {
        return new ReadReply(-1, "", Optional.of(why), Optional.empty());
    }

    /** No reply: reading threw. */
    static ReadReply failed(MessagingException e) {
        return new ReadReply(-1, "", Optional.of(Transcript.describe(e)), Optional.of(e));
    }

    /** Why no reply came, typed when reading threw. */
    Failure why() {
        return failure.map(Failure::of).orElseGet(() -> Failure.of(lost.orElse("no reply")));
    }

    /** Whether no reply came. */
    boolean isLost() {
        return lost.isPresent();
    }

    /** Whether it is a positive completion reply (2yz). */
    boolean isPositive() {
        return code >= 200 && code < 300;
    }
}
