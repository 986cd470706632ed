package org.mailoutcome.bounce;

/**
 * What a received mail turned out to be: one record per meaning.
 *
 * <p>Java 17 callers use {@code instanceof} patterns; Java 21 callers get an exhaustive {@code switch}.
 */
public sealed interface ParsedMail permits Bounce, Complaint, AutoReply, NotABounce {

    /**
     * The header of the received mail itself (not of the message it returns), e.g. to read the address it was
     * sent to ({@code To}, {@code Delivered-To}) or {@code X-Failed-Recipients}.
     *
     * @return the header fields, in order
     */
    Headers headers();

    /**
     * The format that recognised the mail.
     *
     * @return the format
     */
    Format format();
}
