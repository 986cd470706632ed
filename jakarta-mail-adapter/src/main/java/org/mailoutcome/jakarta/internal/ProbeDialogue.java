package org.mailoutcome.jakarta.internal;

import jakarta.mail.MessagingException;
import java.util.List;
import java.util.Optional;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.DeliveryOutcome.ConnectionLost;
import org.mailoutcome.DeliveryOutcome.ServiceUnavailable;
import org.mailoutcome.DeliveryOutcome.Unexpected;
import org.mailoutcome.Stage;

/**
 * Single commands on a connected transport, each turned into a typed outcome from its recorded exchange. Once a
 * command broke the connection (no reply, 421, an unexpected or unparseable reply, Angus closed it), no further
 * command is sent: {@link #breakOff()} is what broke it, and the connection is never reused.
 */
final class ProbeDialogue {
    private final RecordingTransport transport;
    private Optional<DeliveryOutcome> first = Optional.empty();
    private Optional<DeliveryOutcome> breakOff = Optional.empty();
    private boolean reusable = true;

    ProbeDialogue(RecordingTransport transport) {
        this.transport = transport;
    }

    /** Sends one command line and classifies its reply at {@code stage}; after a break-off, returns that instead. */
    DeliveryOutcome send(Stage stage, String command) {
        if (breakOff.isPresent()) return breakOff.get();
        transport.transcript().clear();
        String failure = "no reply";
        try {
            transport.simpleCommand(command);
        } catch (MessagingException | RuntimeException e) {
            failure = Transcript.describe(e);
        }
        DeliveryOutcome outcome = outcomeOf(stage, transport.transcript().exchanges(), failure);
        if (first.isEmpty()) first = Optional.of(outcome);
        if (breaks(outcome) || !transport.isConnectedLocally()) {
            breakOff = Optional.of(outcome);
            reusable = false;
        }
        return outcome;
    }

    /** Ends an open transaction with RSET; a failed RSET makes the connection unfit for reuse. */
    void reset() {
        if (breakOff.isPresent()) return;
        DeliveryOutcome outcome = send(Stage.RSET, "RSET");
        if (!(outcome instanceof DeliveryOutcome.Success)) reusable = false;
    }

    /** What broke the connection, if something did. */
    Optional<DeliveryOutcome> breakOff() {
        return breakOff;
    }

    /** Whether the connection may serve another probe. */
    boolean isReusable() {
        return reusable && transport.isConnectedLocally();
    }

    /**
     * Whether the first command found the connection already dead (lost, or a 421 such as an idle timeout):
     * on a connection that had been idle in the pool, the server had dropped it.
     */
    boolean isDeadOnArrival() {
        return first.filter(o -> o instanceof ConnectionLost || o instanceof ServiceUnavailable).isPresent();
    }

    /** Whether the server advertised SMTPUTF8 in its EHLO reply. */
    boolean supportsSmtpUtf8() {
        return transport.supportsExtension("SMTPUTF8");
    }

    private static boolean breaks(DeliveryOutcome outcome) {
        return outcome instanceof ConnectionLost || outcome instanceof ServiceUnavailable
                || outcome instanceof Unexpected;
    }

    /** The outcome of the one exchange a command leaves in the transcript; none or a lost one is a lost connection. */
    static DeliveryOutcome outcomeOf(Stage stage, List<Exchange> exchanges, String failure) {
        if (exchanges.isEmpty()) return new ConnectionLost(stage, false, failure);
        Exchange exchange = exchanges.get(exchanges.size() - 1);
        if (exchange.hasNoUsableReply()) return new ConnectionLost(stage, false, exchange.failure().orElse(failure));
        return DeliveryOutcome.classify(stage, exchange.reply().get());
    }
}
