package org.mailoutcome.bounce;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.mailoutcome.bounce.internal.CappedInput;
import org.mailoutcome.bounce.internal.Parsers;

/**
 * Turns a received mail into a {@link ParsedMail}: a {@link Bounce}, a {@link Complaint}, an
 * {@link AutoReply}, or {@link NotABounce}.
 *
 * <p>The formats are tried in order: RFC 3464 / RFC 6533 delivery status reports, RFC 5965 feedback reports,
 * RFC 3834 auto-replies, then the plain-text bounces of the common mail systems. Any line ending (CRLF, LF, bare
 * CR), any charset, 8-bit content and truncated or malformed mail are accepted: parsing never throws but for an
 * {@link IOException} of the stream it reads. At most {@link #maxBytes()} of a mail are read; a longer mail is
 * parsed from its beginning, where every format puts its report, so a hostile input costs bounded time and
 * memory.
 *
 * <pre>{@code
 * ParsedMail mail = BounceParser.defaults().parse(inputStream);
 * if (mail instanceof Bounce bounce) {
 *     for (BouncedRecipient r : bounce.recipients()) {
 *         System.out.println(r.finalRecipient() + " " + r.action() + " " + r.status() + " " + r.reason());
 *     }
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class BounceParser {

    /** The default cap on the bytes read of one mail: 1 MiB. */
    public static final int DEFAULT_MAX_BYTES = 1 << 20;

    private static final BounceParser DEFAULTS = new BounceParser(builder());

    private final int maxBytes;

    private BounceParser(Builder builder) {
        this.maxBytes = builder.maxBytes;
    }

    /**
     * The parser with default settings.
     *
     * @return the default parser
     */
    public static BounceParser defaults() {
        return DEFAULTS;
    }

    /**
     * A builder with the default settings.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder with this parser's settings.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().maxBytes(maxBytes);
    }

    /**
     * The most bytes read of one mail.
     *
     * @return the cap in bytes
     */
    public int maxBytes() {
        return maxBytes;
    }

    /**
     * Parses a mail read from a stream: at most {@link #maxBytes()} are read; the stream is not closed.
     *
     * @param in the raw mail (RFC 5322)
     * @return what the mail is
     * @throws IOException if reading the stream fails
     */
    public ParsedMail parse(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        return Parsers.parse(CappedInput.read(in, maxBytes));
    }

    /**
     * Parses a mail held in memory (only its first {@link #maxBytes()} are looked at).
     *
     * @param mail the raw mail (RFC 5322)
     * @return what the mail is
     */
    public ParsedMail parse(byte[] mail) {
        Objects.requireNonNull(mail, "mail");
        return Parsers.parse(CappedInput.head(mail, maxBytes));
    }

    /**
     * Parses a message already read by Jakarta Mail, e.g. from an IMAP folder.
     *
     * @param message the message
     * @return what the message is; {@link NotABounce} if Jakarta Mail cannot write it out
     * @throws IOException if reading the message's content fails
     */
    public ParsedMail parse(MimeMessage message) throws IOException {
        Objects.requireNonNull(message, "message");
        try {
            return Parsers.parse(CappedInput.write(message, maxBytes));
        } catch (MessagingException e) {
            return new NotABounce(Headers.empty(), "the message could not be read: " + e.getMessage());
        }
    }

    /** Settings of a {@link BounceParser}. */
    public static final class Builder {
        private int maxBytes = DEFAULT_MAX_BYTES;

        private Builder() {
        }

        /**
         * The most bytes read of one mail; the rest is ignored.
         *
         * @param maxBytes the cap, at least 1024
         * @return this builder
         * @throws IllegalArgumentException if {@code maxBytes} is below 1024
         */
        public Builder maxBytes(int maxBytes) {
            if (maxBytes < 1024) throw new IllegalArgumentException("maxBytes must be >= 1024: " + maxBytes);
            this.maxBytes = maxBytes;
            return this;
        }

        /**
         * Builds the parser.
         *
         * @return the parser
         */
        public BounceParser build() {
            return new BounceParser(this);
        }
    }
}
