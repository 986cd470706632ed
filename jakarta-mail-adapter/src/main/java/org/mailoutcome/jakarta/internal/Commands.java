package org.mailoutcome.jakarta.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mailoutcome.SmtpReply;
import org.mailoutcome.Stage;

/**
 * The project's one reading of an SMTP command line as Angus writes it (the stage its verb names) and its one AUTH
 * redaction (of commands and of replies), used by the transcript, the pipelined flight, the mail parameters and the
 * decoder of Angus's exceptions.
 */
final class Commands {
    private static final Map<String, Stage> VERBS = Map.ofEntries(Map.entry("MAIL", Stage.MAIL),
            Map.entry("RCPT", Stage.RCPT), Map.entry("DATA", Stage.DATA), Map.entry(".", Stage.MESSAGE),
            Map.entry("BDAT", Stage.MESSAGE), Map.entry("EHLO", Stage.EHLO), Map.entry("HELO", Stage.EHLO),
            Map.entry("STARTTLS", Stage.STARTTLS), Map.entry("AUTH", Stage.AUTH), Map.entry("RSET", Stage.RSET),
            Map.entry("VRFY", Stage.VRFY), Map.entry("EXPN", Stage.EXPN), Map.entry("NOOP", Stage.NOOP),
            Map.entry("QUIT", Stage.QUIT));
    private static final String WITHHELD = "(text withheld: AUTH stage)";

    private Commands() {
    }

    /** The stage of a command line by its verb; empty for a line without a known verb (an AUTH continuation). */
    static Optional<Stage> stageOf(String command) {
        if (command == null) return Optional.empty();
        String line = command.strip();
        int space = line.indexOf(' ');
        String verb = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
        return Optional.ofNullable(VERBS.get(verb));
    }

    /** Whether the line's verb names {@code stage}. */
    static boolean is(String command, Stage stage) {
        return stageOf(command).orElse(null) == stage;
    }

    /** Whether the line sends a chunk of a message: {@code BDAT <size>} or {@code BDAT <size> LAST}. */
    static boolean isChunk(String command) {
        return is(command, Stage.MESSAGE) && !command.strip().equals(".");
    }

    /** Whether the line is the last chunk of a message: {@code BDAT <size> LAST}. */
    static boolean isLastChunk(String command) {
        return is(command, Stage.MESSAGE) && command.strip().toUpperCase(Locale.ROOT).endsWith(" LAST");
    }

    /** The command with everything after {@code AUTH <mechanism>} replaced, so credentials are never kept. */
    static String redact(String command) {
        if (!command.regionMatches(true, 0, "AUTH ", 0, 5)) return command;
        int space = command.indexOf(' ', 5);
        return space < 0 ? command : command.substring(0, space) + " ***";
    }

    /**
     * An AUTH-stage reply with only its code and enhanced status code: a hostile or broken server may echo the
     * credentials back, and they must never reach a log or a report.
     */
    static SmtpReply withheld(SmtpReply reply) {
        return SmtpReply.of(reply.code(), reply.enhancedStatus().map(s -> s + " ").orElse("") + WITHHELD);
    }

    /** {@link #withheld(SmtpReply)} of a raw reply; an unparseable one is withheld whole. */
    static String withheld(String raw) {
        return SmtpReply.tryParse(raw).map(r -> withheld(r).toString())
                .orElse("(unparseable reply withheld: AUTH stage)");
    }
}
