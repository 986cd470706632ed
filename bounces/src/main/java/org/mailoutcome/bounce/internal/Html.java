package org.mailoutcome.bounce.internal;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of an HTML report, for the text formats: block elements and line breaks become line breaks, other tags
 * go, character references are decoded ({@code &lt;jdoe@example.com&gt;} gives {@code <jdoe@example.com>}). Not an
 * HTML parser: enough for the tables and paragraphs mail systems write their reports in.
 */
final class Html {
    /** Elements whose content is not shown, and the text that closes each. */
    private static final String[] HIDDEN_OPEN = {"<script", "<style", "<head", "<title", "<!--"};
    private static final String[] HIDDEN_CLOSE = {"</script", "</style", "</head", "</title", "-->"};
    private static final Pattern BREAK = Pattern.compile("(?i)<\\s*(?:br|/?p|/?div|/?tr|/?li|/?ul|/?ol|/?table|/?h[1-6]"
            + "|/?blockquote|/?pre|hr)\\b[^<>]*>");
    private static final Pattern CELL = Pattern.compile("(?i)<\\s*/?t[dh]\\b[^<>]*>");
    private static final Pattern TAG = Pattern.compile("<[^<>]*>");
    private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Map<String, String> NAMED = Map.of("lt", "<", "gt", ">", "amp", "&", "quot", "\"",
            "apos", "'", "nbsp", " ");

    private Html() {
    }

    /** The text of an HTML document or fragment. */
    static String toText(String html) {
        String t = withoutHidden(html);
        t = BREAK.matcher(t).replaceAll("\n");
        t = CELL.matcher(t).replaceAll(" ");
        t = TAG.matcher(t).replaceAll("");
        t = t.replaceAll("[ \\t\\r\\f\\u00a0]+", " ").replaceAll(" *\\n *", "\n").replaceAll("\\n{3,}", "\n\n");
        return decode(t).strip();
    }

    /** The HTML without the hidden elements; an element never closed hides the rest. Linear in the text. */
    private static String withoutHidden(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        int[] next = new int[HIDDEN_OPEN.length];
        for (int k = 0; k < next.length; k++) next[k] = lower.indexOf(HIDDEN_OPEN[k]);
        StringBuilder out = new StringBuilder(html.length());
        int at = 0;
        while (at < html.length()) {
            int kind = -1;
            for (int k = 0; k < next.length; k++) {
                if (next[k] >= 0 && next[k] < at) next[k] = lower.indexOf(HIDDEN_OPEN[k], at);
                if (next[k] >= 0 && (kind < 0 || next[k] < next[kind])) kind = k;
            }
            if (kind < 0) break;
            out.append(html, at, next[kind]).append(' ');
            int end = lower.indexOf(HIDDEN_CLOSE[kind], next[kind] + 1);
            int gt = end < 0 ? -1 : lower.indexOf('>', end);
            at = end < 0 ? html.length() : Math.max(end + HIDDEN_CLOSE[kind].length(), gt + 1);
        }
        return at < html.length() ? out.append(html, at, html.length()).toString() : out.toString();
    }

    private static String decode(String text) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String ref = m.group(1);
            String replacement;
            if (ref.charAt(0) == '#') {
                boolean hex = ref.length() > 1 && (ref.charAt(1) == 'x' || ref.charAt(1) == 'X');
                int cp = Integer.parseInt(ref.substring(hex ? 2 : 1), hex ? 16 : 10);
                replacement = Character.isValidCodePoint(cp) && cp != 0 ? Character.toString(cp) : m.group();
            } else {
                replacement = NAMED.getOrDefault(ref.toLowerCase(Locale.ROOT), m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
    }
}
