package org.mailoutcome.jakarta.internal;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.mailoutcome.Stage;

/**
 * One command and what came back, as recorded by {@link RecordingTransport}.
 *
 * @param stage the stage the command belongs to ({@link Stage#CONNECT} for the greeting)
 * @param command the command as sent, with AUTH arguments redacted; {@code ""} for the greeting
 * @param reply the raw reply ({@code \n}-joined lines), empty when none came
 * @param failure why no reply came (I/O error, timeout, EOF), empty when one did
 */
public record Exchange(Stage stage, String command, Optional<String> reply, Optional<String> failure) {

    /** Checks the components. */
    public Exchange {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(failure, "failure");
    }

    /** Whether no usable reply came for this command. */
    public boolean isLost() {
        return reply.isEmpty();
    }

    /** The stage of a command line as Angus sends it. */
    static Stage stageOf(String command) {
        String upper = command.length() > 10 ? command.substring(0, 10).toUpperCase(Locale.ROOT)
                : command.toUpperCase(Locale.ROOT);
        if (upper.startsWith("RCPT")) return Stage.RCPT;
        if (upper.startsWith("MAIL")) return Stage.MAIL;
        if (upper.equals(".")) return Stage.MESSAGE;
        if (upper.startsWith("DATA")) return Stage.DATA;
        if (upper.startsWith("EHLO") || upper.startsWith("HELO")) return Stage.EHLO;
        if (upper.startsWith("STARTTLS")) return Stage.STARTTLS;
        if (upper.startsWith("RSET")) return Stage.RSET;
        if (upper.startsWith("VRFY")) return Stage.VRFY;
        if (upper.startsWith("EXPN")) return Stage.EXPN;
        if (upper.startsWith("NOOP")) return Stage.NOOP;
        if (upper.startsWith("QUIT")) return Stage.QUIT;
        return Stage.AUTH;
    }

    /** The command with everything after {@code AUTH <mechanism>} replaced, so credentials are never kept. */
    static String redact(String command) {
        if (!command.regionMatches(true, 0, "AUTH ", 0, 5)) return command;
        int space = command.indexOf(' ', 5);
        return space < 0 ? command : command.substring(0, space) + " ***";
    }
}
