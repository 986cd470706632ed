package org.mailoutcome.spring;

import jakarta.mail.MessagingException;
import java.util.Objects;
import org.mailoutcome.jakarta.DeliveryReport;

/**
 * The entry of {@code MailSendException.getFailedMessages()} for a message that a recipient did not accept: a
 * {@code MessagingException}, as Spring's own entries are, that carries the message's {@link DeliveryReport}.
 */
public final class DeliveryReportException extends MessagingException {
    private static final long serialVersionUID = 1L;

    /** The report; records of the adapter are not serializable, so it is not kept across serialization. */
    private final transient DeliveryReport report;

    /**
     * An exception for this report.
     *
     * @param report a report with at least one recipient not accepted
     */
    public DeliveryReportException(DeliveryReport report) {
        super(Objects.requireNonNull(report, "report").toString());
        this.report = report;
    }

    /**
     * The report of the message.
     *
     * @return one outcome per envelope recipient
     */
    public DeliveryReport report() {
        return report;
    }
}
