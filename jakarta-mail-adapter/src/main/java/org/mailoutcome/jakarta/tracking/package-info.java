/**
 * Following each recipient past acceptance: the {@link org.mailoutcome.jakarta.tracking.DeliveryStore} SPI where
 * the mailer records tracked sends, the records it keeps ({@link org.mailoutcome.jakarta.tracking.SentMessage},
 * {@link org.mailoutcome.jakarta.tracking.TrackedRecipient}, the sealed {@link org.mailoutcome.jakarta.tracking.Fate})
 * and the in-memory default. Nothing here knows how bounces are parsed: the bounce tracker depends on this package,
 * never the other way.
 *
 * <p><b>Nulls:</b> no method accepts or returns {@code null}; absent values are {@link java.util.Optional}.
 *
 * <p><b>Threads:</b> records are immutable; stores are thread-safe.
 */
package org.mailoutcome.jakarta.tracking;
