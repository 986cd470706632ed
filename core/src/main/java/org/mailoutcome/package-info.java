/**
 * SMTP replies as values and their typed delivery outcomes.
 *
 * <p>Start with {@link org.mailoutcome.DeliveryOutcome#classify(Stage, SmtpReply)}: it turns a parsed
 * {@link org.mailoutcome.SmtpReply} at a given {@link org.mailoutcome.Stage} into one of the records nested in
 * {@link org.mailoutcome.DeliveryOutcome}, with a {@link org.mailoutcome.Disposition} and a
 * {@link org.mailoutcome.Reason}.
 *
 * <p><b>Nulls:</b> no method of this package accepts or returns {@code null}; absent values are
 * {@link java.util.Optional}. Passing {@code null} throws {@link NullPointerException} naming the argument.
 *
 * <p><b>Threads:</b> every type here is immutable and safe to share between threads; every function is pure.
 */
package org.mailoutcome;
