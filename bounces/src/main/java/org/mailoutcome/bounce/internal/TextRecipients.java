package org.mailoutcome.bounce.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.EnhancedStatus;
import org.mailoutcome.bounce.Action;
import org.mailoutcome.bounce.BouncedRecipient;
import org.mailoutcome.bounce.Headers;

/**
 * The recipients of a text bounce and what it says about each. {@link RecipientLines} finds where the text names
 * them; each recipient's block runs to the next one. Without such a place: {@code X-Failed-Recipients}, else an
 * address the prose names as a recipient, else the returned message's only recipient. Where
 * {@code X-Failed-Recipients} lists more addresses than the text names, the ones it does not name are added.
 *
 * <p>Per recipient, a status is taken from its block (never from a quoted header line such as a subject), or, for
 * the only recipient, from the prose where it is stated as one ({@link Codes#statedInProse}). Whether delivery
 * failed or is delayed is read from the words first ({@link Wording#finality}): "giving up" makes a 4yz final,
 * "will be retried" makes a notice a warning; else from the status class; a text bounce that says neither failed.
 */
final class TextRecipients {
    private static final int MAX_BLOCK = 2048;
    /** Words before an address that make it a recipient in prose, and words that make it anything else. */
    private static final Pattern RECIPIENT_BEFORE = Pattern.compile("(?:\\bto|\\bfor|recipients?|address(?:es)?|"
            + "addressee|users?|mailbox|rcpt to|deliver(?:ing|ed)?)[\\s:<\"'(]*$");

    private TextRecipients() {
    }

    static List<BouncedRecipient> find(Headers h, String rawText, Headers returned) {
        List<String> failed = failedRecipients(h);
        Candidates candidates = new Candidates(h, returned, failed, QuotedHeaders.removed(rawText));
        List<RecipientLines.Named> named = new ArrayList<>(RecipientLines.find(rawText, candidates));
        String text = QuotedHeaders.removed(rawText);
        List<BouncedRecipient> out = new ArrayList<>();
        if (!named.isEmpty()) {
            String intro = rawText.substring(0, named.get(0).start());
            Wording.Finality introWords = Wording.finality(intro);
            for (int i = 0; i < named.size(); i++) {
                int end = rawText.length();
                for (int j = i + 1; j < named.size() && end == rawText.length(); j++) {
                    if (named.get(j).start() > named.get(i).start()) end = named.get(j).start();
                }
                String block = QuotedHeaders.removed(rawText.substring(named.get(i).start(), end));
                if (saysNothing(block)) block = announcement(intro) + "\n" + block;
                out.add(recipient(named.get(i).address(), named.get(i).original(), block, introWords, text,
                        named.size() == 1 && failed.size() <= 1));
            }
            for (String f : failed.size() > named.size() ? failed : List.<String>of()) {
                if (named.stream().noneMatch(n -> n.address().equalsIgnoreCase(f))) {
                    out.add(recipient(f, Optional.empty(), "", Wording.finality(text), text, false));
                }
            }
            return out;
        }
        List<String> addresses = !failed.isEmpty() ? failed : inProse(text, candidates)
                .or(() -> onlyRecipient(returned)).map(List::of).orElse(List.of());
        Wording.Finality words = Wording.finality(text);
        for (String address : addresses) {
            out.add(recipient(address, Optional.empty(), text, words, text, addresses.size() == 1));
        }
        return out;
    }

