package org.mailoutcome.fuzz;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The real replies of the test resources: Postfix captures, the outcome and forward-path tables, the Sisimai corpus. */
final class RealReplies {
    static final List<String> ALL = load();

    private RealReplies() {
    }

    private static List<String> load() {
        List<String> replies = new ArrayList<>();
        column("outcomes.tsv", 1, replies);
        column("postfix-3.7.tsv", 2, replies);
        column("sisimai-smtp-replies.tsv", -1, replies);
        column("forward-paths.tsv", 1, replies);
        if (replies.size() < 400) throw new IllegalStateException("expected over 400 real replies: " + replies.size());
        return List.copyOf(replies);
    }

    /** Adds one column of a TSV file, literal {@code \n} turned into line breaks; -1 is the last column. */
    private static void column(String resource, int index, List<String> into) {
        try (InputStream in = RealReplies.class.getResourceAsStream("/replies/" + resource)) {
            if (in == null) throw new IllegalStateException("missing test resource replies/" + resource);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cells = line.split("\t", -1);
                String cell = cells[index < 0 ? cells.length - 1 : index];
                if (!cell.isBlank()) into.add(cell.replace("\\n", "\n"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
