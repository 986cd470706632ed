package org.mailoutcome.jakarta;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.util.Objects;
import java.util.Optional;
import org.mailoutcome.jakarta.internal.ExceptionChainDecoder;

/**
 * Turns the {@code MessagingException} that {@code Transport.send} (Angus Mail) threw into a {@link DeliveryReport}:
 * one outcome per envelope recipient, for code that sends with Jakarta Mail itself.
 *
 * <pre>{@code
 * try {
 *     Transport.send(message);
 * } catch (MessagingException e) {
 *     DeliveryReport report = ExceptionDecoder.decode(message, e);
 *     report.rejected().forEach(r -> addressBook.bounce(r.address(), r.outcome()));
 * }
 * }</pre>
 *
 * <p>With Spring's {@code JavaMailSender}, a {@code MailSendException} maps each failed message to its exception
 * in {@code getFailedMessages()}; when the messages sent were {@code MimeMessage}s, decode each entry:
 * <pre>{@code
 * try {
 *     mailSender.send(mimeMessages);
 * } catch (MailSendException e) {
 *     e.getFailedMessages().forEach((message, failure) -> {
 *         if (message instanceof MimeMessage mime && failure instanceof MessagingException me) {
 *             DeliveryReport report = ExceptionDecoder.decode(mime, me);
 *         }
 *     });
 * }
 * }</pre>
 *
 * <p>Every envelope recipient gets exactly one outcome, in envelope order:
 * <table>
 * <caption>What each recipient gets</caption>
 * <tr><th>the exception says</th><th>outcome</th></tr>
 * <tr><td>the message went out (send-partial {@code "."} 250, or {@code reportsuccess}) and the recipient was
 *     accepted</td><td>its RCPT reply ({@code reportsuccess}), else the end-of-data reply (Accepted at
 *     MESSAGE)</td></tr>
 * <tr><td>the recipient was refused at RCPT</td><td>its RCPT reply (a 251's or 551's forward path included)</td></tr>
 * <tr><td>a 2yz to RCPT reported as failed (angus-mail #199)</td><td>that 2yz, once</td></tr>
 * <tr><td>MAIL FROM, DATA or end of data refused</td><td>that reply, for every recipient not refused at RCPT;
 *     another 2yz than Angus expects (250, 354) is {@link org.mailoutcome.DeliveryOutcome.Unexpected}</td></tr>
 * <tr><td>the connection closed after the end of data ({@code "."}, -1, {@code [EOF]})</td>
 *     <td>{@link org.mailoutcome.DeliveryOutcome.ConnectionLost} at MESSAGE, maybe delivered</td></tr>
 * <tr><td>cannot connect; I/O error or timeout</td><td>{@code ConnectionLost} at the step Angus was in, read
 *     from its stack frames; when they tell nothing, at MESSAGE and maybe delivered, the only safe guess</td></tr>
 * <tr><td>authentication failed</td><td>the AUTH reply if the text holds one (code and enhanced status only; the
 *     text is withheld as it may echo credentials), else {@code Unexpected} at AUTH without reply, reason
 *     AUTH_REQUIRED: no reply code is ever invented</td></tr>
 * <tr><td>recipients refused and {@code mail.smtp.sendpartial} false ("Invalid Addresses")</td><td>the refused
 *     ones their reply; the accepted ones, whose message Angus never sent, {@code ConnectionLost} at DATA,
 *     not delivered, with the reason in its detail</td></tr>
 * <tr><td>a reply Angus could not use at RCPT (1yz, 3yz, none): only that recipient is named</td><td>that outcome,
 *     for it and for every recipient the exception does not name</td></tr>
 * </table>
 * {@link DeliveryReport#messageOutcome()} is the end-of-data or failed step's outcome; the queue id is read from the
 * end-of-data reply; the message id from the message's {@code Message-ID} header. Never throws for what the
 * exception holds; the original exception is not kept in the report, so log it yourself if you need its trace.
 */
public final class ExceptionDecoder {
    private ExceptionDecoder() {
    }

    /**
     * Decodes the failure of a send to the message's own recipients ({@code Transport.send(message)}).
     *
     * @param message the message that was sent; its To, Cc and Bcc (groups expanded, each address once) are the
     *     envelope
     * @param e what the send threw
     * @return one outcome per envelope recipient
     */
    public static DeliveryReport decode(Message message, MessagingException e) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(e, "e");
        Address[] recipients;
        try {
            recipients = Objects.requireNonNullElse(message.getAllRecipients(), new Address[0]);
        } catch (MessagingException unreadable) {
            recipients = new Address[0];
        }
        return decode(message, recipients, e);
    }

    /**
     * Decodes the failure of a send to explicit envelope addresses ({@code Transport.send(message, addresses)}).
     *
     * @param message the message that was sent
     * @param envelope the addresses it was sent to; groups are expanded, each address counted once
     * @param e what the send threw
     * @return one outcome per envelope recipient
     */
    public static DeliveryReport decode(Message message, Address[] envelope, MessagingException e) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(e, "e");
        return ExceptionChainDecoder.decode(ExceptionChainDecoder.envelope(envelope), e, messageId(message));
    }

    private static Optional<String> messageId(Message message) {
        try {
            String[] ids = message.getHeader("Message-ID");
            return ids == null || ids.length == 0 ? Optional.empty() : Optional.of(ids[0].strip());
        } catch (MessagingException unreadable) {
            return Optional.empty();
        }
    }
}