    private static BouncedRecipient recipient(String address, Optional<String> original, String block,
            Wording.Finality intro, String text, boolean only) {
        String b = block.length() > MAX_BLOCK ? block.substring(0, MAX_BLOCK) : block;
        Optional<EnhancedStatus> stated = Fields.status(b).or(() -> only ? Codes.statedInProse(text) : Optional.empty());
        Optional<int[]> reply = Codes.firstReply(b);
        Optional<Integer> codeClass = stated.map(EnhancedStatus::statusClass).or(() -> reply.map(r -> r[0] / 100));
        Action action = action(b, intro, codeClass);
        int statusClass = codeClass.orElse(action == Action.DELAYED ? 4 : action == Action.FAILED ? 5 : 2);
        EnhancedStatus status = stated.filter(s -> s.statusClass() == statusClass)
                .orElse(EnhancedStatus.of(statusClass, 0, 0));
        String diagnostic = flatten(reply.isPresent() ? b.substring(reply.get()[1]) : b);
        Optional<String> d = Optional.of(diagnostic).filter(x -> !x.isEmpty());
        DeliveryOutcome outcome = Outcomes.classify(status, d, address);
        return new BouncedRecipient(address, original, action, status, stated.isPresent(), d, outcome,
                NoticeReason.of(action, Optional.empty(), status, d, outcome), Optional.empty());
    }

    /**
     * Failed or delayed: the words of the recipient's block, then of the text before the first recipient, then the
     * class of its status; a text bounce that says nothing either way reports a failure.
     */
    private static Action action(String block, Wording.Finality intro, Optional<Integer> codeClass) {
        Wording.Finality words = Wording.finality(block);
        if (words == Wording.Finality.UNSAID) words = intro;
        if (words == Wording.Finality.FAILED) return Action.FAILED;
        if (words == Wording.Finality.DELAYED && codeClass.orElse(4) != 5) return Action.DELAYED;
        if (codeClass.isPresent()) return Outcomes.implied(EnhancedStatus.of(codeClass.get(), 0, 0));
        return Action.FAILED;
    }

    /**
     * Whether a recipient's block quotes no reply and its first line holds nothing but addresses: a list under an
     * announcement, whose words are then the recipient's diagnostic too.
     */
    private static boolean saysNothing(String block) {
        if (Codes.firstReply(block).isPresent()) return false;
        String rest = block.strip().split("\n", 2)[0];
        for (String a : Addresses.all(rest)) rest = rest.replace(a, " ");
        return rest.replaceAll("[\\s<>()\"',;:.*\\[\\]-]", "").length() < 8;
    }

    /** The last non-blank line before the first recipient: what the list of recipients is announced as. */
    private static String announcement(String intro) {
        String[] lines = intro.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }

    private static List<String> failedRecipients(Headers h) {
        List<String> out = new ArrayList<>();
        for (String value : h.all("X-Failed-Recipients")) {
            for (String part : value.split(",")) Fields.address(part).ifPresent(out::add);
        }
        return out;
    }

    /**
     * The first address the prose names as a recipient ("delivery to <x> failed"), else the first it does not name
     * as something else (a sender, a contact, an example).
     */
    private static Optional<String> inProse(String text, Candidates candidates) {
        Optional<String> neutral = Optional.empty();
        int from = 0;
        for (String a : Addresses.all(text)) {
            int at = text.indexOf(a, from);
            if (at < 0) continue;
            from = at + a.length();
            if (!candidates.accepts(a)) continue;
            String before = before(text, at);
            if (Candidates.introducedAsOther(before)) continue;
            if (RECIPIENT_BEFORE.matcher(before).find()) return Optional.of(a);
            if (neutral.isEmpty()) neutral = Optional.of(a);
        }
        return neutral;
    }

    /** Up to 40 characters before an index, lower case, reaching into the previous line when the address starts one. */
    private static String before(String text, int at) {
        String b = text.substring(Math.max(0, at - 40), at).toLowerCase(Locale.ROOT);
        return b.replaceAll("\\s+", " ");
    }

    /** The returned message's recipient, when its header names exactly one. */
    private static Optional<String> onlyRecipient(Headers returned) {
        List<String> all = new ArrayList<>();
        for (String name : List.of("To", "Cc")) returned.all(name).forEach(v -> all.addAll(Addresses.all(v)));
        return all.stream().distinct().count() == 1 ? Optional.of(all.get(0)) : Optional.empty();
    }

    private static String flatten(String text) {
        Matcher m = Pattern.compile("\\s+").matcher(text);
        return m.replaceAll(" ").strip();
    }
}
