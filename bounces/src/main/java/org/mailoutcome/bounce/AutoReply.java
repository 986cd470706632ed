package org.mailoutcome.bounce;

import java.util.Objects;
import java.util.Optional;

/**
 * An automatic reply (RFC 3834): a vacation notice, an out-of-office or another responder. Not a bounce: the
 * message was delivered and someone's software answered it.
 *
 * @param format {@link Format#AUTO_REPLY}
 * @param headers the header of the reply
 * @param from the address the reply came from, if it has one
 * @param inReplyTo the Message-ID the reply answers ({@code In-Reply-To}, else the last of {@code References}),
 *     if stated
 * @param why what marked it as an auto-reply, e.g. {@code "Auto-Submitted: auto-replied"}
 */
public record AutoReply(Format format, Headers headers, Optional<String> from, Optional<String> inReplyTo,
        String why) implements ParsedMail {

    /**
     * Checks the components.
     *
     * @param format the format
     * @param headers the reply's header
     * @param from the sender, if any
     * @param inReplyTo the answered Message-ID, if stated
     * @param why what marked it as an auto-reply
     */
    public AutoReply {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(inReplyTo, "inReplyTo");
        Objects.requireNonNull(why, "why");
    }
}
