package org.mailoutcome.testkit.internal;

import java.io.IOException;

/** A client sent a line longer than the server accepts. */
public final class LineTooLongException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param maxLength the limit that was passed
     */
    public LineTooLongException(int maxLength) {
        super("line longer than " + maxLength + " bytes");
    }
}
