package org.mailoutcome.bounce.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mailoutcome.EnhancedStatus;

/**
 * Where a text bounce names its failed recipients, by the place the address stands in, never by one system's
 * sentence:
 * <ul>
 *   <li>a line that starts with the address (after blanks, quotes, brackets, {@code RCPT TO:}, a reply code and an
 *       enhanced code), with any further addresses listed on it;
 *   <li>a line labelled as naming a recipient ({@code Error-for:}, {@code Failed recipient:}, {@code Unknown user:}),
 *       never one labelling a sender or quoting the returned message's header;
 *   <li>an X.400 address's Internet part ({@code dda:SMTP=jdoe@example.com}, {@code RFC-822=...});
 *   <li>the lines after an announcement of the recipients ("did not reach the following recipient(s):",
 *       "Failed addresses follow:"), where a bare local part stands for the address of the returned message (or the
 *       text) with that local part, or takes the domain the announcement names.
 * </ul>
 * An address introduced as the sender ("a message sent by", "from") or in the excluded set is not a recipient.
 * "(expanded from <alias>)" and "(generated from alias)" after a recipient give its original address.
 */
final class RecipientLines {
    private static final int MAX_RECIPIENTS = 500;
    private static final int MAX_BLOCK_LINES = 60;
    private static final Pattern LABEL = Pattern.compile("^[ \\t>]*([A-Za-z][A-Za-z0-9 ()'_-]{0,40}?)[ \\t]*:[ \\t]*(\\S.*)$");
    private static final Pattern RECIPIENT_LABEL = Pattern.compile("recipient|rcpt|error[- ]for|address|addressee|"
            + "user|mailbox|receiver|destination|undeliverable|failed");
    private static final Pattern NOT_RECIPIENT_LABEL = Pattern.compile("sender|from|your|reply|host|server|mta|"
            + "\\bip\\b|originator|postmaster|contact|subject|message|code|status|diagnostic|action|reporting");
    private static final Pattern X400 = Pattern.compile("(?i)(?:dda:smtp|dda:rfc-822|rfc-822|smtp)=([^;\\s]+)");
    /** A line announcing the recipients that follow it: it says "following" (or "below") or ends with a colon. */
    private static final Pattern INTRO = Pattern.compile("(?:following|failed|these|below|undeliverable|unknown|invalid|"
            + "bad|rejected|pending)(?:\\W+\\w+){0,4}?\\W+(?:recipient|address|user|mailbox|destination)"
            + "|(?:recipient|address|user|mailbox)\\S*(?:\\W+\\w+){0,3}?\\W+(?:follow|below|failed|rejected|unknown)"
            + "|(?:delivered|deliverable|delivery|reach|sent)\\W+to(?:\\W+the\\W+following)?\\W*:?\\s*$");
    private static final Pattern ANNOUNCES = Pattern.compile("following|follows?\\b|below|:[\\s|*=_-]*$");
    /**
     * A bare local part first on a line, followed by the end of the line, a comment, " on " and a date (Exchange),
     * "..." (Sendmail) or a colon; only the first three may take a domain the text states rather than a known address.
     */
    private static final Pattern BARE = Pattern.compile("^[ \\t\"'<(]*([A-Za-z0-9][A-Za-z0-9._%+=&'-]{0,63})>?"
            + "(?:(\\s*$|\\s*\\(|\\s+on\\s)|\\.\\.\\.|\\s*:)");
    private static final Pattern ORIGINAL = Pattern.compile("(?i)\\((?:ultimately )?(?:generated|expanded) from\\s+"
            + "([^()\\n]{1,300})\\)");
    private static final Pattern DOMAIN = Pattern.compile("(?i)(?:\\bat|\\bin|\\bfor|\\bdomain|@)\\s*([A-Za-z0-9-]+(?:\\."
            + "[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})\\b");
    private static final Pattern SEPARATOR = Pattern.compile("^[\\s|*=_-]*-{3,}.*|^\\s*[=*_]{5,}.*");

