package org.mailoutcome.spring;

import java.time.Duration;
import java.util.Objects;
import org.mailoutcome.jakarta.DeliveryReport;

/**
 * Published once per message sent through the {@link OutcomeJavaMailSender}, after its
 * {@link RecipientOutcomeEvent}s, whatever the outcome.
 *
 * @param report the report of the message
 * @param elapsed how long the send took, retries and forwards included
 * @param serverAddress the configured server host ({@code spring.mail.host})
 * @param serverPort the configured server port
 */
public record MailSentEvent(DeliveryReport report, Duration elapsed, String serverAddress, int serverPort) {

    /**
     * Checks the components.
     *
     * @param report the report
     * @param elapsed the duration
     * @param serverAddress the server host
     * @param serverPort the server port
     */
    public MailSentEvent {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(serverAddress, "serverAddress");
    }
}
