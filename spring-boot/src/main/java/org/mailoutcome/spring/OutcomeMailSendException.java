package org.mailoutcome.spring;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mailoutcome.jakarta.DeliveryReport;
import org.springframework.mail.MailSendException;

/**
 * What {@link OutcomeJavaMailSender#send} throws when a recipient of a message was not accepted: Spring's
 * {@link MailSendException}, so existing {@code catch} blocks keep working, with the {@link DeliveryReport} of
 * every message of the call. Each entry of {@link #getFailedMessages()} is a {@link DeliveryReportException}
 * with its message's report (or, for a message that could not be sent at all, such as one without recipients, a
 * plain {@code MessagingException} saying why).
 *
 * <pre>{@code
 * try {
 *     mailSender.send(message);
 * } catch (OutcomeMailSendException e) {
 *     e.report().rejected().forEach(r -> log.warn("{}: {}", r.address(), r.outcome()));
 * }
 * }</pre>
 */
public final class OutcomeMailSendException extends MailSendException {
    private static final long serialVersionUID = 1L;

    /** One per message, in the order given; not kept across serialization. */
    private final transient List<DeliveryReport> reports;

    /**
     * An exception for the messages of one call.
     *
     * @param failedMessages the messages not fully accepted (as given: MimeMessage, SimpleMailMessage) and why
     * @param reports the report of every message sent, in the order given
     */
    public OutcomeMailSendException(Map<Object, Exception> failedMessages, List<DeliveryReport> reports) {
        super(failedMessages);
        this.reports = List.copyOf(reports);
    }

    /**
     * The reports of every message sent by the call, accepted or not, in the order given.
     *
     * @return the reports
     */
    public List<DeliveryReport> reports() {
        return reports;
    }

    /**
     * The report of the first message that a recipient did not accept: for a single message, its report.
     *
     * @return that report, or the first report when no failed message has one (none could be sent)
     * @throws IllegalStateException when no message was sent at all
     */
    public DeliveryReport report() {
        return getFailedMessages().values().stream()
                .filter(DeliveryReportException.class::isInstance).map(e -> ((DeliveryReportException) e).report())
                .findFirst().or(() -> reports.stream().findFirst())
                .orElseThrow(() -> new IllegalStateException("no message was sent"));
    }

    /**
     * The report of one failed message.
     *
     * @param message the message as it was given to {@code send}
     * @return its report, or empty when it was accepted in full or could not be sent
     */
    public Optional<DeliveryReport> reportFor(Object message) {
        return Optional.ofNullable(getFailedMessages().get(message))
                .filter(DeliveryReportException.class::isInstance).map(e -> ((DeliveryReportException) e).report());
    }
}
