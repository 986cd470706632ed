package org.mailoutcome;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.mailoutcome.internal.Checks;
import org.mailoutcome.internal.OutcomeClassifier;

/**
 * What one SMTP step meant: one nested record per meaning, built by {@link #classify(Stage, SmtpReply)}.
 *
 * <table>
 * <caption>Reply to record</caption>
 * <tr><th>reply</th><th>record</th><th>disposition</th></tr>
 * <tr><td>250 and any other 2yz not below</td><td>{@link Accepted}</td><td>SUCCESS</td></tr>
 * <tr><td>251</td><td>{@link WillForward}</td><td>SUCCESS</td></tr>
 * <tr><td>252</td><td>{@link AcceptedUnverified}</td><td>SUCCESS</td></tr>
 * <tr><td>421</td><td>{@link ServiceUnavailable}</td><td>TRANSIENT</td></tr>
 * <tr><td>450</td><td>{@link MailboxBusy}</td><td>TRANSIENT</td></tr>
 * <tr><td>451</td><td>{@link LocalError}</td><td>TRANSIENT</td></tr>
 * <tr><td>452; 552 at RCPT meaning "too many recipients"</td><td>{@link InsufficientStorage}</td>
 *     <td>TRANSIENT</td></tr>
 * <tr><td>other 4yz</td><td>{@link TransientFailure}</td><td>TRANSIENT</td></tr>
 * <tr><td>551; 5yz with X.1.6; 5yz whose text names the new address of a moved recipient</td>
 *     <td>{@link NotLocalNoRelay}</td><td>PERMANENT</td></tr>
 * <tr><td>550 otherwise</td><td>{@link MailboxUnavailable}</td><td>PERMANENT</td></tr>
 * <tr><td>552 otherwise</td><td>{@link StorageExceeded}</td><td>PERMANENT</td></tr>
 * <tr><td>553</td><td>{@link MailboxNameNotAllowed}</td><td>PERMANENT</td></tr>
 * <tr><td>554</td><td>{@link TransactionFailed}</td><td>PERMANENT</td></tr>
 * <tr><td>500, 501, 502, 503, 504, 555</td><td>{@link ProtocolError}</td><td>PERMANENT</td></tr>
 * <tr><td>other 5yz</td><td>{@link PermanentFailure}</td><td>PERMANENT</td></tr>
 * <tr><td>1yz, 3yz where a final reply was due, unparseable</td><td>{@link Unexpected}</td><td>PERMANENT</td></tr>
 * <tr><td>no reply: connection lost or timed out</td><td>{@link ConnectionLost}</td><td>TRANSIENT</td></tr>
 * <tr><td>never sent: the address is on the mailer's suppression list</td><td>{@link Suppressed}</td>
 *     <td>PERMANENT</td></tr>
 * </table>
 *
 * <p>The expected intermediate replies, 354 to DATA and 334 during AUTH, classify as {@link Accepted}.
 * The {@link Reason} comes from the enhanced status code first and the text second; a forward path found in a
 * 251 or in a moved-recipient rejection makes it {@link Reason#MOVED}.
 *
 * <p>Java 17 callers use {@code instanceof} patterns; Java 21 callers get an exhaustive {@code switch}.
 */
public sealed interface DeliveryOutcome {

    /**
     * The stage whose reply this is.
     *
     * @return the stage
     */
    Stage stage();

    /**
     * The server's reply; empty only for {@link ConnectionLost} and for an {@link Unexpected} that did not parse.
     *
     * @return the reply, or empty
     */
    Optional<SmtpReply> reply();

    /**
     * Success, transient or permanent.
     *
     * @return the disposition
     */
    Disposition disposition();

    /**
     * The finer reason.
     *
     * @return the reason
     */
    Reason reason();

    /**
     * The forward path named by the server, for {@link WillForward} and {@link NotLocalNoRelay}; else empty.
     *
     * @return the forward path, or empty
     */
    default Optional<String> forwardPath() {
        return Optional.empty();
    }

    /**
     * The reply code, if there was a reply.
     *
     * @return the code, or empty
     */
    default OptionalInt code() {
        return reply().map(r -> OptionalInt.of(r.code())).orElse(OptionalInt.empty());
    }

    /**
     * The reply's enhanced status code, if there was one.
     *
     * @return the enhanced status code, or empty
     */
    default Optional<EnhancedStatus> enhancedStatus() {
        return reply().flatMap(SmtpReply::enhancedStatus);
    }

    /**
     * The exception behind an outcome no reply explains ({@link ConnectionLost}, and an {@link Unexpected} without
     * a reply that the client's own refusal caused), when the client had one; empty otherwise.
     *
     * @return the cause, or empty
     */
    default Optional<FailureCause> cause() {
        return Optional.empty();
    }

