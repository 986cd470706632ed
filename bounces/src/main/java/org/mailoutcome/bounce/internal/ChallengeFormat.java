package org.mailoutcome.bounce.internal;

import java.util.Optional;
import org.mailoutcome.bounce.AutoReply;
import org.mailoutcome.bounce.Format;
import org.mailoutcome.bounce.Headers;

/**
 * Challenge-response and whitelisting systems: the recipient's system holds the message and asks the sender to
 * confirm being a person ("please confirm you are human", "click the link below to deliver your message", "add you
 * to my approved senders list"). Read from the notice's own words (its subject and its text up to the returned
 * message, never the returned message itself, which may well be a sign-up mail asking its reader to verify), and
 * only where no failure is reported: no {@code X-Failed-Recipients}, no 4yz or 5yz reply quoted.
 */
final class ChallengeFormat {

    private ChallengeFormat() {
    }

    static Optional<AutoReply> parse(MailParts mail) {
        Headers h = mail.headers;
        if (h.first("X-Failed-Recipients").isPresent()) return Optional.empty();
        String own = TextBounceFormat.ownText(mail);
        if (Codes.hasFailureReply(own)) return Optional.empty();
        String subject = h.first("Subject").orElse("");
        Optional<String> words = Wording.challenge(subject + "\n" + own);
        if (words.isEmpty()) return Optional.empty();
        return Optional.of(new AutoReply(Format.AUTO_REPLY, AutoReply.Kind.CHALLENGE, h,
                h.first("From").flatMap(Fields::anyAddress),
                AutoReplyFormat.inReplyTo(h).or(() -> Returned.messageId(mail)), "challenge: " + words.get()));
    }
}
