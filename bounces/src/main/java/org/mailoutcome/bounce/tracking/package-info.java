/**
 * Following tracked sends to their fate: {@link org.mailoutcome.bounce.tracking.DeliveryTracker} matches
 * bounces, delay and success notices and complaints to the sends an {@code OutcomeMailer} with tracking recorded
 * in a {@link org.mailoutcome.tracking.DeliveryStore}, and calls a
 * {@link org.mailoutcome.bounce.tracking.FateListener}; {@link org.mailoutcome.bounce.tracking.BounceMailbox} feeds
 * it from an IMAP folder.
 *
 * <p><b>Nulls:</b> no method accepts or returns {@code null}; absent values are {@link java.util.Optional}.
 *
 * <p><b>Threads:</b> the tracker is thread-safe; a mailbox reads its folder on one thread of its own.
 */
package org.mailoutcome.bounce.tracking;
