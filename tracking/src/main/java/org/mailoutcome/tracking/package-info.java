/**
 * Following each recipient past acceptance: {@link org.mailoutcome.tracking.Tracking} (the store and the keys,
 * given once to the mailer and to the bounce tracker), the {@link org.mailoutcome.tracking.DeliveryStore} SPI where
 * tracked sends are recorded, the records it keeps ({@link org.mailoutcome.tracking.SentMessage},
 * {@link org.mailoutcome.tracking.TrackedRecipient}, the sealed {@link org.mailoutcome.tracking.Fate}) and the
 * in-memory default. Nothing here knows how mail is sent or how bounces are parsed: the mailer and the bounce
 * tracker depend on this package, never the other way.
 *
 * <p><b>Nulls:</b> no method accepts or returns {@code null}; absent values are {@link java.util.Optional}.
 *
 * <p><b>Threads:</b> records and settings are immutable; stores are thread-safe.
 */
package org.mailoutcome.tracking;
