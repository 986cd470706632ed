package org.mailoutcome.cli;

/**
 * A command line that parsed but cannot be used (e.g. {@code --ssl} with {@code --starttls}); the tool prints the
 * message with the command's usage and exits with status 2, having sent nothing.
 */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