    /**
     * The name of this outcome's record, e.g. {@code "NotLocalNoRelay"}.
     *
     * @return the simple name of the record class
     */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * Classifies a reply received at a stage. Pure and total: every reply gives an outcome.
     *
     * @param stage the stage the reply answers
     * @param reply the reply
     * @return the outcome
     */
    static DeliveryOutcome classify(Stage stage, SmtpReply reply) {
        return OutcomeClassifier.classify(Objects.requireNonNull(stage, "stage"), Objects.requireNonNull(reply, "reply"));
    }

    /**
     * Classifies a reply about one recipient, e.g. to its {@code RCPT TO} or quoted in a bounce for it. As
     * {@link #classify(Stage, SmtpReply)}, but the recipient's own address is never taken for its forward path: a
     * 551 or X.1.6 reply that names exactly one other mailbox in angle brackets names its forward path, whatever
     * words surround it ({@code 551 5.1.6 User <old@example.com> not here; resend to <new@example.net>}).
     *
     * @param stage the stage the reply answers
     * @param reply the reply
     * @param recipient the recipient's address, as sent
     * @return the outcome
     */
    static DeliveryOutcome classify(Stage stage, SmtpReply reply, String recipient) {
        return OutcomeClassifier.classify(Objects.requireNonNull(stage, "stage"), Objects.requireNonNull(reply, "reply"),
                Optional.of(Objects.requireNonNull(recipient, "recipient")));
    }

    /**
     * Parses and classifies a raw reply; input that does not parse gives {@link Unexpected} with an empty reply.
     *
     * @param stage the stage the reply answers
     * @param raw the raw reply text
     * @return the outcome
     */
    static DeliveryOutcome classify(Stage stage, CharSequence raw) {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(raw, "raw");
        return SmtpReply.tryParse(raw).map(r -> OutcomeClassifier.classify(stage, r))
                .orElseGet(() -> new Unexpected(stage, Optional.empty(), Reason.UNKNOWN));
    }

    /** 250 and any 2yz without a record of its own (e.g. 254): the server took the step. */
    record Accepted(Stage stage, Optional<SmtpReply> reply, Reason reason) implements Success {
        /** Checks the components.
         * @param stage the stage the reply answers
         * @param reply the reply, always present
         * @param reason the finer reason */
        public Accepted { Checks.replied(stage, reply, reason); }
    }

    /** 251: the user is not local, the server accepts and forwards to the forward path. */
    record WillForward(Stage stage, Optional<SmtpReply> reply,
            Reason reason, Optional<String> forwardPath) implements Success {
        /** Checks the components.
         * @param stage the stage the reply answers
         * @param reply the reply, always present
         * @param reason the finer reason
         * @param forwardPath the path the server forwards to, if the reply names it */
        public WillForward { Checks.replied(stage, reply, reason); Objects.requireNonNull(forwardPath, "forwardPath"); }
    }

    /** 252: the server cannot verify the user but accepts the message and will attempt delivery. */
    record AcceptedUnverified(Stage stage, Optional<SmtpReply> reply, Reason reason) implements Success {
        /** Checks the components.
         * @param stage the stage the reply answers
         * @param reply the reply, always present
         * @param reason the finer reason */
        public AcceptedUnverified { Checks.replied(stage, reply, reason); }
    }

    /** 421: the service is not available and the server is closing the connection. */
    record ServiceUnavailable(Stage stage, Optional<SmtpReply> reply, Reason reason) implements Transient {
        /** Checks the components.
         * @param stage the stage the reply answers
         * @param reply the reply, always present
         * @param reason the finer reason */
        public ServiceUnavailable { Checks.replied(stage, reply, reason); }
    }

    /** 450: mailbox unavailable for now (busy, blocked for policy reasons, greylisted). */
    record MailboxBusy(Stage stage, Optional<SmtpReply> reply, Reason reason) implements Transient {
        /** Checks the components.
         * @param stage the stage the reply answers
         * @param reply the reply, always present
         * @param reason the finer reason */
        public MailboxBusy { Checks.replied(stage, reply, reason); }
    }

    /** 451: aborted, local error in processing (also the usual greylisting reply). */
    record LocalError(Stage stage, Optional<SmtpReply> reply, Reason reason) implements Transient {
        /** Checks the components.
         * @param stage the stage the reply answers
         * @param reply the reply, always present
         * @param reason the finer reason */
        public LocalError { Checks.replied(stage, reply, reason); }
    }

