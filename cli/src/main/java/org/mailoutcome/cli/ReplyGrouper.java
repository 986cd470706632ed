package org.mailoutcome.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Groups input lines into replies as SMTP does: {@code NNN-} continuation lines belong to the next line. */
final class ReplyGrouper {
    private ReplyGrouper() {
    }

    static List<String> group(BufferedReader in) throws IOException {
        List<String> replies = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isBlank() && pending.length() == 0) continue;
            if (pending.length() > 0) pending.append('\n');
            pending.append(line);
            if (!isContinuation(line)) {
                replies.add(pending.toString());
                pending.setLength(0);
            }
        }
        if (pending.length() > 0) replies.add(pending.toString());
        return replies;
    }

    private static boolean isContinuation(String line) {
        return line.length() >= 4 && Character.isDigit(line.charAt(0)) && Character.isDigit(line.charAt(1))
                && Character.isDigit(line.charAt(2)) && line.charAt(3) == '-';
    }
}
