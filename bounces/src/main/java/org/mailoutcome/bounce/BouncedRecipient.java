package org.mailoutcome.bounce;

import java.util.Objects;
import java.util.Optional;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Disposition;
import org.mailoutcome.EnhancedStatus;
import org.mailoutcome.Reason;

/**
 * What a notice says about one recipient. A notice can name a recipient twice: as the sender gave it
 * ({@code Original-Recipient}, RFC 3461 ORCPT; in a text bounce the alias a recipient was "expanded from") and as the
 * reporting server tried it ({@code Final-Recipient}: an alias expansion, a mailbox on an internal host).
 * {@link #recipient()} is the one to show and to correlate by: the original where the notice states it, else the
 * final one.
 *
 * @param finalRecipient the recipient the reporting server tried ({@code Final-Recipient}, or the address a
 *     text bounce names), without the {@code rfc822;} type
 * @param originalRecipient the recipient as the sender gave it ({@code Original-Recipient}), if stated
 * @param action what the reporting server did
 * @param status the enhanced status the notice states or, where it states none, the class its action implies:
 *     {@code 5.0.0} (failed), {@code 4.0.0} (delayed), {@code 2.0.0} (delivered, relayed, expanded)
 * @param statusStated whether the notice stated {@code status} (a {@code Status} field or a code in the reply)
 * @param diagnostic the remote server's reply or the reporting server's reason ({@code Diagnostic-Code}
 *     without its type, or the text of a text bounce), if given
 * @param outcome the reply (or the status, where no SMTP reply was given) classified by core: its reason, and
 *     the forward path of a 5.1.6
 * @param reason the reason of the notice: the outcome's, refined by what the notice says beyond the reply (see
 *     {@link #reason()})
 * @param remoteMta the server that gave the reply ({@code Remote-MTA}), if stated
 */
public record BouncedRecipient(String finalRecipient, Optional<String> originalRecipient, Action action,
        EnhancedStatus status, boolean statusStated, Optional<String> diagnostic, DeliveryOutcome outcome,
        Reason reason, Optional<String> remoteMta) {

    /**
     * Checks the components.
     *
     * @param finalRecipient the final recipient
     * @param originalRecipient the original recipient, if stated
     * @param action the action
     * @param status the stated or implied status
     * @param statusStated whether the status was stated
     * @param diagnostic the diagnostic text, if given
     * @param outcome the classified outcome
     * @param reason the reason
     * @param remoteMta the remote MTA, if stated
     */
    public BouncedRecipient {
        Objects.requireNonNull(finalRecipient, "finalRecipient");
        Objects.requireNonNull(originalRecipient, "originalRecipient");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(diagnostic, "diagnostic");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(remoteMta, "remoteMta");
    }

    /**
     * The recipient to show and to correlate by: the {@link #originalRecipient()} where the notice states one (the
     * address the sender used), else the {@link #finalRecipient()}.
     *
     * @return the original recipient, else the final one
     */
    public String recipient() {
        return originalRecipient.orElse(finalRecipient);
    }

    /**
     * The reason of the notice: the outcome's, refined by what the notice says beyond the reply. A failure whose
     * {@code Status} field is X.4.7 is {@link Reason#EXPIRED} (the reporting server's queue lifetime ran out), whatever
     * the last remote reply it quotes; a delay whose reply names no finer cause than {@link Reason#NETWORK} or
     * {@link Reason#UNKNOWN} is {@link Reason#EXPIRED} (the message waits in a queue and bounces when its lifetime
     * runs out); a failure on a connection that timed out is {@link Reason#EXPIRED} (the sender stopped retrying); a
     * failure on a name the DNS does not know is {@link Reason#HOST_UNKNOWN}; "user unknown" at end of DATA without
     * an X.1.1 status is {@link Reason#POLICY} (the recipient was accepted at RCPT; a filter rejected the message).
     *
     * @return the reason
     */
    @Override
    public Reason reason() {
        return reason;
    }

    /**
     * The disposition of the outcome.
     *
     * @return {@code outcome().disposition()}
     */
    public Disposition disposition() {
        return outcome.disposition();
    }

    /**
     * The new address of a moved recipient (5.1.6 with a forward path, 551), if the reply names one.
     *
     * @return {@code outcome().forwardPath()}
     */
    public Optional<String> forwardPath() {
        return outcome.forwardPath();
    }
}
