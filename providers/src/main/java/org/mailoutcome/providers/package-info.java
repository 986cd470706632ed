/**
 * Provider events: {@link org.mailoutcome.providers.ProviderEvents} checks that a webhook request really comes
 * from the provider and turns its body into {@link org.mailoutcome.providers.ProviderEvent}s, one record per kind
 * (bounced, delayed, delivered, complained, suppressed, ...), each with its recipient, time, the provider's message
 * id, your own correlation values ({@link org.mailoutcome.providers.Correlation}) and the raw payload.
 *
 * <p><b>Nulls:</b> no method of this package accepts or returns {@code null}; absent values are
 * {@link java.util.Optional}. Passing {@code null} throws {@link NullPointerException} naming the argument.
 *
 * <p><b>Threads:</b> every value here is immutable. A {@code ProviderEvents} is safe for many threads at once:
 * its replay guards, certificate cache and counters are thread-safe. {@code parse} never throws for what a request
 * contains: every outcome, a forged or malformed request included, is a {@link org.mailoutcome.providers.ParseResult}.
 */
package org.mailoutcome.providers;
