package org.mailoutcome.jakarta.internal;

import java.util.Objects;
import java.util.Optional;
import org.mailoutcome.FailureCause;
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
 * @param cause the exception behind the failure, typed, when there was one
 */
public record Exchange(Stage stage, String command, Optional<String> reply, Optional<String> failure,
        Optional<SmtpReply> parsed, Optional<FailureCause> cause) {

    /** Checks the components. */
    public Exchange {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(parsed, "parsed");
        Objects.requireNonNull(cause, "cause");
    }

    /** An exchange whose reply, if any, is parsed here, without an exception behind a failure. */
    public Exchange(Stage stage, String command, Optional<String> reply, Optional<String> failure) {
        this(stage, command, reply, failure, reply.flatMap(SmtpReply::tryParse), Optional.empty());
    }

    /** Why no reply came, for an outcome: the failure and its cause. */
    Failure why() {
        return new Failure(failure.orElse("no reply"), cause);
    }

    /** Whether no usable reply came for this command. */
    public boolean hasNoUsableReply() {
        return reply.isEmpty();
    }
}
