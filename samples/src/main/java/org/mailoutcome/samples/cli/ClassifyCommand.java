package org.mailoutcome.samples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.MalformedReplyException;
import org.mailoutcome.SmtpReply;
import org.mailoutcome.Stage;

/**
 * {@code classify [--stage STAGE] [--format tsv|json|text] [REPLY...]}: classifies the replies given as
 * arguments (a literal {@code \n} separates the lines of a multi-line reply), or else those read from standard
 * input. Malformed input gives a message on standard error, an {@code Unexpected} row, and exit status 1.
 */
final class ClassifyCommand implements Command {

    @Override
    public String usage() {
        return "classify [--stage STAGE] [--format tsv|json|text] [REPLY...]   (replies from stdin when none given)";
    }

    @Override
    public int run(List<String> argv, Console console) throws IOException {
        Args args = Args.parse(argv, Set.of("stage", "format"), Set.of());
        Stage stage = stage(args.value("stage").orElse("RCPT"));
        OutcomeFormat format = OutcomeFormat.parse(args.value("format").orElse("tsv"));
        List<String> replies = args.positionals().isEmpty()
                ? ReplyGrouper.group(new BufferedReader(new InputStreamReader(console.in(), StandardCharsets.UTF_8)))
                : args.positionals().stream().map(s -> s.replace("\\n", "\n")).toList();
        if (format == OutcomeFormat.TSV && console.isHeaderWanted()) {
            console.out().println(String.join("\t", OutcomeFormat.COLUMNS));
        }
        int status = 0;
        for (String raw : replies) {
            try {
                SmtpReply.parse(raw);
            } catch (MalformedReplyException e) {
                console.err().println("mail-outcome classify: " + e.getMessage());
                status = 1;
            }
            DeliveryOutcome outcome = DeliveryOutcome.classify(stage, raw);
            console.out().println(format.row(List.of(), List.of(), outcome));
        }
        return status;
    }

    static Stage stage(String name) {
        try {
            return Stage.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException("unknown stage " + name + " (one of " + List.of(Stage.values()) + ")");
        }
    }
}
