package org.mailoutcome.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.SmtpReply;
import org.mailoutcome.Stage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing and classifying real replies, one reply per operation, cycling through a mix (see
 * {@link ReplyCorpus#mix(String)}): the score is the average cost of one reply of that mix.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class ClassifyMixBenchmark {
    /** Which replies: {@code successfulSend}, {@code postfix} or {@code outcomes}. */
    @Param({"successfulSend", "postfix", "outcomes"})
    public String mix;

    private Stage[] stages;
    private String[] raws;
    private SmtpReply[] parsed;
    private int next;

    /** Loads the mix and parses it once for {@link #classifyParsed()}. */
    @Setup
    public void load() {
        List<ReplyCorpus.Entry> entries = ReplyCorpus.mix(mix);
        stages = entries.stream().map(ReplyCorpus.Entry::stage).toArray(Stage[]::new);
        raws = entries.stream().map(ReplyCorpus.Entry::raw).toArray(String[]::new);
        parsed = entries.stream().map(e -> SmtpReply.parse(e.raw())).toArray(SmtpReply[]::new);
    }

    private int index() {
        int i = next;
        next = i + 1 == raws.length ? 0 : i + 1;
        return i;
    }

    /**
     * {@code SmtpReply.parse} alone.
     *
     * @return the reply
     */
    @Benchmark
    public SmtpReply parse() {
        return SmtpReply.parse(raws[index()]);
    }

    /**
     * {@code DeliveryOutcome.classify(Stage, SmtpReply)} of a parsed reply: code table, reason, forward path.
     *
     * @return the outcome
     */
    @Benchmark
    public DeliveryOutcome classifyParsed() {
        int i = index();
        return DeliveryOutcome.classify(stages[i], parsed[i]);
    }

    /**
     * {@code DeliveryOutcome.classify(Stage, CharSequence)}: parse and classify, what the mailer does per reply.
     *
     * @return the outcome
     */
    @Benchmark
    public DeliveryOutcome parseAndClassify() {
        int i = index();
        return DeliveryOutcome.classify(stages[i], raws[i]);
    }
}
