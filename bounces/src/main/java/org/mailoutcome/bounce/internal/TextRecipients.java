package org.mailoutcome.bounce.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mailoutcome.EnhancedStatus;
import org.mailoutcome.bounce.Action;
import org.mailoutcome.bounce.BouncedRecipient;
import org.mailoutcome.bounce.Headers;

/**
 * The recipients of a text bounce and what it says about each. A recipient line is one that starts with an
 * address (after blanks, quotes, angle brackets, {@code RCPT TO:}, or a reply code and enhanced code); its block
 * runs to the next recipient line. Without such a line: {@code X-Failed-Recipients}, else the first address of
 * the text that is neither the bounce's own addressee nor a mail system's, else the returned message's {@code To}.
 */
final class TextRecipients {
    private static final Pattern LEAD = Pattern.compile(
            "^[\\s\"'<(]*(?:(?:>>>\\s*)?rcpt to:\\s*<?|[245]\\d\\d[ -](?:[245]\\.\\d{1,3}\\.\\d{1,3}\\s+)?<?)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LOCAL_ADDRESS = Pattern.compile("^[^\\s<>()\\[\\]\",;:@]+@[A-Za-z0-9.\\-\\[\\]]+");
    private static final Pattern REPLY = Pattern.compile(
            "(?<![\\w.\\-:/#])([245][0-5]\\d)(?=[ -](?:[245]\\.\\d|[^\\d]))");
    private static final Pattern DELAYED = Pattern.compile("(?i)(not yet been delivered|not been delivered yet|"
            + "keep trying|continue trying|will be retried|will retry|still trying|delivery delayed|delayed mail|"
            + "message delayed|has been delayed|is delayed|deferred|delivery is delayed|temporary failure)");
    private static final Pattern SYSTEM_ADDRESS = Pattern.compile("(?i)^(mailer-daemon|postmaster|root|"
            + "mail-daemon|maildelivery|mailerdaemon|noreply|no-reply|abuse)@.*");
    private static final int MAX_BLOCK = 2048;
    private static final int MAX_RECIPIENTS = 500;

    private TextRecipients() {
    }

    static List<BouncedRecipient> find(Headers h, String text, Headers returned) {
        Set<String> excluded = excluded(h, returned);
        Map<String, Integer> starts = recipientLines(text, excluded);
        List<String> failed = failedRecipients(h);
        List<BouncedRecipient> out = new ArrayList<>();
        if (!starts.isEmpty()) {
            List<Map.Entry<String, Integer>> entries = new ArrayList<>(starts.entrySet());
            for (int i = 0; i < entries.size(); i++) {
                int end = i + 1 < entries.size() ? entries.get(i + 1).getValue() : text.length();
                String block = text.substring(entries.get(i).getValue(), end);
                out.add(recipient(entries.get(i).getKey(), block, text, entries.size() == 1));
            }
            return out;
        }
        List<String> addresses = !failed.isEmpty() ? failed : firstAddress(text, excluded)
                .or(() -> returned.first("To").flatMap(Fields::anyAddress)).map(List::of).orElse(List.of());
        for (String address : addresses) out.add(recipient(address, text, text, true));
        return out;
    }

    /** Each distinct recipient address by the offset of the first line that starts with it. */
    private static Map<String, Integer> recipientLines(String text, Set<String> excluded) {
        Map<String, Integer> starts = new LinkedHashMap<>();
        int at = 0;
        while (at < text.length() && starts.size() < MAX_RECIPIENTS) {
            int eol = text.indexOf('\n', at);
            int end = eol < 0 ? text.length() : eol;
            String line = text.substring(at, end);
            Matcher lead = LEAD.matcher(line);
            if (lead.lookingAt()) {
                Matcher address = LOCAL_ADDRESS.matcher(line.substring(lead.end()));
                if (address.lookingAt()) {
                    String a = clean(address.group());
                    if (!excluded.contains(a.toLowerCase(Locale.ROOT)) && isPlausible(a)) starts.putIfAbsent(a, at);
                }
            }
            at = end + 1;
        }
        return starts;
    }

    private static BouncedRecipient recipient(String address, String block, String text, boolean only) {
        String b = block.length() > MAX_BLOCK ? block.substring(0, MAX_BLOCK) : block;
        Matcher reply = REPLY.matcher(b);
        Optional<EnhancedStatus> stated = Fields.status(b).or(() -> only ? Fields.status(text) : Optional.empty());
        Optional<Integer> code = reply.find() ? Optional.of(Integer.parseInt(reply.group(1))) : Optional.empty();
        int statusClass = stated.map(EnhancedStatus::statusClass).orElseGet(() -> code.map(c -> c / 100)
                .orElseGet(() -> DELAYED.matcher(text).find() ? 4 : 5));
        EnhancedStatus status = stated.filter(s -> s.statusClass() == statusClass)
                .orElse(EnhancedStatus.of(statusClass, 0, 0));
        String diagnostic = flatten(code.isPresent() ? b.substring(reply.start(1)) : b);
        Action action = Outcomes.implied(status);
        return new BouncedRecipient(address, Optional.empty(), action, status, stated.isPresent(),
                Optional.of(diagnostic).filter(d -> !d.isEmpty()), Outcomes.classify(status, Optional.of(diagnostic)),
                Optional.empty());
    }

    private static List<String> failedRecipients(Headers h) {
        List<String> out = new ArrayList<>();
        for (String value : h.all("X-Failed-Recipients")) {
            for (String part : value.split(",")) Fields.address(part).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<String> firstAddress(String text, Set<String> excluded) {
        Matcher m = Pattern.compile("[^\\s<>()\\[\\]\",;:'=]+@[A-Za-z0-9.\\-]+\\.[A-Za-z]{2,}").matcher(text);
        while (m.find()) {
            String a = clean(m.group());
            if (!excluded.contains(a.toLowerCase(Locale.ROOT)) && isPlausible(a)) return Optional.of(a);
        }
        return Optional.empty();
    }

    /** The bounce's own addressee and sender, and the returned message's sender: never the failed recipient. */
    private static Set<String> excluded(Headers h, Headers returned) {
        Set<String> out = new TreeSet<>();
        for (String name : List.of("To", "From", "Return-Path", "Reply-To")) {
            h.all(name).forEach(v -> Fields.anyAddress(v).ifPresent(a -> out.add(a.toLowerCase(Locale.ROOT))));
        }
        returned.first("From").flatMap(Fields::anyAddress).ifPresent(a -> out.add(a.toLowerCase(Locale.ROOT)));
        return out;
    }

    private static boolean isPlausible(String address) {
        int at = address.indexOf('@');
        return at > 0 && address.indexOf('.', at) > at + 1 && !SYSTEM_ADDRESS.matcher(address).matches();
    }

    private static String clean(String address) {
        String a = address;
        while (!a.isEmpty() && ".:,;>'".indexOf(a.charAt(a.length() - 1)) >= 0) a = a.substring(0, a.length() - 1);
        return a;
    }

    private static String flatten(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
