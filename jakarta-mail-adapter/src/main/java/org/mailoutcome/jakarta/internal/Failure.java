package org.mailoutcome.jakarta.internal;

import java.util.Objects;
import java.util.Optional;
import org.mailoutcome.FailureCause;

/**
 * Why no reply came, for the outcome that says so: a description for the outcome's detail, and the exception behind
 * it, typed ({@link FailureCause}), when there was one.
 *
 * @param description e.g. {@code "SocketTimeoutException: Read timed out"}; {@code ""} when nothing failed
 * @param cause the exception behind it, if any
 */
record Failure(String description, Optional<FailureCause> cause) {
    /** Nothing failed. */
    static final Failure NONE = new Failure("", Optional.empty());

    Failure {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(cause, "cause");
    }

    /** What was thrown: described by its root cause, typed by {@link FailureCause#of}. */
    static Failure of(Throwable thrown) {
        return new Failure(Transcript.describe(thrown), Optional.of(FailureCause.of(thrown)));
    }

    /** A failure without an exception (the server closed the connection, the client gave up waiting). */
    static Failure of(String description) {
        return new Failure(description, Optional.empty());
    }

    /** The description, or {@code "no reply"} when empty. */
    String orNoReply() {
        return description.isEmpty() ? "no reply" : description;
    }

    /** The same cause with another description. */
    Failure described(String description) {
        return new Failure(description, cause);
    }
}
