package org.mailoutcome.jakarta;

import java.util.Objects;
import org.mailoutcome.DeliveryOutcome;

/**
 * What a server said about one address, and which probe made it say so.
 *
 * <p>Read the outcome with care: {@link DeliveryOutcome.AcceptedUnverified} (252) means the server will not tell,
 * not that the address is bad; {@link DeliveryOutcome.Accepted} to a {@link ProbeMethod#RCPT} probe does not prove
 * that the mailbox exists (a catch-all domain accepts every local part).
 *
 * @param address the address as given to {@link AddressVerifier#verify(String)}
 * @param outcome the typed outcome: stage {@link org.mailoutcome.Stage#VRFY} or {@link org.mailoutcome.Stage#RCPT}
 *     for an answer about the address; another stage ({@code CONNECT}, {@code AUTH}, {@code MAIL}) when the
 *     dialogue failed before the address could be asked about
 * @param method the probe that produced the outcome: {@link ProbeMethod#VRFY} or {@link ProbeMethod#RCPT}, never
 *     {@link ProbeMethod#AUTO}
 */
public record ProbeResult(String address, DeliveryOutcome outcome, ProbeMethod method) {

    /**
     * Checks the components.
     *
     * @param address the address as given
     * @param outcome the outcome
     * @param method the probe that produced the outcome
     * @throws IllegalArgumentException if {@code method} is {@link ProbeMethod#AUTO}
     */
    public ProbeResult {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(method, "method");
        if (method == ProbeMethod.AUTO) {
            throw new IllegalArgumentException("method must be the probe that produced the outcome (VRFY or RCPT): "
                    + method);
        }
    }
}
