package org.mailoutcome.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.ForwardPath;
import org.mailoutcome.MalformedReplyException;
import org.mailoutcome.SmtpReply;
import org.mailoutcome.Stage;
import org.mailoutcome.internal.ForwardPathExtractor;
import org.mailoutcome.internal.ReasonClassifier;

/**
 * Fuzzes the reply parser, the forward-path extractor and the classifiers with real replies, mutated real replies
 * and generated hostile text: nothing throws except {@code parse}'s documented {@link MalformedReplyException}, and
 * every forward path found is a valid mailbox.
 */
class ReplyFuzzTest {
    private static final AtomicInteger cases = new AtomicInteger();
    private static final AtomicInteger parsed = new AtomicInteger();
    private static final AtomicInteger forwardPaths = new AtomicInteger();

    @AfterContainer
    static void printCounts() {
        System.out.println("reliability: fuzz: " + cases + " cases tried, " + parsed + " parsed as replies, "
                + forwardPaths + " forward paths found, 0 unexpected exceptions");
    }

    @Property(tries = 3000, seed = "9")
    void parserExtractorAndClassifiersNeverThrowAnythingUndocumented(@ForAll("hostileReplies") String raw,
            @ForAll Stage stage) {
        cases.incrementAndGet();
        Optional<SmtpReply> reply = SmtpReply.tryParse(raw);
        try {
            assertThat(SmtpReply.parse(raw)).isEqualTo(reply.orElseThrow());
            parsed.incrementAndGet();
        } catch (MalformedReplyException e) {
            assertThat(reply).as("parse threw but tryParse parsed: " + e.getMessage()).isEmpty();
        }
        List<String> lines = Arrays.asList(raw.split("\r?\n", -1));
        for (Optional<String> path : List.of(ForwardPathExtractor.extract(lines),
                ForwardPathExtractor.extractMoved(lines), reply.flatMap(ForwardPath::extract))) {
            path.ifPresent(p -> {
                forwardPaths.incrementAndGet();
                assertThat(ForwardPath.isValidMailbox(p)).as("forward path %s from %s", p, raw).isTrue();
                assertThat(p).doesNotContain("\r", "\n", "\0");
            });
        }
        DeliveryOutcome outcome = DeliveryOutcome.classify(stage, raw);
        assertThat(outcome.stage()).isEqualTo(stage);
        assertThat(outcome.disposition()).isNotNull();
        int code = reply.map(SmtpReply::code).orElse(550);
        assertThat(ReasonClassifier.reasonOf(code, reply.flatMap(SmtpReply::enhancedStatus), raw)).isNotNull();
    }

    @Provide
    Arbitrary<String> hostileReplies() {
        Arbitrary<String> real = Arbitraries.of(RealReplies.ALL);
        return Arbitraries.frequencyOf(
                Tuple.of(2, real),
                Tuple.of(5, mutated(real)),
                Tuple.of(2, mutated(mutated(real))),
                Tuple.of(2, hostileForwardPaths()),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(200)),
                Tuple.of(1, Combinators.combine(real, real).as((a, b) -> a + "\r\n" + b)));
    }

    /** One edit of a real reply: insert, delete, duplicate, repeat or truncate. */
    private static Arbitrary<String> mutated(Arbitrary<String> base) {
        Arbitrary<String> noise = Arbitraries.strings()
                .withChars("<>@:;.,\"\\()[] \t\r\n-0123456789\u0000\u00e9\u202e\ud83d\ude00").ofMaxLength(12);
        return Combinators.combine(base, Arbitraries.integers().between(0, 5), Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(0, 1), noise, Arbitraries.integers().between(2, 300))
                .as((s, op, x, y, insert, times) -> {
                    int a = (int) (x * s.length());
                    int b = Math.max(a, (int) (y * s.length()));
                    return switch (op) {
                        case 0 -> s.substring(0, a) + insert + s.substring(a);
                        case 1 -> s.substring(0, a) + s.substring(b);
                        case 2 -> s.substring(0, b) + s.substring(a);
                        case 3 -> s.substring(0, a) + s.substring(a, b).repeat(Math.min(times, 20)) + s.substring(b);
                        case 4 -> s.substring(0, a);
                        default -> s.substring(0, a) + insert.repeat(times) + s.substring(a);
                    };
                });
    }

    /** Forward paths a hostile server could write: lists, CR/LF, header text, quoting, huge parts. */
    private static Arbitrary<String> hostileForwardPaths() {
        Arbitrary<String> path = Arbitraries.of(
                "<a@example.net>, <b@example.net>", "<a@example.net>\r\nBcc: victim@example.org",
                "<x@example.net>\nSubject: injected", "<\"quoted local\"@example.net>", "<a@b@c>",
                "<@relay.example:user@example.net>", "<" + "a".repeat(10_000) + "@example.net>",
                "<user@" + "sub.".repeat(2_500) + "example>", "<user@example.net", "user@example.net>",
                "<<<<user@example.net>>>>", "<user@[127.0.0.1]>", "<user@example.net\u0000>", "<>", "< >",
                "<user@exa mple.net>", "<" + "<".repeat(5_000) + ">", "<" + "@".repeat(5_000) + ">");
        Arbitrary<String> prefix = Arbitraries.of("551 5.1.6 User not local; please try ", "251 2.1.5 will forward to ",
                "550 5.1.6 Recipient address rejected: User has moved to ", "551-5.1.6 first line\n551 please try ");
        return Combinators.combine(prefix, path).as(String::concat);
    }
}
