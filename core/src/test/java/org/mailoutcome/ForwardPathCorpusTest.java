package org.mailoutcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The forward-path shapes real servers write (replies/forward-paths.tsv: Postfix captures, Sendmail and ASSP
 * sources, the RFCs, Sisimai's corpus), each classified as a whole reply: the record's forward path is the one the
 * table names, or none.
 */
class ForwardPathCorpusTest {
    private static final String TABLE = "forward-paths.tsv";
    private static final Set<String> SHAPES = Set.of("quoted-local-part", "later-line", "no-enhanced-code",
            "display-name", "trailing-comment", "smtputf8", "source-route", "several-addresses", "strict", "negative",
            "moved", "251", "551");

    static Stream<Arguments> table() {
        return Transcripts.rows(TABLE).stream().map(r -> Arguments.of(r[0], r[1], r[2], r[3], r[4]));
    }

    @ParameterizedTest(name = "{3}: {1}")
    @MethodSource("table")
    void replyGivesTheForwardPathTheTableNames(String stage, String reply, String forwardPath, String shape,
            String source) {
        SmtpReply parsed = SmtpReply.parse(reply);
        Optional<String> expected = forwardPath.equals("-") ? Optional.empty() : Optional.of(forwardPath);
        DeliveryOutcome outcome = DeliveryOutcome.classify(Stage.valueOf(stage), parsed);
        assertThat(outcome.forwardPath()).as("%s (%s)", reply, source).isEqualTo(expected);
        if (expected.isPresent()) {
            assertThat(outcome.reason()).as("a named forward path means the recipient moved").isEqualTo(Reason.MOVED);
            assertThat(ForwardPath.isValidMailbox(expected.get())).isTrue();
        }
    }

    @Test
    void everyShapeOfIssue19HasARowAndEveryRowNamesItsSource() {
        Set<String> seen = new TreeSet<>();
        for (String[] row : Transcripts.rows(TABLE)) {
            assertThat(row).as(row[1]).hasSize(5);
            assertThat(SHAPES).as("shape of " + row[1]).contains(row[3]);
            assertThat(row[4]).as("source of " + row[1]).isNotBlank();
            seen.add(row[3]);
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(SHAPES);
    }
}
