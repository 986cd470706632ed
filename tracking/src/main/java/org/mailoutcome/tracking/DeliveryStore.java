package org.mailoutcome.tracking;

import java.util.List;
import java.util.Optional;

/**
 * Where tracked sends are kept, so that a bounce, a delay notice or a success notice arriving later can be matched
 * to the send and recipient it is about. {@link InMemoryDeliveryStore} is the default; a durable store implements
 * this interface.
 *
 * <h2>For implementers</h2>
 * <ul>
 * <li><b>What to persist.</b> A {@link SentMessage} is plain values: strings, an {@link java.time.Instant} (store
 *     it in UTC, e.g. {@code TIMESTAMP WITH TIME ZONE}), and per recipient its addresses, its SMTP-time outcome as
 *     a {@link StoredOutcome} (stage and reply text: store the reply, never a serialized object), its
 *     {@link Fate} (name, time, and the status or the {@link StoredOutcome} it carries) and the identities of the
 *     notices applied to it. What is read back must be equal to what was written.</li>
 * <li><b>Keys.</b> {@link SentMessage#id()} is unique. {@link SentMessage#envelopeId()} and
 *     {@link SentMessage#verpToken()}, when present, identify one send each; {@link SentMessage#messageId()} and
 *     {@link SentMessage#queueId()} may be shared by several sends (an application that resends a message as it
 *     is), so it returns a list. Lookups
 *     compare exactly: the tracker passes the values as the mailer recorded them (a Message-ID with its angle
 *     brackets).</li>
 * <li><b>Atomicity.</b> {@link #update(ReportedFate)} is atomic per recipient: read the recipient's fate and
 *     notices, decide, write, with no other update of that recipient in between (a transaction with a row lock, or
 *     a compare-and-set retried). Two trackers ingesting the same notice at once must yield one {@link
 *     FateUpdate.Applied} and one {@link FateUpdate.Duplicate}.</li>
 * <li><b>Threads.</b> Every method may be called from several threads at once.</li>
 * <li><b>Failures.</b> Throw {@link DeliveryStoreException} (unchecked) for a failure of the store itself; never
 *     return a made-up result. The mailer logs a failed {@link #record(SentMessage)} and still returns its report;
 *     the tracker lets the exception through, so the notice is not marked processed and is read again.</li>
 * <li><b>Size.</b> Say what the store keeps and for how long. A notice for a send the store no longer has is
 *     reported by the tracker as unmatched, never dropped.</li>
 * </ul>
 */
public interface DeliveryStore {

    /**
     * Records a send, once, when the mailer's send returns (after every retry and forward of it).
     *
     * @param message the send, every recipient with its SMTP-time outcome and initial fate
     * @throws IllegalArgumentException when a send with the same id is already recorded
     * @throws DeliveryStoreException when the store fails
     */
    void record(SentMessage message);

    /**
     * The send with this id.
     *
     * @param id a {@link SentMessage#id()}
     * @return the send, or empty
     * @throws DeliveryStoreException when the store fails
     */
    Optional<SentMessage> find(String id);

    /**
     * The send whose RFC 3461 ENVID this is (a notice's {@code Original-Envelope-Id}).
     *
     * @param envelopeId the ENVID
     * @return the send, or empty
     * @throws DeliveryStoreException when the store fails
     */
    Optional<SentMessage> findByEnvelopeId(String envelopeId);

    /**
     * The send whose VERP envelope sender carried this token.
     *
     * @param verpToken the token from {@code bounces+TOKEN@domain}
     * @return the send, or empty
     * @throws DeliveryStoreException when the store fails
     */
    Optional<SentMessage> findByVerpToken(String verpToken);

    /**
     * The sends of a message with this Message-ID, newest first.
     *
     * @param messageId the Message-ID with its angle brackets, e.g. {@code "<abc@host>"}
     * @return the sends; empty when there is none
     * @throws DeliveryStoreException when the store fails
     */
    List<SentMessage> findByMessageId(String messageId);

    /**
     * The sends whose server gave this queue id in its reply to the end of data ({@link SentMessage#queueId()}),
     * newest first: an email service provider's own message id (SES's {@code mail.messageId}). Several servers may
     * reuse an id, hence a list.
     *
     * @param queueId the id, exactly as recorded
     * @return the sends; empty when there is none
     * @throws DeliveryStoreException when the store fails
     */
    List<SentMessage> findByQueueId(String queueId);

    /**
     * Applies what a notice says to one recipient, atomically: {@link FateUpdate.Duplicate} when the recipient
     * has seen {@link ReportedFate#noticeId()} already; else the notice is remembered and the fate replaced when the
     * current one {@link Fate#allows(Fate) allows} it ({@link FateUpdate.Applied}) or kept
     * ({@link FateUpdate.Kept}).
     *
     * @param change the send, recipient, reported fate and notice identity
     * @return what happened; {@link FateUpdate.NotFound} when the send or the recipient is unknown
     * @throws DeliveryStoreException when the store fails
     */
    FateUpdate update(ReportedFate change);

    /**
     * Sends with a recipient whose fate is not final ({@link SentMessage#isUnresolved()}), oldest first: to report
     * on or to follow up on messages no notice has settled.
     *
     * @param limit the most to return, at least 1
     * @return up to {@code limit} sends
     * @throws IllegalArgumentException when {@code limit < 1}
     * @throws DeliveryStoreException when the store fails
     */
    List<SentMessage> unresolved(int limit);

    /**
     * The latest sends, newest first (by {@link SentMessage#sentAt()}, or the order recorded): what a console shows
     * as recent sends.
     *
     * @param limit the most to return, at least 1
     * @return up to {@code limit} sends
     * @throws IllegalArgumentException when {@code limit < 1}
     * @throws DeliveryStoreException when the store fails
     */
    List<SentMessage> recent(int limit);
}
