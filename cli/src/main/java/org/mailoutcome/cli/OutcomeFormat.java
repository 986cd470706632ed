package org.mailoutcome.cli;

import java.util.List;
import java.util.Locale;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Explanation;

/**
 * Renders outcomes as the tool's TSV, JSON or text rows. Columns: record, code, enhanced, disposition, reason,
 * forwardPath. Text rows add the reply below, then the outcome's summary and recommended action
 * ({@link Explanation}).
 */
enum OutcomeFormat {
    TSV, JSON, TEXT;

    static final List<String> COLUMNS = List.of("record", "code", "enhanced", "disposition", "reason", "forwardPath");

    /** The name as typed on the command line: {@code tsv}, {@code json}, {@code text}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The six classify columns of an outcome, "-" for an absent value. */
    static List<String> columns(DeliveryOutcome outcome) {
        return List.of(outcome.name(),
                outcome.code().isPresent() ? Integer.toString(outcome.code().getAsInt()) : "-",
                outcome.enhancedStatus().map(Object::toString).orElse("-"),
                outcome.disposition().name(),
                outcome.reason().name(),
                outcome.forwardPath().orElse("-"));
    }

    /** One row; {@code leading} are extra first columns (e.g. the address) named by {@code leadingNames}. */
    String row(List<String> leadingNames, List<String> leading, DeliveryOutcome outcome) {
        List<String> values = new java.util.ArrayList<>(leading);
        values.addAll(columns(outcome));
        switch (this) {
            case TSV:
                return String.join("\t", values.stream().map(OutcomeFormat::tsvCell).toList());
            case JSON:
                return json(leadingNames, values, outcome);
            default:
                return text(values, outcome);
        }
    }

    private static String json(List<String> leadingNames, List<String> values, DeliveryOutcome outcome) {
        List<String> names = new java.util.ArrayList<>(leadingNames);
        names.addAll(COLUMNS);
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) out.append(',');
            out.append(Json.quote(names.get(i))).append(':').append(Json.quote(values.get(i)));
        }
        out.append(',').append(Json.quote("reply")).append(':')
                .append(Json.quote(outcome.reply().map(Object::toString).orElse("")));
        return out.append('}').toString();
    }

    /** Column widths of the text table: the leading columns (address) take 24. */
    private static final int[] WIDTHS = {20, 4, 8, 10, 20, 0};

    private static String text(List<String> values, DeliveryOutcome outcome) {
        StringBuilder out = new StringBuilder();
        int leading = values.size() - WIDTHS.length;
        for (int i = 0; i < values.size(); i++) {
            int width = i < leading ? 24 : WIDTHS[i - leading];
            out.append(width == 0 ? values.get(i) : String.format("%-" + width + "s ", values.get(i)));
        }
        outcome.reply().ifPresent(r -> out.append("\n    ").append(r.toString().replace("\n", "\n    ")));
        Explanation explanation = Explanation.of(outcome);
        StringBuilder text = new StringBuilder(out.toString().stripTrailing());
        labelled(text, "summary: ", explanation.summary());
        labelled(text, "action:  ", explanation.action());
        return text.toString();
    }

    /** The width of wrapped text lines, indent included. */
    static final int TEXT_WIDTH = 100;

    /** Appends {@code "\n    label text"}, wrapped under the text's first column. */
    private static void labelled(StringBuilder out, String label, String text) {
        String indent = "    " + " ".repeat(label.length());
        List<String> lines = wrap(text, TEXT_WIDTH - indent.length());
        out.append("\n    ").append(label).append(lines.get(0));
        lines.subList(1, lines.size()).forEach(line -> out.append('\n').append(indent).append(line));
    }

    /** Greedy word wrap; a word longer than {@code width} gets a line of its own. Never empty. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /** TSV cells never contain tabs or newlines: multi-line values are joined with a literal \n. */
    private static String tsvCell(String value) {
        return value.replace("\t", " ").replace("\r", "").replace("\n", "\\n");
    }
}