    private RecipientLines() {
    }

    /** A recipient the text names: its address, the original address given for it, where its block starts. */
    record Named(String address, Optional<String> original, int start) {
    }

    /** The recipients a text names, in the order of their first lines. */
    static List<Named> find(String text, Candidates candidates) {
        Map<String, Integer> starts = new LinkedHashMap<>();
        int at = 0;
        boolean inBlock = false;
        int entries = 0;
        int blockLines = 0;
        Optional<String> blockDomain = Optional.empty();
        String previous = "";
        while (at < text.length() && starts.size() < MAX_RECIPIENTS) {
            int eol = text.indexOf('\n', at);
            int end = eol < 0 ? text.length() : eol;
            String line = text.substring(at, end);
            if (!QuotedHeaders.is(line)) {
                List<String> found = new ArrayList<>(leading(line, previous, candidates));
                if (found.isEmpty()) found.addAll(labelled(line, candidates));
                if (found.isEmpty()) found.addAll(x400(line, candidates));
                if (found.isEmpty() && inBlock) found.addAll(bare(line, blockDomain, candidates));
                else if (found.isEmpty()) found.addAll(sendmailLocal(line, candidates));
                for (String a : found) starts.putIfAbsent(a, at);
                entries += found.size();
                String lower = line.toLowerCase(Locale.ROOT);
                if (line.isBlank() && entries > 0 || SEPARATOR.matcher(line).matches() || ++blockLines > MAX_BLOCK_LINES) {
                    inBlock = false;
                }
                if (found.isEmpty() && mayAnnounce(lower) && INTRO.matcher(lower).find()
                        && ANNOUNCES.matcher(lower).find()) {
                    inBlock = true;
                    entries = 0;
                    blockLines = 0;
                    blockDomain = domainIn(line);
                }
                if (!line.isBlank()) previous = line;
            }
            at = end + 1;
        }
        List<Named> out = new ArrayList<>();
        List<Map.Entry<String, Integer>> list = new ArrayList<>(starts.entrySet());
        for (int i = 0; i < list.size(); i++) {
            int blockEnd = i + 1 < list.size() ? list.get(i + 1).getValue() : text.length();
            String block = text.substring(list.get(i).getValue(), blockEnd);
            out.add(new Named(list.get(i).getKey(), original(block, list.get(i).getKey()), list.get(i).getValue()));
        }
        return out;
    }

    /** The address a line starts with, and the further addresses the line lists after it. */
    private static List<String> leading(String line, String previous, Candidates candidates) {
        int i = afterLead(line);
        Optional<Addresses.Hit> hit = Addresses.at(line, i);
        if (hit.isEmpty() || !candidates.accepts(hit.get().address())) return List.of();
        String before = previous.toLowerCase(Locale.ROOT).strip() + line.substring(0, i).toLowerCase(Locale.ROOT);
        if (i == leadingBlanks(line) && Candidates.introducedAsOther(before)) return List.of();
        List<String> found = new ArrayList<>(List.of(hit.get().address()));
        int p = hit.get().end();
        while (p < line.length()) {
            int q = skip(line, p, " \t>");
            if (q >= line.length() || ",;".indexOf(line.charAt(q)) < 0) break;
            q = skip(line, q, " \t,;<");
            Optional<Addresses.Hit> next = Addresses.at(line, q);
            if (next.isEmpty()) break;
            if (candidates.accepts(next.get().address())) found.add(next.get().address());
            p = next.get().end();
        }
        return found;
    }

