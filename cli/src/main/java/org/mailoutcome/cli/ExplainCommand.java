package org.mailoutcome.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mailoutcome.Comparison;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.EnhancedStatus;
import org.mailoutcome.Explanation;
import org.mailoutcome.Reason;
import org.mailoutcome.ReplyCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code explain CODE|RECORD|REASON [CODE|RECORD]}: what a reply code, an outcome record or a reason means, when
 * you see it and what to do; with two codes or records, both side by side and the key difference. A code is
 * explained by the record {@code DeliveryOutcome.classify(Stage.RCPT, SmtpReply.of(code, ""))} gives; names match
 * case-insensitively. The words are those of {@link Explanation} and {@link Comparison}.
 */
@Command(name = "explain", description = {"What a reply code, an outcome record or a reason means, when you see "
        + "it and what to do; with two codes or records, both side by side and the key difference.",
        "A code is explained by the record it gives as a reply to RCPT; names match in any case."})
final class ExplainCommand implements Callable<Integer> {
    private static final int LABEL = 18;
    private static final int COLUMN = 40;
    private static final int GAP = 2;

    @Parameters(index = "0", paramLabel = "CODE|RECORD|REASON", description = "A reply code (551), an outcome "
            + "record (NotLocalNoRelay) or a reason (GREYLISTED).")
    String first;

    @Parameters(index = "1", arity = "0..1", paramLabel = "CODE|RECORD", description = "A second code or record, "
            + "to compare with the first.")
    String second;

    private final Console console;

    ExplainCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        if (second == null) {
            explain(first, console.out());
        } else {
            compare(Comparison.of(side(first), side(second)), console.out());
        }
        return 0;
    }

    private static void explain(String name, PrintStream out) {
        Optional<Reason> reason = reason(name);
        if (reason.isPresent()) {
            out.println(reason.get() + " (a Reason)");
            print(Explanation.of(reason.get()), out);
            return;
        }
        Comparison.Side side = side(name);
        out.println(isCode(side)
                ? side.label() + ": " + side.record().getSimpleName() + " (" + side.disposition()
                        + ", as a reply to RCPT)"
                : side.label() + " (" + side.disposition() + ")");
        print(side.explanation(), out);
    }

    private static void print(Explanation e, PrintStream out) {
        row(out, "reply codes", e.codes().isEmpty() ? List.of("none")
                : e.codes().stream().map(ReplyCodes.Meaning::toString).toList());
        row(out, "enhanced codes", e.enhancedCodes().isEmpty() ? List.of("none")
                : e.enhancedCodes().stream().map(ExplainCommand::titled).toList());
        row(out, "summary", List.of(e.summary()));
        row(out, "meaning", List.of(e.description()));
        row(out, "when you see it", List.of(e.whenSeen()));
        row(out, "what to do", List.of(e.action()));
    }

    /** A label, then each paragraph wrapped in the text column. */
    private static void row(PrintStream out, String label, List<String> paragraphs) {
        String indent = " ".repeat(LABEL);
        boolean first = true;
        for (String paragraph : paragraphs) {
            for (String line : OutcomeFormat.wrap(paragraph, OutcomeFormat.TEXT_WIDTH - LABEL)) {
                out.println((first ? pad(label, LABEL) : indent) + line);
                first = false;
            }
        }
    }

    private static void compare(Comparison c, PrintStream out) {
        Comparison.Side a = c.first();
        Comparison.Side b = c.second();
        columns(out, "", a.label(), b.label());
        columns(out, "record", a.record().getSimpleName() + " (" + a.disposition() + ")",
                b.record().getSimpleName() + " (" + b.disposition() + ")");
        columns(out, "class", a.codeClass(), b.codeClass());
        columns(out, "standard text", standardText(a), standardText(b));
        columns(out, "server does", a.explanation().summary(), b.explanation().summary());
        columns(out, "client should", a.explanation().action(), b.explanation().action());
        out.println();
        row(out, "key difference", List.of(c.keyDifference()));
    }

    /** One row of the side-by-side table, each side wrapped in its own column; a blank line after it. */
    private static void columns(PrintStream out, String label, String left, String right) {
        List<String> l = OutcomeFormat.wrap(left, COLUMN);
        List<String> r = OutcomeFormat.wrap(right, COLUMN);
        for (int i = 0; i < Math.max(l.size(), r.size()); i++) {
            String line = pad(i == 0 ? label : "", LABEL) + pad(i < l.size() ? l.get(i) : "", COLUMN + GAP)
                    + (i < r.size() ? r.get(i) : "");
            out.println(line.stripTrailing());
        }
    }

    private static String standardText(Comparison.Side side) {
        List<String> texts = new ArrayList<>();
        for (ReplyCodes.Meaning m : side.explanation().codes()) {
            String text = m.text().orElse("no standard text");
            texts.add(isCode(side) ? text : m.code() + " " + text);
        }
        return texts.isEmpty() ? "none" : String.join("; ", texts);
    }

    /** Whether the side is a reply code (labelled with its digits) rather than a record. */
    private static boolean isCode(Comparison.Side side) {
        return side.label().chars().allMatch(Character::isDigit);
    }

    private static String titled(EnhancedStatus status) {
        return status + " " + status.title();
    }

    /** A reply code (100 to 599) or a record name, as one side of a comparison. */
    static Comparison.Side side(String name) {
        if (name.matches("[0-9]{3}")) {
            int code = Integer.parseInt(name);
            if (code < 100 || code > 599) throw new UsageException("a reply code is 100 to 599: " + name);
            return Comparison.Side.ofCode(code);
        }
        Optional<Class<? extends DeliveryOutcome>> record = Explanation.records().stream()
                .filter(r -> r.getSimpleName().equalsIgnoreCase(name)).findFirst();
        if (record.isPresent()) return Comparison.Side.ofRecord(record.get());
        if (reason(name).isPresent()) {
            throw new UsageException("a reason cannot be compared; explain it alone: " + name);
        }
        throw new UsageException("unknown code or record " + name + " (a reply code such as 551, one of "
                + Explanation.records().stream().map(Class::getSimpleName).collect(Collectors.joining(", "))
                + ", or a reason such as GREYLISTED)");
    }

    private static Optional<Reason> reason(String name) {
        String wanted = name.replace('-', '_');
        return Stream.of(Reason.values()).filter(r -> r.name().equalsIgnoreCase(wanted)).findFirst();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }
}
