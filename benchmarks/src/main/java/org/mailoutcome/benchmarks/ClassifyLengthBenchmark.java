package org.mailoutcome.benchmarks;

import java.util.concurrent.TimeUnit;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.SmtpReply;
import org.mailoutcome.Stage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of a long reply, to check it is linear in the length. <strong>Scores are per byte of reply</strong>
 * ({@code @OperationsPerInvocation} is the length): {@code ns/op} is ns/byte and, with {@code -prof gc},
 * {@code gc.alloc.rate.norm} is bytes allocated per byte of reply. Equal scores for 1 KiB and 1 MiB mean linear cost.
 *
 * <p>The reply is a 550 with enhanced code 5.7.1 whose text matches none of the classifier's phrases, so every
 * phrase table is scanned to the end: the worst case. {@code multiLine}: 76-character lines, as a Gmail or Microsoft
 * policy rejection is written; {@code singleLine}: one line, as a broken server might send.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class ClassifyLengthBenchmark {
    private static final int KIB = 1024;
    private static final int MIB = 1024 * 1024;
    private static final String FILLER = "lorem ipsum dolor sit amet consectetur adipiscing elit quis nostrud ";

    /** {@code multiLine} or {@code singleLine}. */
    @Param({"multiLine", "singleLine"})
    public String shape;

    private String raw1KiB;
    private String raw1MiB;
    private SmtpReply parsed1KiB;
    private SmtpReply parsed1MiB;

    /** Builds the two replies. */
    @Setup
    public void build() {
        raw1KiB = reply(KIB, shape.equals("multiLine"));
        raw1MiB = reply(MIB, shape.equals("multiLine"));
        parsed1KiB = SmtpReply.parse(raw1KiB);
        parsed1MiB = SmtpReply.parse(raw1MiB);
    }

    /**
     * A reply of exactly {@code length} characters, CRLF included.
     *
     * @param length the length
     * @param multiLine 76-character lines, else one line
     * @return the reply
     */
    static String reply(int length, boolean multiLine) {
        StringBuilder out = new StringBuilder(length);
        int lineStart = 0;
        while (out.length() < length) {
            if (out.length() == lineStart) out.append(lineStart + 80 >= length || !multiLine ? "550 " : "550-")
                    .append("5.7.1 ");
            out.append(FILLER.charAt(out.length() % FILLER.length()));
            if (multiLine && out.length() - lineStart == 74 && lineStart + 80 < length) {
                out.append("\r\n");
                lineStart = out.length();
            }
        }
        out.setLength(length);
        return out.toString();
    }

    /**
     * Parse and classify 1 KiB; score per byte.
     *
     * @return the outcome
     */
    @Benchmark
    @OperationsPerInvocation(KIB)
    public DeliveryOutcome parseAndClassify1KiB() {
        return DeliveryOutcome.classify(Stage.RCPT, raw1KiB);
    }

    /**
     * Parse and classify 1 MiB; score per byte.
     *
     * @return the outcome
     */
    @Benchmark
    @OperationsPerInvocation(MIB)
    public DeliveryOutcome parseAndClassify1MiB() {
        return DeliveryOutcome.classify(Stage.RCPT, raw1MiB);
    }

    /**
     * Parse 1 KiB; score per byte.
     *
     * @return the reply
     */
    @Benchmark
    @OperationsPerInvocation(KIB)
    public SmtpReply parse1KiB() {
        return SmtpReply.parse(raw1KiB);
    }

    /**
     * Parse 1 MiB; score per byte.
     *
     * @return the reply
     */
    @Benchmark
    @OperationsPerInvocation(MIB)
    public SmtpReply parse1MiB() {
        return SmtpReply.parse(raw1MiB);
    }

    /**
     * Classify a parsed 1 KiB reply; score per byte.
     *
     * @return the outcome
     */
    @Benchmark
    @OperationsPerInvocation(KIB)
    public DeliveryOutcome classifyParsed1KiB() {
        return DeliveryOutcome.classify(Stage.RCPT, parsed1KiB);
    }

    /**
     * Classify a parsed 1 MiB reply; score per byte.
     *
     * @return the outcome
     */
    @Benchmark
    @OperationsPerInvocation(MIB)
    public DeliveryOutcome classifyParsed1MiB() {
        return DeliveryOutcome.classify(Stage.RCPT, parsed1MiB);
    }
}
