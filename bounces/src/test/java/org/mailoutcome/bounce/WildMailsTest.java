package org.mailoutcome.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 25's eight classes of bounces and replies in the wild, each a mail built from a mail system's published
 * bounce template or the RFCs (src/test/resources/wild, the provenance in its expected.tsv): per mail, what it is
 * (bounce, delay, challenge, auto-reply, not-a-bounce) and per recipient the original and final recipient, action,
 * status, reason and forward path.
 */
class WildMailsTest {
    private static final Map<String, List<String[]>> EXPECTED = expected();

    static Stream<Arguments> mails() {
        return EXPECTED.entrySet().stream().map(e -> Arguments.of(e.getKey(), "class " + e.getValue().get(0)[1]
                + ", " + e.getValue().get(0)[9]));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("mails")
    void everyRecipientIsReportedAsTheNoticeStatesIt(String file, String about) {
        ParsedMail parsed = BounceParser.defaults().parse(Corpus.bytes("wild", file));
        List<String> expected = EXPECTED.get(file).stream().map(r -> String.join(" | ", List.of(r).subList(2, 9)))
                .toList();
        assertThat(rows(parsed)).as("%s: %s", file, describe(parsed)).containsExactlyElementsOf(expected);
    }

    @Test
    void everyClassOfTheIssueHasMailsAndEveryMailIsListed() {
        assertThat(EXPECTED.values().stream().map(rows -> rows.get(0)[1]).distinct().sorted())
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
        String listing = new String(Corpus.bytes("wild", ""), StandardCharsets.UTF_8);
        List<String> files = Stream.of(listing.split("\n")).filter(f -> f.endsWith(".eml")).sorted().toList();
        assertThat(files).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    /** Per recipient: kind | original | final | action | status | reason | forward path; one row for no bounce. */
    private static List<String> rows(ParsedMail parsed) {
        List<String> rows = new ArrayList<>();
        if (parsed instanceof Bounce bounce) {
            for (BouncedRecipient r : bounce.recipients()) {
                rows.add(String.join(" | ", r.action() == Action.DELAYED ? "delay" : "bounce",
                        r.originalRecipient().orElse("-"), r.finalRecipient(),
                        r.action().name().toLowerCase(Locale.ROOT), r.status().toString(), r.reason().name(),
                        r.forwardPath().orElse("-")));
            }
            return rows;
        }
        String kind = parsed instanceof AutoReply a ? (a.kind() == AutoReply.Kind.CHALLENGE ? "challenge" : "auto-reply")
                : parsed instanceof Complaint ? "complaint" : "not-a-bounce";
        rows.add(String.join(" | ", kind, "-", "-", "-", "-", "-", "-"));
        return rows;
    }

    private static String describe(ParsedMail parsed) {
        if (parsed instanceof NotABounce n) return "NotABounce: " + n.why();
        if (parsed instanceof AutoReply a) return "AutoReply: " + a.why();
        if (parsed instanceof Bounce b) {
            return b.format() + " " + b.recipients().stream().map(r -> r.recipient() + " " + r.diagnostic().orElse(""))
                    .toList();
        }
        return parsed.toString();
    }

    /** The rows of expected.tsv by file, in order. */
    private static Map<String, List<String[]>> expected() {
        Map<String, List<String[]>> byFile = new LinkedHashMap<>();
        String table = new String(Corpus.bytes("wild", "expected.tsv"), StandardCharsets.UTF_8);
        for (String line : table.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) continue;
            String[] c = line.split("\t", -1);
            byFile.computeIfAbsent(c[0], f -> new ArrayList<>()).add(c);
        }
        return byFile;
    }
}
