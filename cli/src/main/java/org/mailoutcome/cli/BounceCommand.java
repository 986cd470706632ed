package org.mailoutcome.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.mailoutcome.Explanation;
import org.mailoutcome.bounce.AutoReply;
import org.mailoutcome.bounce.Bounce;
import org.mailoutcome.bounce.BounceParser;
import org.mailoutcome.bounce.BouncedRecipient;
import org.mailoutcome.bounce.Complaint;
import org.mailoutcome.bounce.NotABounce;
import org.mailoutcome.bounce.ParsedMail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code bounce [--format tsv|json|text] FILE|DIR...}: parses bounce mails with {@link BounceParser}, one row per
 * recipient. A directory is read file by file (every regular file below it, in name order). A file that is not a
 * bounce (a complaint, an auto-reply, any other mail) gets one row with recipient {@code -}, action {@code none}
 * and its kind as the record. Exit status 0 when every file was read, 1 when some could not be.
 */
@Command(name = "bounce", description = "Parse bounce mails (delivery status notifications, text bounces): one "
        + "row per recipient with its status, outcome record and reason.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every file was read", "1:some file could not be read", "2:usage error"})
final class BounceCommand implements Callable<Integer> {
    /** The TSV columns, in order. */
    static final List<String> COLUMNS = List.of("file", "recipient", "action", "status", "record", "disposition",
            "reason", "forwardPath", "messageId");

    @Mixin FormatOption format;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "A mail file (RFC 5322), or a directory "
            + "of them.")
    List<Path> paths = List.of();

    private final Console console;

    BounceCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        if (format.format() == OutcomeFormat.TSV && console.isHeaderWanted()) {
            console.out().println(String.join("\t", COLUMNS));
        }
        int status = 0;
        for (Path path : paths) {
            for (Path file : files(path)) {
                try (InputStream in = Files.newInputStream(file)) {
                    print(file.toString(), BounceParser.defaults().parse(in));
                } catch (IOException e) {
                    console.err().println("mail-outcome bounce: cannot read " + file + ": " + e.getMessage());
                    status = 1;
                }
            }
        }
        return status;
    }

    /** The file itself, or the regular files below a directory in name order; a missing path is kept (and fails). */
    private List<Path> files(Path path) {
        if (!Files.isDirectory(path)) return List.of(path);
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            return List.of(path);
        }
    }

    private void print(String file, ParsedMail mail) {
        for (Row row : rows(file, mail)) console.out().println(render(row));
    }

    /** One row per recipient of a bounce; one {@code none} row for anything else. */
    static List<Row> rows(String file, ParsedMail mail) {
        List<Row> rows = new ArrayList<>();
        if (mail instanceof Bounce bounce) {
            String messageId = bounce.messageId().orElse("-");
            for (BouncedRecipient r : bounce.recipients()) {
                rows.add(new Row(List.of(file, r.finalRecipient(), r.action().name().toLowerCase(Locale.ROOT),
                        r.status().toString(), r.outcome().name(), r.disposition().name(), r.reason().name(),
                        r.forwardPath().orElse("-"), messageId), r.diagnostic().orElse(""),
                        Explanation.of(r.reason())));
            }
            return rows;
        }
        String kind = mail instanceof Complaint ? "Complaint" : mail instanceof AutoReply ? "AutoReply" : "NotABounce";
        String messageId = mail instanceof Complaint c ? c.messageId().orElse("-")
                : mail instanceof AutoReply a ? a.inReplyTo().orElse("-") : "-";
        String note = mail instanceof NotABounce n ? n.why()
                : mail instanceof Complaint c ? "feedback type " + c.feedbackType() + ", reported recipients "
                        + c.recipients() : ((AutoReply) mail).why();
        rows.add(new Row(List.of(file, "-", "none", "-", kind, "-", "-", "-", messageId), note, null));
        return rows;
    }

    private String render(Row row) {
        switch (format.format()) {
            case TSV:
                return String.join("\t", row.values().stream().map(BounceCommand::cell).toList());
            case JSON:
                StringBuilder out = new StringBuilder("{");
                for (int i = 0; i < COLUMNS.size(); i++) {
                    out.append(Json.quote(COLUMNS.get(i))).append(':').append(Json.quote(row.values().get(i)))
                            .append(',');
                }
                return out.append(Json.quote("diagnostic")).append(':').append(Json.quote(row.note())).append('}')
                        .toString();
            default:
                return text(row);
        }
    }

    private static String text(Row row) {
        List<String> v = row.values();
        StringBuilder out = new StringBuilder(String.format("%s  %s  %s %s  %s %s %s", v.get(0), v.get(1), v.get(2),
                v.get(3), v.get(4), v.get(5), v.get(6)));
        if (!v.get(7).equals("-")) out.append("  forward path ").append(v.get(7));
        if (!v.get(8).equals("-")) out.append("\n    message: ").append(v.get(8));
        if (!row.note().isEmpty()) out.append("\n    ").append(row.explanation() == null ? "" : "reply:   ")
                .append(shorten(row.note()));
        if (row.explanation() != null) {
            out.append("\n    summary: ").append(row.explanation().summary());
            out.append("\n    action:  ").append(row.explanation().action());
        }
        return out.toString();
    }

    private static String shorten(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 300 ? flat : flat.substring(0, 297) + "...";
    }

    private static String cell(String value) {
        return value.replace("\t", " ").replace("\r", "").replace("\n", "\\n");
    }

    /** One output row: the column values, the diagnostic or note, the reason's explanation (bounces only). */
    record Row(List<String> values, String note, Explanation explanation) {
    }
}
