package org.mailoutcome.bounce.tracking;

import java.util.Optional;
import org.mailoutcome.bounce.Complaint;
import org.mailoutcome.bounce.ParsedMail;
import org.mailoutcome.tracking.Fate;
import org.mailoutcome.tracking.ProviderReport;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.Suppression;
import org.mailoutcome.tracking.TrackedRecipient;

/**
 * Typed callbacks of a {@link DeliveryTracker}: one per kind of news, each a no-op by default; override the ones
 * you need. {@link #onFateChanged} is the catch-all, called before the typed method for every fate that moved.
 *
 * <p>Called on the thread that ingests, once per recipient whose fate a notice moved (a notice ingested again
 * moves nothing and calls nothing), in the notice's recipient order; they must be fast. A callback that throws
 * is logged (SLF4J, WARN) with what it was handling; the other callbacks of the notice are still called, and the
 * fate stays recorded.
 */
public interface FateListener {
    /** The listener that does nothing. */
    FateListener NONE = new FateListener() {
    };

    /**
     * Any fate that moved, before the typed callback.
     *
     * @param send the send, after the change
     * @param recipient the recipient, with its new fate
     * @param previous its fate before
     */
    default void onFateChanged(SentMessage send, TrackedRecipient recipient, Fate previous) {
    }

    /**
     * A bounce: the message will not reach this recipient.
     *
     * @param send the send
     * @param recipient the recipient
     * @param fate the bounce, with the remote server's reply classified
     */
    default void onBounced(SentMessage send, TrackedRecipient recipient, Fate.Bounced fate) {
    }

    /**
     * A delay notice: still queued, to be tried again.
     *
     * @param send the send
     * @param recipient the recipient
     * @param fate the delay
     */
    default void onDelayed(SentMessage send, TrackedRecipient recipient, Fate.Delayed fate) {
    }

    /**
     * A success notice (delivered, relayed, expanded). Not final: a bounce may still follow.
     *
     * @param send the send
     * @param recipient the recipient
     * @param fate the delivery
     */
    default void onDelivered(SentMessage send, TrackedRecipient recipient, Fate.Delivered fate) {
    }

    /**
     * A bounce saying the recipient moved (5.1.6, 551) and naming the new address; after {@link #onBounced}. With
     * the tracker's address book, only when the move is news to it: once, when it is learnt.
     *
     * @param send the send
     * @param recipient the recipient
     * @param forwardPath the new address the bounce names
     */
    default void onAddressMoved(SentMessage send, TrackedRecipient recipient, String forwardPath) {
    }

    /**
     * A notice put an address on the tracker's suppression list (a hard bounce, the soft bounce that reached the
     * threshold, a complaint), or replaced its entry with one that lasts longer; not called for evidence the list
     * already had.
     *
     * @param entry the entry now in force
     */
    default void onSuppressed(Suppression entry) {
    }

    /**
     * A complaint (RFC 5965 feedback report): someone reported the message as abuse. Fates do not change.
     *
     * @param complaint the report
     * @param send the send it is about, if it was matched
     */
    default void onComplaint(Complaint complaint, Optional<SentMessage> send) {
    }

    /**
     * A notice that matches no tracked send, or names a recipient the send does not have: reported, never
     * dropped. A notice ingested again after a crash is reported again.
     *
     * @param notice the notice
     * @param why what did not match, e.g. {@code "no send with ENVID abc, VERP token or Message-ID <x@y>"}
     */
    default void onUnmatched(ParsedMail notice, String why) {
    }

    /**
     * An email service provider's event matched to a recipient of a tracked send, the first time it is ingested,
     * after the fate callbacks it caused: every kind, also those that change no fate (opened, clicked, queued).
     *
     * @param report the report
     * @param send the send, after the report
     * @param recipient the recipient, after the report
     */
    default void onProviderEvent(ProviderReport report, SentMessage send, TrackedRecipient recipient) {
    }

    /**
     * An email service provider's event that matches no tracked send, or no recipient of it, or names no recipient:
     * reported, never dropped; nothing changed.
     *
     * @param report the report
     * @param why what did not match
     */
    default void onUnmatched(ProviderReport report, String why) {
    }

    /**
     * A mail that is no notice: an auto-reply, or ordinary mail in the bounce mailbox.
     *
     * @param mail what the parser made of it
     */
    default void onIgnored(ParsedMail mail) {
    }
}
