package org.mailoutcome.bounce;

import java.util.Objects;
import java.util.Optional;

/**
 * An automatic reply (RFC 3834): a vacation notice, an out-of-office or another responder, or a challenge-response
 * system's request to confirm the sender. Not a bounce: the message reached the recipient's system and its software
 * answered, even where the answer comes as a {@code multipart/report} with {@code Action: failed} that names no
 * recipient.
 *
 * @param format {@link Format#AUTO_REPLY}
 * @param kind what answered: a responder or a challenge
 * @param headers the header of the reply
 * @param from the address the reply came from, if it has one
 * @param inReplyTo the Message-ID the reply answers ({@code In-Reply-To}, else the last of {@code References}),
 *     if stated
 * @param why what marked it as an auto-reply, e.g. {@code "Auto-Submitted: auto-replied"}, or the challenge's
 *     wording, e.g. {@code "challenge: confirm you are human"}
 */
public record AutoReply(Format format, Kind kind, Headers headers, Optional<String> from, Optional<String> inReplyTo,
        String why) implements ParsedMail {

    /** What kind of software answered. */
    public enum Kind {
        /** A vacation notice, an out-of-office or another responder: the message was delivered. */
        RESPONDER,
        /**
         * A challenge-response or whitelisting system: the message is held until the sender confirms it is a person
         * or gets on the recipient's list of accepted senders ("please confirm you are human"). Not delivered yet,
         * not a bounce either: answering the challenge delivers it.
         */
        CHALLENGE
    }

    /**
     * Checks the components.
     *
     * @param format the format
     * @param kind what answered
     * @param headers the reply's header
     * @param from the sender, if any
     * @param inReplyTo the answered Message-ID, if stated
     * @param why what marked it as an auto-reply
     */
    public AutoReply {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(inReplyTo, "inReplyTo");
        Objects.requireNonNull(why, "why");
    }
}
