/**
 * Sending with Jakarta Mail and getting one typed outcome per recipient.
 *
 * <p>{@link org.mailoutcome.jakarta.OutcomeMailer} sends and returns a {@link org.mailoutcome.jakarta.DeliveryReport};
 * {@link org.mailoutcome.jakarta.ExceptionDecoder} turns a {@code MessagingException} from code that calls
 * {@code Transport.send} itself into the same report; {@link org.mailoutcome.jakarta.OutcomeTransportListener}
 * adapts Jakarta Mail's transport events; {@link org.mailoutcome.jakarta.OutcomeHandler} receives typed
 * callbacks. A mailer given a suppression list and an address book (the tracking module's SPIs) leaves suppressed
 * recipients off the wire and sends to the forward paths it knows; {@link org.mailoutcome.jakarta.SendOptions}
 * changes that for one send.
 *
 * <p><b>Nulls:</b> no method accepts or returns {@code null}; absent values are {@link java.util.Optional}.
 *
 * <p><b>Threads:</b> the mailer is thread-safe; reports and outcomes are immutable. Handlers are called on the
 * sending thread, in envelope order.
 */
package org.mailoutcome.jakarta;