    /** 452 (insufficient storage, or too many recipients), and 552 at RCPT meaning too many recipients. */
    record InsufficientStorage(Stage stage, Optional<SmtpReply> reply, Reason reason) implements Transient {
        /** Checks the components.
         * @param stage the stage the reply answers
         * @param reply the reply, always present
         * @param reason the finer reason */
        public InsufficientStorage { Checks.replied(stage, reply, reason); }
    }

    /** Any other 4yz. */
    record TransientFailure(Stage stage, Optional<SmtpReply> reply, Reason reason) implements Transient {
        /** Checks the components.
         * @param stage the stage the reply answers
         * @param reply the reply, always present
         * @param reason the finer reason */
        public TransientFailure { Checks.replied(stage, reply, reason); }
    }

    /** 550: mailbox unavailable (not found, no access, or refused by policy). */
    record MailboxUnavailable(Stage stage, Optional<SmtpReply> reply, Reason reason) implements Permanent {
        /** Checks the components.
         * @param stage the stage the reply answers
         * @param reply the reply, always present
         * @param reason the finer reason */
        public MailboxUnavailable { Checks.replied(stage, reply, reason); }
    }

    /**
     * 551 and other moved-recipient rejections: the user is not local and the server will not relay; the reply may name the forward path to try.
     */
    record NotLocalNoRelay(Stage stage, Optional<SmtpReply> reply,
            Reason reason, Optional<String> forwardPath) implements Permanent {
        /** Checks the components.
         * @param stage the stage the reply answers
         * @param reply the reply, always present
         * @param reason the finer reason
         * @param forwardPath the forward path the reply names, if any */
        public NotLocalNoRelay {
            Checks.replied(stage, reply, reason);
            Objects.requireNonNull(forwardPath, "forwardPath");
        }
    }

    /** 552: storage allocation exceeded (mailbox full, message too big). */
    record StorageExceeded(Stage stage, Optional<SmtpReply> reply, Reason reason) implements Permanent {
        /** Checks the components.
         * @param stage the stage the reply answers
         * @param reply the reply, always present
         * @param reason the finer reason */
        public StorageExceeded { Checks.replied(stage, reply, reason); }
    }

    /** 553: mailbox name not allowed (bad syntax, or a sender/recipient the server refuses). */
    record MailboxNameNotAllowed(Stage stage, Optional<SmtpReply> reply, Reason reason) implements Permanent {
        /** Checks the components.
         * @param stage the stage the reply answers
         * @param reply the reply, always present
         * @param reason the finer reason */
        public MailboxNameNotAllowed { Checks.replied(stage, reply, reason); }
    }

    /** 554: transaction failed (often policy or spam rejection). */
    record TransactionFailed(Stage stage, Optional<SmtpReply> reply, Reason reason) implements Permanent {
        /** Checks the components.
         * @param stage the stage the reply answers
         * @param reply the reply, always present
         * @param reason the finer reason */
        public TransactionFailed { Checks.replied(stage, reply, reason); }
    }

    /** 500, 501, 502, 503, 504, 555: the server did not accept the command as sent. */
    record ProtocolError(Stage stage, Optional<SmtpReply> reply, Reason reason) implements Permanent {
        /** Checks the components.
         * @param stage the stage the reply answers
         * @param reply the reply, always present
         * @param reason the finer reason */
        public ProtocolError { Checks.replied(stage, reply, reason); }
    }

    /** Any other 5yz (521, 530, 535, 556, ...). */
    record PermanentFailure(Stage stage, Optional<SmtpReply> reply, Reason reason) implements Permanent {
        /** Checks the components.
         * @param stage the stage the reply answers
         * @param reply the reply, always present
         * @param reason the finer reason */
        public PermanentFailure { Checks.replied(stage, reply, reason); }
    }