    /** The index after blanks, quotes, brackets, {@code RCPT TO:} or a reply code with its enhanced code. */
    private static int afterLead(String line) {
        int i = skip(line, 0, " \t\"'<(");
        String rest = line.substring(i).toLowerCase(Locale.ROOT);
        if (rest.startsWith(">>>")) rest = rest.substring(3);
        String trimmed = rest.stripLeading();
        if (trimmed.startsWith("rcpt to:")) {
            int from = line.length() - trimmed.length() + "rcpt to:".length();
            return skip(line, from, " \t<");
        }
        boolean code = line.length() >= i + 4 && Character.isDigit(line.charAt(i)) && "245".indexOf(line.charAt(i)) >= 0
                && Character.isDigit(line.charAt(i + 1)) && Character.isDigit(line.charAt(i + 2))
                && (line.charAt(i + 3) == ' ' || line.charAt(i + 3) == '-');
        if (!code) return i;
        int j = skip(line, i + 4, " \t");
        Optional<EnhancedStatus.Found> status = EnhancedStatus.at(line, j);
        if (status.isPresent()) j = skip(line, status.get().end(), " \t");
        return skip(line, j, "<");
    }

    /** The addresses (or a bare local part) after a label that names a recipient. */
    private static List<String> labelled(String line, Candidates candidates) {
        int colon = line.indexOf(':');
        if (colon < 0 || colon > 60) return List.of();
        Matcher m = LABEL.matcher(line);
        if (!m.matches()) return List.of();
        String label = m.group(1).toLowerCase(Locale.ROOT);
        if (!RECIPIENT_LABEL.matcher(label).find() || NOT_RECIPIENT_LABEL.matcher(label).find()) return List.of();
        List<String> found = new ArrayList<>();
        for (String a : Addresses.all(m.group(2))) if (candidates.accepts(a)) found.add(a);
        if (found.isEmpty()) bare(m.group(2), domainIn(line), candidates).forEach(found::add);
        return found;
    }

    private static List<String> x400(String line, Candidates candidates) {
        if (line.indexOf('=') < 0) return List.of();
        Matcher m = X400.matcher(line);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            Addresses.first(m.group(1).replace("(a)", "@")).filter(candidates::accepts).ifPresent(found::add);
        }
        return found;
    }

    /** A bare local part that stands first on a line of an announced block. */
    private static List<String> bare(String line, Optional<String> domain, Candidates candidates) {
        Matcher m = BARE.matcher(line);
        if (!m.lookingAt()) return List.of();
        Optional<String> stated = m.group(2) != null ? domain : Optional.empty();
        return candidates.resolve(m.group(1), stated).map(List::of).orElse(List.of());
    }

    /** Sendmail's local form: {@code jdoe... User unknown}. */
    private static List<String> sendmailLocal(String line, Candidates candidates) {
        Matcher m = BARE.matcher(line);
        if (!m.lookingAt()) return List.of();
        int after = m.end(1) < line.length() && line.charAt(m.end(1)) == '>' ? m.end(1) + 1 : m.end(1);
        if (!line.startsWith("...", after)) return List.of();
        return candidates.resolve(m.group(1), Optional.empty()).map(List::of).orElse(List.of());
    }

    /** The domain a line states ("at example.com", "@example.com", "domain example.com"), if any. */
    private static Optional<String> domainIn(String line) {
        Matcher m = DOMAIN.matcher(line);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** "(expanded from <alias@x>)" or "(ultimately generated from alias@x)" in a recipient's block. */
    private static Optional<String> original(String block, String address) {
        Matcher m = ORIGINAL.matcher(block.length() > 1024 ? block.substring(0, 1024) : block);
        if (!m.find()) return Optional.empty();
        return Addresses.first(m.group(1)).filter(o -> !o.equalsIgnoreCase(address));
    }

    /** A cheap test before the announcement patterns: the words or the colon they need. */
    private static boolean mayAnnounce(String lower) {
        return lower.indexOf(':') >= 0 || lower.contains("follow") || lower.contains("below");
    }

    private static int leadingBlanks(String line) {
        return skip(line, 0, " \t\"'<(");
    }

    private static int skip(String s, int from, String chars) {
        int i = from;
        while (i < s.length() && chars.indexOf(s.charAt(i)) >= 0) i++;
        return i;
    }
}
