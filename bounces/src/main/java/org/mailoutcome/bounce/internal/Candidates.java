package org.mailoutcome.bounce.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.mailoutcome.bounce.Headers;

/**
 * Which addresses of a text bounce may be its failed recipients: not the bounce's own addressee or sender, not the
 * returned message's sender, not a mail system's mailbox; and the addresses a bare local part may stand for.
 */
final class Candidates {
    private static final Pattern SYSTEM_ADDRESS = Pattern.compile("(?i)^(mailer-daemon|postmaster|root|"
            + "mail-daemon|maildelivery|mailerdaemon|noreply|no-reply|abuse)@.*");
    private static final List<String> OWN = List.of("To", "From", "Return-Path", "Reply-To", "Sender");
    private static final List<String> RETURNED_SENDER = List.of("From", "Sender", "Reply-To", "Return-Path",
            "Errors-To");
    private static final List<String> RETURNED_RECIPIENTS = List.of("To", "Cc", "Bcc");

    /** Words right before an address that introduce it as anything but a recipient: a sender, a contact, an example. */
    private static final Pattern OTHER_BEFORE = Pattern.compile("(?:\\bfrom|\\bby|sender|contact|e\\.g\\.|\\beg|"
            + "example|such as|\\blike|write to|reply to|email us|e-mail us|questions|postmaster|administrator|help|"
            + "support|visit|see|originator|envelope-from|return-path|mail from)[\\s:<\"'(]*$");

    private final Set<String> excluded = new TreeSet<>();
    private final Set<String> known = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    /** The candidates of a bounce with this header, returning a message with that header, and this text. */
    Candidates(Headers bounce, Headers returned, List<String> failedRecipients, String text) {
        OWN.forEach(n -> bounce.all(n).forEach(v -> Addresses.all(v).forEach(a -> excluded.add(lower(a)))));
        RETURNED_SENDER.forEach(n -> returned.all(n).forEach(v -> Addresses.all(v).forEach(a -> excluded.add(lower(a)))));
        RETURNED_RECIPIENTS.forEach(n -> returned.all(n).forEach(v -> known.addAll(Addresses.all(v))));
        known.addAll(failedRecipients);
        for (String a : Addresses.all(text)) if (accepts(a)) known.add(a);
    }

    /** Whether an address may be a failed recipient. */
    boolean accepts(String address) {
        int at = address.indexOf('@');
        boolean plausible = at > 0 && address.indexOf('.', at) > at + 1 && !address.endsWith(".");
        return plausible && !excluded.contains(lower(address)) && !SYSTEM_ADDRESS.matcher(address).matches();
    }

    /** Whether the text right before an address (lower case) introduces it as a sender, a contact or an example. */
    static boolean introducedAsOther(String before) {
        return OTHER_BEFORE.matcher(before).find();
    }

    /**
     * The address a bare local part stands for: the one known address with that local part, else the local part at
     * the domain the text states for it.
     */
    Optional<String> resolve(String local, Optional<String> domain) {
        Set<String> matches = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String a : known) {
            if (a.regionMatches(true, 0, local, 0, local.length()) && a.length() > local.length()
                    && a.charAt(local.length()) == '@') {
                matches.add(a);
            }
        }
        if (matches.size() == 1) return Optional.of(matches.iterator().next());
        if (matches.isEmpty()) return domain.map(d -> local + "@" + d).filter(this::accepts);
        return Optional.empty();
    }

    private static String lower(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