    /**
     * A 1yz, a 3yz where a final reply was due, or a reply that could not be parsed (then {@code reply} is empty), or
     * a step the client refused to take (no reply, and the exception it threw as {@code cause}).
     *
     * @param stage the stage the reply answers
     * @param reply the reply, empty when it did not parse or none came
     * @param reason the finer reason
     * @param cause what the client threw, when it stopped on its own
     */
    record Unexpected(Stage stage, Optional<SmtpReply> reply, Reason reason, Optional<FailureCause> cause)
            implements Permanent {
        /** Checks the components.
         * @param stage the stage the reply answers
         * @param reply the reply, empty when it did not parse
         * @param reason the finer reason
         * @param cause what the client threw, if anything */
        public Unexpected {
            Checks.outcome(stage, reply, reason);
            Objects.requireNonNull(cause, "cause");
        }

        /** An unexpected reply, or none, without an exception behind it.
         * @param stage the stage the reply answers
         * @param reply the reply, empty when it did not parse
         * @param reason the finer reason */
        public Unexpected(Stage stage, Optional<SmtpReply> reply, Reason reason) {
            this(stage, reply, reason, Optional.empty());
        }
    }
    /**
     * No reply came: the connection was lost or a timeout expired. After the end of data the message may or may
     * not have been delivered; nothing can tell which.
     *
     * @param stage the stage whose reply never came
     * @param afterEndOfData whether the whole message had been sent (the message may have been delivered)
     * @param detail what the client saw, e.g. {@code "Read timed out"}
     * @param cause the exception behind it, typed (a reset, a timeout, a TLS handshake or certificate failure),
     *     when there was one (a server that closes the connection throws nothing)
     */
    record ConnectionLost(Stage stage, boolean afterEndOfData, String detail, Optional<FailureCause> cause)
            implements DeliveryOutcome {
        /** Checks the components.
         * @param stage the stage whose reply never came
         * @param afterEndOfData whether the whole message had been sent
         * @param detail what the client saw
         * @param cause the exception behind it, if any */
        public ConnectionLost {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(cause, "cause");
        }

        /** A lost connection without an exception behind it.
         * @param stage the stage whose reply never came
         * @param afterEndOfData whether the whole message had been sent
         * @param detail what the client saw */
        public ConnectionLost(Stage stage, boolean afterEndOfData, String detail) {
            this(stage, afterEndOfData, detail, Optional.empty());
        }

        /** @return empty: no reply came */
        @Override
        public Optional<SmtpReply> reply() {
            return Optional.empty();
        }

        /** @return {@link Disposition#TRANSIENT} */
        @Override
        public Disposition disposition() {
            return Disposition.TRANSIENT;
        }

        /** @return {@link Reason#NETWORK} */
        @Override
        public Reason reason() {
            return Reason.NETWORK;
        }

        /**
         * Whether the message may have been delivered: the connection broke after the end of data was sent.
         *
         * @return {@code afterEndOfData()}
         */
        public boolean isMaybeDelivered() {
            return afterEndOfData;
        }
    }

    /**
     * Never sent: the address is on the mailer's suppression list, so it was not given to the server (no
     * {@code RCPT TO}, and no connection at all when every recipient is suppressed). Nothing was delivered.
     *
     * @param kind why the address is suppressed
     * @param reason the reason of the outcome or notice that made the entry ({@link Reason#UNKNOWN} for a
     *     complaint or an entry added without one)
     * @param since when the entry was made
     * @param until when it expires; empty: until someone removes it
     * @param evidence what made the entry, in one line: the reply or notice and the send it came from
     */
    record Suppressed(SuppressionKind kind, Reason reason, Instant since, Optional<Instant> until, String evidence)
            implements Permanent {
        /** Checks the components.
         * @param kind why
         * @param reason the reason
         * @param since when the entry was made
         * @param until when it expires
         * @param evidence what made it */
        public Suppressed {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(evidence, "evidence");
        }

        /** @return {@link Stage#RCPT}: the command the recipient was never given */
        @Override
        public Stage stage() {
            return Stage.RCPT;
        }

        /** @return empty: nothing was asked of the server */
        @Override
        public Optional<SmtpReply> reply() {
            return Optional.empty();
        }
    }

    /** Outcomes with disposition {@link Disposition#SUCCESS}. */
    sealed interface Success extends DeliveryOutcome permits Accepted, WillForward, AcceptedUnverified {
        /** @return {@link Disposition#SUCCESS} */
        @Override
        default Disposition disposition() {
            return Disposition.SUCCESS;
        }
    }

    /** Outcomes with disposition {@link Disposition#TRANSIENT} that carry a reply. */
    sealed interface Transient extends DeliveryOutcome
            permits ServiceUnavailable, MailboxBusy, LocalError, InsufficientStorage, TransientFailure {
        /** @return {@link Disposition#TRANSIENT} */
        @Override
        default Disposition disposition() {
            return Disposition.TRANSIENT;
        }
    }

    /** Outcomes with disposition {@link Disposition#PERMANENT}. */
    sealed interface Permanent extends DeliveryOutcome permits MailboxUnavailable, NotLocalNoRelay,
            StorageExceeded, MailboxNameNotAllowed, TransactionFailed, ProtocolError, PermanentFailure, Unexpected,
            Suppressed {
        /** @return {@link Disposition#PERMANENT} */
        @Override
        default Disposition disposition() {
            return Disposition.PERMANENT;
        }
    }
}
