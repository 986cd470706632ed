package org.mailoutcome.jakarta;

/**
 * What a forward to a 551's forward path does to the message's headers.
 *
 * <p>{@link #UNCHANGED} (the default) sends the very same bytes and Message-ID: only the envelope recipient
 * changes, as when a server forwards (251). The new recipient then sees To/Cc naming the old address, which is
 * accurate: the message was written to it. {@link #RESENT} adds RFC 5322 section 3.6.6 resent fields
 * ({@code Resent-Date}, {@code Resent-From}, {@code Resent-To}, {@code Resent-Message-ID}) on top, so the new
 * recipient and its filters can see the message was re-sent to them; the original headers, Message-ID and body
 * stay as they are. To and Cc are never rewritten: that would show the other recipients an address they never
 * saw, and DKIM signatures covering To would break.
 */
public enum ForwardHeaders {
    /** The message is sent as it is; only the envelope changes. */
    UNCHANGED,
    /** Resent-* fields are added for the forwarded copy. */
    RESENT
}
