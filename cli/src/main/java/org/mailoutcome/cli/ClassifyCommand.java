package org.mailoutcome.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.MalformedReplyException;
import org.mailoutcome.SmtpReply;
import org.mailoutcome.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code classify [--stage STAGE] [--format tsv|json|text] [REPLY...]}: classifies the replies given as
 * arguments (a literal {@code \n} separates the lines of a multi-line reply), or else those read from standard
 * input. Malformed input gives a message on standard error, an {@code Unexpected} row, and exit status 1.
 */
@Command(name = "classify", description = "Classify SMTP replies: the arguments, or else standard input "
        + "(NNN- continuation lines grouped as SMTP groups them).",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every reply was well-formed", "1:some was malformed", "2:usage error"})
final class ClassifyCommand implements Callable<Integer> {
    @Option(names = "--stage", paramLabel = "STAGE", description = "The command the replies answer: "
            + "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).", completionCandidates = Stages.class)
    String stage = "RCPT";

    @Mixin FormatOption format;

    @Parameters(arity = "0..*", paramLabel = "REPLY", description = "A reply; a literal \\n separates the lines "
            + "of a multi-line reply.")
    List<String> replies = List.of();

    private final Console console;

    ClassifyCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws IOException {
        Stage parsed = stage(stage);
        List<String> raws = replies.isEmpty()
                ? ReplyGrouper.group(new BufferedReader(new InputStreamReader(console.in(), StandardCharsets.UTF_8)))
                : replies.stream().map(s -> s.replace("\\n", "\n")).toList();
        if (format.format() == OutcomeFormat.TSV && console.isHeaderWanted()) {
            console.out().println(String.join("\t", OutcomeFormat.COLUMNS));
        }
        int status = 0;
        for (String raw : raws) {
            try {
                SmtpReply.parse(raw);
            } catch (MalformedReplyException e) {
                console.err().println("mail-outcome classify: " + e.getMessage());
                status = 1;
            }
            DeliveryOutcome outcome = DeliveryOutcome.classify(parsed, raw);
            console.out().println(format.format().row(List.of(), List.of(), outcome));
        }
        return status;
    }

    static Stage stage(String name) {
        try {
            return Stage.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown stage " + name + " (one of " + List.of(Stage.values()) + ")");
        }
    }

    /** The completion candidates of {@code --stage}. */
    static final class Stages extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Stages() {
            for (Stage s : Stage.values()) add(s.name());
        }
    }
}
