/**
 * Bounce parsing: {@link org.mailoutcome.bounce.BounceParser} turns a received mail into a
 * {@link org.mailoutcome.bounce.ParsedMail}: a {@link org.mailoutcome.bounce.Bounce} with one
 * {@link org.mailoutcome.bounce.BouncedRecipient} per recipient, a {@link org.mailoutcome.bounce.Complaint},
 * an {@link org.mailoutcome.bounce.AutoReply} or a {@link org.mailoutcome.bounce.NotABounce}.
 *
 * <p>No method accepts or returns {@code null}; absent values are {@link java.util.Optional}. Every type here
 * is immutable and safe to share between threads; a {@code BounceParser} may be used by many threads at once.
 */
package org.mailoutcome.bounce;
