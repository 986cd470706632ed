package org.mailoutcome.bounce;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The Sisimai corpus in src/test/resources/sisimai (BSD-2, see LICENSE-sisimai.txt beside it). */
final class Corpus {
    private Corpus() {
    }

    /** One row of expected.tsv: what Sisimai's own tests expect for one recipient of one mail. */
    record Expected(String file, int index, String status, String code, String sisimaiReason, String reason) {
        boolean isPseudoStatus() {
            return status.matches("\\d\\.0\\.9\\d\\d");
        }
    }

    /** The expected rows, by file in the order of the table. */
    static Map<String, List<Expected>> expected() {
        Map<String, List<Expected>> byFile = new LinkedHashMap<>();
        for (String line : new String(bytes("expected.tsv"), StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("#") || line.isBlank()) continue;
            String[] c = line.split("\t", -1);
            Expected row = new Expected(c[0], Integer.parseInt(c[1]), c[2], c[3], c[4], c[5]);
            byFile.computeIfAbsent(row.file(), f -> new ArrayList<>()).add(row);
        }
        return byFile;
    }

    /** Every .eml file of the corpus, by name. */
    static List<String> mails() {
        String listing = new String(bytes(""), StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>();
        for (String name : listing.split("\n")) if (name.endsWith(".eml")) names.add(name);
        names.sort(null);
        return names;
    }

    static byte[] bytes(String name) {
        return bytes("sisimai", name);
    }

    /** A file (or, for "", the listing) of a test resource directory. */
    static byte[] bytes(String dir, String name) {
        String path = "/" + dir + "/" + name;
        try (InputStream in = Objects.requireNonNull(Corpus.class.getResourceAsStream(path), path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
