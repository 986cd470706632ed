package org.mailoutcome.jakarta.internal;

import java.util.Objects;
import java.util.Optional;
import org.mailoutcome.SmtpReply;
import org.mailoutcome.Stage;

/**
 * One command and what came back, as recorded by {@link RecordingTransport}.
 *
 * @param stage the stage the command belongs to ({@link Stage#CONNECT} for the greeting)
 * @param command the command as sent, with AUTH arguments redacted; {@code ""} for the greeting
 * @param reply the raw reply ({@code \n}-joined lines), empty when none came
 * @param failure why no reply came (I/O error, timeout, EOF), empty when one did
 * @param parsed the reply parsed (once, here: the report, the health check and the classification all read it),
 *     empty when none came or it does not parse
 */
public record Exchange(Stage stage, String command, Optional<String> reply, Optional<String> failure,
        Optional<SmtpReply> parsed) {

    /** Checks the components. */
    public Exchange {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(parsed, "parsed");
    }

    /** An exchange whose reply, if any, is parsed here. */
    public Exchange(Stage stage, String command, Optional<String> reply, Optional<String> failure) {
        this(stage, command, reply, failure, reply.flatMap(SmtpReply::tryParse));
    }

    /** Whether no usable reply came for this command. */
    public boolean hasNoUsableReply() {
        return reply.isEmpty();
    }

    /** The stage of a command line as Angus sends it. */
    static Stage stageOf(String command) {
        if (starts(command, "RCPT")) return Stage.RCPT;
        if (starts(command, "MAIL")) return Stage.MAIL;
        if (command.equals(".")) return Stage.MESSAGE;
        if (starts(command, "DATA")) return Stage.DATA;
        if (starts(command, "EHLO") || starts(command, "HELO")) return Stage.EHLO;
        if (starts(command, "STARTTLS")) return Stage.STARTTLS;
        if (starts(command, "RSET")) return Stage.RSET;
        if (starts(command, "VRFY")) return Stage.VRFY;
        if (starts(command, "EXPN")) return Stage.EXPN;
        if (starts(command, "NOOP")) return Stage.NOOP;
        if (starts(command, "QUIT")) return Stage.QUIT;
        return Stage.AUTH;
    }

    private static boolean starts(String command, String verb) {
        return command.regionMatches(true, 0, verb, 0, verb.length());
    }

    /** The command with everything after {@code AUTH <mechanism>} replaced, so credentials are never kept. */
    static String redact(String command) {
        if (!command.regionMatches(true, 0, "AUTH ", 0, 5)) return command;
        int space = command.indexOf(' ', 5);
        return space < 0 ? command : command.substring(0, space) + " ***";
    }
}
