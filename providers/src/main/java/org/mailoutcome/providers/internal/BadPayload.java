package org.mailoutcome.providers.internal;

/** The body is not what the provider sends; the message says what is wrong. Becomes {@code Malformed}. */
public final class BadPayload extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param why what is wrong */
    public BadPayload(String why) {
        super(why, null, false, false);
    }
}
