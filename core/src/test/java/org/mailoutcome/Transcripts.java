package org.mailoutcome;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the tab-separated reply tables under src/test/resources/replies ('#' lines are comments). */
public final class Transcripts {
    private Transcripts() {
    }

    /** The rows of a table, each split on tabs, with a literal backslash-n in any cell turned into a newline. */
    public static List<String[]> rows(String resource) {
        try (InputStream in = Transcripts.class.getResourceAsStream("/replies/" + resource)) {
            if (in == null) throw new IllegalStateException("missing test resource replies/" + resource);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cells = line.split("\t", -1);
                for (int i = 0; i < cells.length; i++) cells[i] = cells[i].replace("\\n", "\n");
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
