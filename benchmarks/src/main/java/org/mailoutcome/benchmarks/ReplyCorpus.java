package org.mailoutcome.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mailoutcome.Stage;

/**
 * Real replies for the classify benchmarks, from copies of core's test tables: {@code postfix-3.7.tsv} (every reply
 * of a real Postfix 3.7.11 to the project's recipe) and {@code outcomes.tsv} (Postfix, Gmail, Microsoft 365, Yahoo,
 * Exim, Sendmail, qmail and RFC texts). Copies, so that a figure stays comparable while the tests' tables grow.
 */
public final class ReplyCorpus {
    private ReplyCorpus() {
    }

    /**
     * One reply with the stage it answers.
     *
     * @param stage the stage
     * @param raw the reply as received, lines joined by {@code \r\n}
     */
    public record Entry(Stage stage, String raw) {
    }

    /**
     * A mix by name.
     *
     * @param name {@code successfulSend} (the four replies of every successful send: MAIL, RCPT, DATA and the end of
     *     data, from Postfix), {@code postfix} (every reply of {@code postfix-3.7.tsv} that answers a stage) or
     *     {@code outcomes} (every row of {@code outcomes.tsv})
     * @return the replies, in file order
     */
    public static List<Entry> mix(String name) {
        switch (name) {
            case "successfulSend": return List.of(new Entry(Stage.MAIL, "250 2.1.0 Ok"),
                    new Entry(Stage.RCPT, "250 2.1.5 Ok"),
                    new Entry(Stage.DATA, "354 End data with <CR><LF>.<CR><LF>"),
                    new Entry(Stage.MESSAGE, "250 2.0.0 Ok: queued as 3B89920C555"));
            case "postfix": return postfix();
            case "outcomes": return outcomes();
            default: throw new IllegalArgumentException("no such mix: " + name);
        }
    }

    /** Columns: scenario, command sent, reply. */
    private static List<Entry> postfix() {
        List<Entry> entries = new ArrayList<>();
        for (String[] row : rows("postfix-3.7.tsv")) {
            stageOfCommand(row[1]).ifPresent(stage -> entries.add(new Entry(stage, wire(row[2]))));
        }
        return entries;
    }

    /** Columns: stage, reply, record, disposition, reason, forward path, source. */
    private static List<Entry> outcomes() {
        List<Entry> entries = new ArrayList<>();
        for (String[] row : rows("outcomes.tsv")) entries.add(new Entry(Stage.valueOf(row[0]), wire(row[1])));
        return entries;
    }

    /** The tables join the lines of a multi-line reply with a literal {@code \n}; the wire uses CRLF. */
    private static String wire(String cell) {
        return cell.replace("\\n", "\r\n");
    }

    static Optional<Stage> stageOfCommand(String command) {
        String c = command.toUpperCase(Locale.ROOT);
        if (c.equals("(CONNECT)")) return Optional.of(Stage.CONNECT);
        if (c.startsWith("EHLO") || c.startsWith("HELO")) return Optional.of(Stage.EHLO);
        if (c.startsWith("<MESSAGE BODY>")) return Optional.of(Stage.MESSAGE);
        for (Stage stage : List.of(Stage.MAIL, Stage.RCPT, Stage.DATA, Stage.VRFY, Stage.EXPN, Stage.QUIT)) {
            if (c.startsWith(stage.name())) return Optional.of(stage);
        }
        return Optional.empty(); // an unknown command ("FOO") answers no stage
    }

    private static List<String[]> rows(String resource) {
        try (InputStream in = ReplyCorpus.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            List<String[]> rows = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) rows.add(line.split("\t", -1));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
