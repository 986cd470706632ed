package org.mailoutcome.jakarta;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Disposition;
import org.mailoutcome.jakarta.retry.ScheduledRetry;

/**
 * What happened to one message: exactly one final outcome per envelope recipient, in envelope order.
 *
 * @param recipients one entry per envelope recipient, in envelope order
 * @param messageOutcome the outcome of the last message-level step reached: the end-of-data reply, or the
 *     connection, EHLO, AUTH, MAIL or DATA step that failed; empty when no recipient was accepted, so the message
 *     itself was never offered
 * @param queueId the queue id the server gave at the end of data ({@code "queued as 4Xyz"}, {@code "id=..."})
 * @param messageId the Message-ID header of the message sent
 * @param scheduledRetry for a mailer with a {@link org.mailoutcome.jakarta.retry.RetryHandOff} whose send had
 *     recipients to retry: when the retry is due, or why it could not be scheduled; else empty
 */
public record DeliveryReport(List<RecipientOutcome> recipients, Optional<DeliveryOutcome> messageOutcome,
        Optional<String> queueId, Optional<String> messageId, Optional<ScheduledRetry> scheduledRetry) {

    /**
     * Checks and copies the components.
     *
     * @param recipients one entry per envelope recipient, in envelope order
     * @param messageOutcome the outcome of the last message-level step reached
     * @param queueId the queue id the server gave at the end of data
     * @param messageId the Message-ID header of the message sent
     * @param scheduledRetry the hand-off of the recipients to retry, if any
     */
    public DeliveryReport {
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(messageOutcome, "messageOutcome");
        Objects.requireNonNull(queueId, "queueId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(scheduledRetry, "scheduledRetry");
    }

    /**
     * A report without a scheduled retry.
     *
     * @param recipients one entry per envelope recipient, in envelope order
     * @param messageOutcome the outcome of the last message-level step reached
     * @param queueId the queue id the server gave at the end of data
     * @param messageId the Message-ID header of the message sent
     */
    public DeliveryReport(List<RecipientOutcome> recipients, Optional<DeliveryOutcome> messageOutcome,
            Optional<String> queueId, Optional<String> messageId) {
        this(recipients, messageOutcome, queueId, messageId, Optional.empty());
    }

    /**
     * A copy that says what became of the recipients to retry.
     *
     * @param retry the hand-off's result
     * @return the new report
     */
    public DeliveryReport withScheduledRetry(ScheduledRetry retry) {
        return new DeliveryReport(recipients, messageOutcome, queueId, messageId, Optional.of(retry));
    }

    /**
     * The recipients whose final outcome is a success (250, 251, 252 and other 2yz).
     *
     * @return those recipients, in envelope order
     */
    public List<RecipientOutcome> accepted() {
        return with(Disposition.SUCCESS);
    }

    /**
     * The recipients whose final outcome is transient: trying again later may succeed.
     *
     * @return those recipients, in envelope order
     */
    public List<RecipientOutcome> deferred() {
        return with(Disposition.TRANSIENT);
    }

    /**
     * The recipients whose final outcome is permanent.
     *
     * @return those recipients, in envelope order
     */
    public List<RecipientOutcome> rejected() {
        return with(Disposition.PERMANENT);
    }

    /**
     * Whether every recipient's final outcome is a success.
     *
     * @return true when nothing was deferred or rejected
     */
    public boolean isFullyAccepted() {
        return recipients.stream().allMatch(r -> r.disposition() == Disposition.SUCCESS);
    }

    /**
     * The outcome of one envelope recipient, compared case-insensitively.
     *
     * @param address the envelope address, e.g. {@code "bob@example.com"}
     * @return its entry, or empty when it was not in the envelope
     */
    public Optional<RecipientOutcome> recipient(String address) {
        Objects.requireNonNull(address, "address");
        return recipients.stream().filter(r -> r.address().getAddress().equalsIgnoreCase(address)).findFirst();
    }

    private List<RecipientOutcome> with(Disposition disposition) {
        return recipients.stream().filter(r -> r.disposition() == disposition).toList();
    }

    /**
     * A readable multi-line summary: one line per recipient with its record, code and forward path.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("DeliveryReport[");
        messageId.ifPresent(id -> out.append("messageId=").append(id).append(", "));
        queueId.ifPresent(id -> out.append("queueId=").append(id).append(", "));
        out.append(accepted().size()).append(" accepted, ").append(deferred().size()).append(" deferred, ")
                .append(rejected().size()).append(" rejected");
        scheduledRetry.ifPresent(r -> out.append(r instanceof ScheduledRetry.Scheduled s
                ? ", retry due " + s.due() + " (" + s.id() + ")"
                : ", retry not scheduled: " + ((ScheduledRetry.NotScheduled) r).reason()));
        out.append(']');
        for (RecipientOutcome r : recipients) {
            out.append("\n  ").append(r.address().getAddress());
            for (RecipientOutcome.Attempt attempt : r.attempts()) {
                if (attempt != r.attempts().get(0)) out.append("\n    -> ").append(attempt.address().getAddress());
                out.append(": ").append(describe(attempt.outcome()));
            }
        }
        return out.toString();
    }

    /**
     * One outcome in a line, for logs: record, stage, the first line of the reply, the forward path, and the
     * exception behind an outcome no reply explains.
     *
     * @param outcome the outcome
     * @return e.g. {@code "NotLocalNoRelay at RCPT (551 5.1.6 User not local; ...) forward path x@new.example"}
     */
    public static String describe(DeliveryOutcome outcome) {
        StringBuilder out = new StringBuilder(outcome.name()).append(" at ").append(outcome.stage());
        outcome.reply().ifPresent(reply -> out.append(" (").append(reply.code()).append(' ')
                .append(reply.lines().get(0)).append(reply.lines().size() > 1 ? " ...)" : ")"));
        if (outcome instanceof DeliveryOutcome.ConnectionLost lost) {
            out.append(" (").append(lost.detail()).append(lost.isMaybeDelivered() ? ", maybe delivered)" : ")");
        }
        outcome.forwardPath().ifPresent(path -> out.append(" forward path ").append(path));
        outcome.cause().ifPresent(cause -> out.append(" [").append(cause).append(']'));
        return out.toString();
    }

}
