/**
 * The hand-off of deferred recipients to a durable retry store, and the re-send of a stored message.
 *
 * <p>A mailer built with {@code OutcomeMailerBuilder.retryHandOff(...)} does not wait for a retry: it gives the
 * deferred recipients to the {@link org.mailoutcome.jakarta.retry.RetryHandOff} as a
 * {@link org.mailoutcome.jakarta.retry.DeferredSend} and returns the report so far, whose
 * {@code scheduledRetry()} says when the retry is due or why it could not be scheduled. A worker later re-sends the
 * {@link org.mailoutcome.jakarta.retry.StoredMessage} with {@link org.mailoutcome.jakarta.retry.Resender}, one transaction,
 * with {@link org.mailoutcome.jakarta.retry.TransactionHooks} around it for its ledger.
 *
 * <p>No parameter or return value is null; absent values are {@code Optional}. The records are immutable and
 * thread-safe; a hand-off is called on the sending thread.
 */
package org.mailoutcome.jakarta.retry;
