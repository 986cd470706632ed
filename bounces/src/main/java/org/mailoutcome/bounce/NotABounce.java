package org.mailoutcome.bounce;

import java.util.Objects;

/**
 * A mail that no format recognised as a notice: ordinary mail, or a notice too damaged to read.
 *
 * @param headers the header of the mail, as far as it could be read
 * @param why why it was not taken for a notice, e.g. {@code "no delivery-status part and no known bounce text"}
 */
public record NotABounce(Headers headers, String why) implements ParsedMail {

    /**
     * Checks the components.
     *
     * @param headers the mail's header
     * @param why the reason
     */
    public NotABounce {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(why, "why");
    }

    /**
     * {@link Format#NONE}.
     *
     * @return {@link Format#NONE}
     */
    @Override
    public Format format() {
        return Format.NONE;
    }
}
