package org.mailoutcome;

import java.util.Objects;
import java.util.Optional;
import org.mailoutcome.internal.ForwardPathExtractor;
import org.mailoutcome.internal.MailboxSyntax;

/**
 * Finding the forward path in a 251, 551 or "moved" reply, and checking mailbox syntax.
 *
 * <p>The address is taken after phrases such as "please try", "will forward to", "has moved to", "moved to",
 * "has been replaced by", "new address is", "forward to", "please use", "send mail to", on the same line or at the
 * start of the next, or from a later line of a multi-line reply that holds nothing but the path. It may be in angle
 * brackets or not, after a display name plain or quoted ({@code "Smith, Bob" <bob@new.example>}), with a source
 * route ({@code <@relay:user@host>} gives {@code user@host}), with a quoted local part
 * ({@code <"john smith"@example.net>}), with UTF-8 or IDN parts, followed by punctuation or a comment, and even
 * when the closing {@code >} is missing at the end of the text. Where no phrase names one, a 251, 551 or X.1.6 reply
 * that names exactly one mailbox in angle brackets besides the recipient's own names its forward path, whatever
 * words surround it ({@code Please resend to <new@example.net>}). It is never the recipient the reply echoes at its
 * start ({@code <old@host>: ...}), never a prose fragment ("please try again later"), always a valid mailbox
 * ({@link #isValidMailbox(CharSequence)}), and nothing is returned when the reply names two different addresses
 * ({@code please try <a@x> or <b@y>}): which one is meant is ambiguous.
 */
public final class ForwardPath {
    private ForwardPath() {
    }

    /**
     * The forward path a reply names, whatever its code.
     *
     * @param reply the reply
     * @return the mailbox, or empty when the reply names none
     */
    public static Optional<String> extract(SmtpReply reply) {
        return ForwardPathExtractor.extract(Objects.requireNonNull(reply, "reply").lines());
    }

    /**
     * Whether a string is a valid RFC 5321 mailbox ({@code local@domain}), SMTPUTF8 (RFC 6531) allowed: local part
     * at most 64 octets, domain at most 255, path at most 256 with its brackets; no controls, CR, LF, or blanks
     * outside a quoted local part.
     *
     * @param mailbox the candidate, without angle brackets
     * @return whether it is valid
     */
    public static boolean isValidMailbox(CharSequence mailbox) {
        return !Objects.requireNonNull(mailbox, "mailbox").isEmpty() && MailboxSyntax.isValid(mailbox);
    }
}
