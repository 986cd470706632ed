package org.mailoutcome.spring;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.jakarta.SendOptions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A {@code JavaMailSender} that sends through an {@link OutcomeMailer} and knows what happened to every recipient.
 *
 * <p>It is a {@link JavaMailSenderImpl} (configured with the same host, port, user and properties), so what Boot
 * keeps only for a {@code JavaMailSenderImpl} stays: the start-up check of {@code spring.mail.test-connection}
 * (spring-boot#13316). {@code send(...)} keeps Spring's contract: every overload ({@code SimpleMailMessage},
 * {@code MimeMessage}, {@code MimeMessagePreparator}, single or batch) throws a {@link OutcomeMailSendException}
 * when a recipient of a message was not accepted, after trying every message of the batch; a batch goes over one
 * pooled connection. {@link #sendAndReport(MimeMessage)} returns the report instead of throwing (and
 * {@link #sendAndReport(MimeMessage...)} the reports of a batch). Every send
 * publishes a {@link RecipientOutcomeEvent} per recipient, an {@link AddressMovedEvent} per forward path named and
 * a {@link MailSentEvent}. An explicitly set {@code Message-ID} is kept, as Spring's sender keeps it.
 */
public class OutcomeJavaMailSender extends JavaMailSenderImpl {
    private final OutcomeMailer mailer;
    private final ApplicationEventPublisher events;

    /**
     * A sender over the mailer; set host, port, user and properties as for any {@link JavaMailSenderImpl} so that
     * {@link #testConnection()} and {@link #createMimeMessage()} match the mailer's server.
     *
     * @param mailer the mailer every message goes through (not closed by this sender)
     * @param events where the outcome events go
     */
    public OutcomeJavaMailSender(OutcomeMailer mailer, ApplicationEventPublisher events) {
        this.mailer = Objects.requireNonNull(mailer, "mailer");
        this.events = Objects.requireNonNull(events, "events");
    }

    /**
     * Sends a message and returns its report, throwing nothing for what the server says or does.
     *
     * <pre>{@code
     * DeliveryReport report = mailSender.sendAndReport(message);
     * report.rejected().forEach(r -> contacts.markInvalid(r.address()));
     * }</pre>
     *
     * @param message the message
     * @return its report
     * @throws MailPreparationException for a message that cannot be sent (no recipient, no sender)
     */
    public DeliveryReport sendAndReport(MimeMessage message) {
        return sendAndReport(message, SendOptions.defaults());
    }

    /**
     * Sends a message with options for this send only, e.g. {@link SendOptions#bypassingSuppressions()} for a
     * password reset to an address the user has just entered again, and returns its report.
     *
     * @param message the message
     * @param options the options of this send
     * @return its report
     * @throws MailPreparationException for a message that cannot be sent (no recipient, no sender)
     */
    public DeliveryReport sendAndReport(MimeMessage message, SendOptions options) {
        try {
            return deliver(message, options);
        } catch (MessagingException | IllegalArgumentException e) {
            throw new MailPreparationException("message cannot be sent: " + e.getMessage(), e);
        }
    }

    /**
     * Sends a simple message and returns its report, throwing nothing for what the server says or does.
     *
     * @param message the message
     * @return its report
     * @throws MailPreparationException for a message that cannot be sent (no recipient, no sender)
     */
    public DeliveryReport sendAndReport(SimpleMailMessage message) {
        return sendAndReport(toMime(message));
    }

    /**
     * Sends the messages and returns their reports, throwing nothing for what the server says or does.
     *
     * @param messages the messages
     * @return one report per message, in the order given
     * @throws MailPreparationException for a message that cannot be sent (no recipient, no sender); the messages
     *     before it have been sent
     */
    public List<DeliveryReport> sendAndReport(MimeMessage... messages) {
        return Arrays.stream(messages).map(this::sendAndReport).toList();
    }

    /**
     * Sends simple messages and returns their reports, throwing nothing for what the server says or does.
     *
     * @param messages the messages
     * @return one report per message, in the order given
     * @throws MailPreparationException for a message that cannot be sent (no recipient, no sender); the messages
     *     before it have been sent
     */
    public List<DeliveryReport> sendAndReport(SimpleMailMessage... messages) {
        return Arrays.stream(messages).map(this::sendAndReport).toList();
    }

    private MimeMessage toMime(SimpleMailMessage simple) {
        MimeMessage message = createMimeMessage();
        try {
            simple.copyTo(new org.springframework.mail.javamail.MimeMailMessage(message));
        } catch (RuntimeException e) {
            throw new MailPreparationException("message cannot be prepared: " + e.getMessage(), e);
        }
        return message;
    }

    /** Every overload of {@code send} ends here. */
    @Override
    protected void doSend(MimeMessage[] mimeMessages, Object[] originalMessages) throws MailException {
        Map<Object, Exception> failed = new LinkedHashMap<>();
        List<DeliveryReport> reports = new ArrayList<>();
        for (int i = 0; i < mimeMessages.length; i++) {
            Object original = originalMessages != null ? originalMessages[i] : mimeMessages[i];
            try {
                DeliveryReport report = deliver(mimeMessages[i], SendOptions.defaults());
                reports.add(report);
                if (!report.isFullyAccepted()) failed.put(original, new DeliveryReportException(report));
            } catch (MessagingException e) {
                failed.put(original, e);
            } catch (IllegalArgumentException e) {
                failed.put(original, new MessagingException("message cannot be sent: " + e.getMessage(), e));
            }
        }
        if (!failed.isEmpty()) throw new OutcomeMailSendException(failed, reports);
    }

    private DeliveryReport deliver(MimeMessage message, SendOptions options) throws MessagingException {
        if (message.getSentDate() == null) message.setSentDate(new Date());
        String messageId = message.getMessageID();
        MimeMessage sent = messageId == null ? message : MessageIds.keeping(message, messageId);
        long start = System.nanoTime();
        DeliveryReport report = mailer.send(sent, options);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        OutcomeEvents.publish(events, report, elapsed, getHost(), serverPort());
        return report;
    }

    private int serverPort() {
        if (getPort() != DEFAULT_PORT) return getPort();
        return "smtps".equals(getProtocol()) ? 465 : 25;
    }
}
