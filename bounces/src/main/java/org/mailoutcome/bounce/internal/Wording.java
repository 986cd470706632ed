package org.mailoutcome.bounce.internal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a notice's own words say, whatever mail system wrote them: that delivery failed for good, that it is only
 * delayed, that a message was held until the sender proves to be a person (challenge-response), or that the mail
 * is a notice at all. Each is a class of wording, never one system's sentence.
 */
final class Wording {
    /**
     * The sender gave up: final whatever the class of the last reply (a lingering 4yz after a queue lifetime).
     * Literal phrases, found with {@link String#indexOf}: these are looked for in every recipient's text.
     */
    private static final List<String> FAILED = List.of("not going to try again", "will not try again",
            "won't try again", "giving up", "gave up", "given up", "permanent error", "permanent failure",
            "permanent fatal", "permanently", "will not be retried", "won't be retried", "not be retried",
            "no further attempts", "retry timeout exceeded", "delivery has failed", "has been in the queue too long",
            "too long in the queue", "too long in queue", "could not be delivered within", "was not delivered within",
            "message expired", "lifetime expired", "lifetime has expired");
    /** The sender keeps trying: a warning, whatever the class of the reply it quotes. */
    private static final List<String> DELAYED = List.of("will continue", "attempts will be made",
            "attempt will be made", "will be retried", "will retry", "will keep trying", "keep trying", "still trying",
            "continue trying", "continue to try", "will try again", "will attempt", "try again later", "postponed",
            "not yet been delivered", "not been delivered yet", "not yet delivered", "has been delayed",
            "have been delayed", "is delayed", "delivery delayed", "delayed mail", "message delayed", "deferred",
            "warning only", "warning message only", "do not need to resend", "don't need to resend",
            "no action is required", "still pending", "still in the queue", "still in queue",
            "will be returned to you if", "will be returned if", "delay notification", "delivery is delayed",
            "temporary failure report");
    /** A message held until the sender confirms (challenge-response, whitelisting), never a failure. */
    private static final Pattern CHALLENGE = Pattern.compile("(?:confirm|prove|verify|show)(?: that)? you(?: are|'re)"
            + "(?: a)? (?:human|real person|person|not a (?:robot|machine|spammer))|not a robot|"
            + "(?:white ?list|approved senders?(?: list)?|safe senders? list|allowed senders? list|guest list|"
            + "accept list)\\b|challenge[- ]response|captcha|"
            + "(?:click|follow|visit)(?: on)? (?:the|this) (?:link|url|address)(?: below)? to (?:confirm|verify|deliver|"
            + "release|complete|validate)|"
            + "(?:held|pending|awaiting|waiting for|quarantined until)(?: your)? (?:verification|confirmation|approval)|"
            + "until you (?:confirm|verify|reply|respond|validate)|"
            + "your (?:message|e-?mail) will be delivered (?:once|when|after|as soon as)|"
            + "(?:have|get) your (?:message|e-?mail) delivered|complete the delivery|"
            + "type (?:in )?the (?:number|characters|code|letters|words?) (?:shown|you see|below|displayed)|"
            + "please verify your (?:e-?mail|address)|verify your (?:identity|message)|"
            + "one-time verification|sender verification request|verification request");
    /** What only a delivery notice says: delivery failed, is delayed, or was done. */
    private static final Pattern NOTICE = Pattern.compile("could ?n[o']t be delivered|could ?n[o']t deliver|"
            + "unable to deliver|failed to deliver|was ?n[o']t delivered|not been delivered|undeliver|"
            + "delivery (?:has )?failed|delivery failure|delivery to the following|did not reach|could not reach|"
            + "not reach the following|delivery status|non-?delivery|returned mail|mail delivery|bounced|rejected|"
            + "permanent|fatal|delayed|deferred|aborted|failure|failed|delivery errors?|delivery problems?|"
            + "could ?n[o']t send|unable to send|"
            // the same in the languages mail systems localise their reports to
            + "unzustellbar|nicht zugestellt|non distribuable|non remis|n'a pas pu .tre remis|no se pudo entregar|"
            + "no entregado|non recapitat|non consegnat|onbestelbaar|niet bezorgd|kunde inte levereras|"
            + "ej levererat|nie dostarczon|n.o entregue|n.o foi poss.vel entregar|"
            + "(?:was|has been|successfully) delivered to|relayed");

    private Wording() {
    }

    /** What the words say of delivery: failed for good, delayed, or nothing either way. */
    enum Finality {
        FAILED, DELAYED, UNSAID
    }

    /** Failure wording wins over delay wording ("will not be retried" holds "be retried"). */
    static Finality finality(String text) {
        String lower = lower(text);
        if (containsAny(lower, FAILED)) return Finality.FAILED;
        if (containsAny(lower, DELAYED)) return Finality.DELAYED;
        return Finality.UNSAID;
    }

    /** The challenge-response wording in a text, if any. */
    static Optional<String> challenge(String text) {
        Matcher m = CHALLENGE.matcher(lower(text));
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    /** Whether a text says what a delivery notice says. */
    static boolean isNotice(String text) {
        String lower = lower(text);
        return NOTICE.matcher(lower).find() || containsAny(lower, DELAYED) || containsAny(lower, FAILED);
    }

    private static boolean containsAny(String lower, List<String> phrases) {
        for (String phrase : phrases) if (lower.contains(phrase)) return true;
        return false;
    }

    /** The first 8 KiB, lower case, each run of blanks and line breaks one space: one pass, no regex. */
    private static String lower(String text) {
        int n = Math.min(text.length(), 8192);
        StringBuilder out = new StringBuilder(n);
        boolean blank = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                blank = true;
                continue;
            }
            if (blank && out.length() > 0) out.append(' ');
            blank = false;
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }
}
