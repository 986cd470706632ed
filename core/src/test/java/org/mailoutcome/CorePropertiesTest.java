package org.mailoutcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the parser and classifier over generated and mutated replies. */
class CorePropertiesTest {

    private static final List<String> REAL = Transcripts.rows("outcomes.tsv").stream().map(r -> r[1]).toList();

    @Property(tries = 2000)
    void tryParseNeverThrowsAndParseThrowsOnlyItsOwnException(@ForAll("replies") String raw) {
        boolean parsed = SmtpReply.tryParse(raw).isPresent();
        try {
            SmtpReply.parse(raw);
            assertThat(parsed).isTrue();
        } catch (MalformedReplyException e) {
            assertThat(parsed).isFalse();
        }
    }

    @Property(tries = 2000)
    void classifyIsTotalAndForwardPathsAreValidMailboxes(@ForAll("replies") String raw, @ForAll Stage stage) {
        DeliveryOutcome outcome = DeliveryOutcome.classify(stage, raw);
        assertThat(outcome.stage()).isEqualTo(stage);
        assertThat(outcome.disposition()).isNotNull();
        assertThat(outcome.reason()).isNotNull();
        outcome.forwardPath().ifPresent(path -> assertThat(ForwardPath.isValidMailbox(path)).as(path).isTrue());
        SmtpReply.tryParse(raw).flatMap(ForwardPath::extract)
                .ifPresent(path -> assertThat(ForwardPath.isValidMailbox(path)).as(path).isTrue());
    }

    @Property(tries = 500)
    void parsedReplyRoundTripsThroughItsWireForm(@ForAll("replies") String raw) {
        SmtpReply.tryParse(raw).ifPresent(reply -> assertThat(SmtpReply.parse(reply.toString())).isEqualTo(reply));
    }

    @Provide
    Arbitrary<String> replies() {
        Arbitrary<String> real = Arbitraries.of(REAL);
        Arbitrary<String> mutated = Combinators.combine(real, Arbitraries.integers().between(0, 400),
                Arbitraries.strings().withChars("<>@:;.\"\\ \t\r\n-5\u0000\u00e9").ofMaxLength(8))
                .as((s, at, insert) -> s.substring(0, Math.min(at, s.length())) + insert
                        + s.substring(Math.min(at, s.length())));
        Arbitrary<String> coded = Combinators.combine(Arbitraries.integers().between(0, 999),
                Arbitraries.of(" ", "-", "\t", "", "  "),
                Arbitraries.strings().all().ofMaxLength(60))
                .as((code, sep, text) -> String.format("%03d", code) + sep + text);
        return Arbitraries.oneOf(real, mutated, coded, Arbitraries.strings().all().ofMaxLength(80));
    }
}
