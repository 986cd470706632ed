package org.mailoutcome.spring;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.ExceptionDecoder;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;

/**
 * For applications that build their own {@code JavaMailSenderImpl}: turns the {@link MailSendException} it threw
 * into one {@link DeliveryReport} per failed message, with the adapter's {@link ExceptionDecoder}.
 *
 * <pre>{@code
 * try {
 *     ownJavaMailSenderImpl.send(messages);
 * } catch (MailSendException e) {
 *     MailSendExceptionDecoder.decode(e).forEach((message, report) -> report.rejected().forEach(...));
 * }
 * }</pre>
 *
 * <p>A {@link DeliveryReportException} entry (from {@link OutcomeJavaMailSender}) gives its own report; a
 * {@code MimeMessage} entry is decoded against its recipients; a {@code SimpleMailMessage} entry against its to, cc
 * and bcc. An entry whose exception is no {@code MessagingException} (e.g. Spring's own wrapping) is decoded from a
 * {@code MessagingException} that keeps it as the cause: every recipient then gets the decoder's safe guess.
 */
public final class MailSendExceptionDecoder {
    private MailSendExceptionDecoder() {
    }

    /**
     * Decodes every failed message.
     *
     * @param e what the sender threw
     * @return the report of each failed message, keyed and ordered as {@code e.getFailedMessages()}
     */
    public static Map<Object, DeliveryReport> decode(MailSendException e) {
        Objects.requireNonNull(e, "e");
        Map<Object, DeliveryReport> reports = new LinkedHashMap<>();
        e.getFailedMessages().forEach((message, failure) -> reports.put(message, decode(message, failure)));
        return reports;
    }

    private static DeliveryReport decode(Object message, Exception failure) {
        if (failure instanceof DeliveryReportException known) return known.report();
        MessagingException cause = failure instanceof MessagingException me ? me
                : new MessagingException(failure.toString(), failure);
        if (message instanceof MimeMessage mime) return ExceptionDecoder.decode(mime, cause);
        MimeMessage empty = new MimeMessage(Session.getInstance(new Properties()));
        Address[] envelope = message instanceof SimpleMailMessage simple ? envelope(simple) : new Address[0];
        return ExceptionDecoder.decode(empty, envelope, cause);
    }

    private static Address[] envelope(SimpleMailMessage message) {
        List<Address> addresses = new ArrayList<>();
        for (String[] list : new String[][] {message.getTo(), message.getCc(), message.getBcc()}) {
            if (list == null) continue;
            for (String address : list) {
                try {
                    addresses.add(new InternetAddress(address));
                } catch (AddressException unparseable) {
                    // Spring could not have sent to it either; it has no envelope entry
                }
            }
        }
        return addresses.toArray(new Address[0]);
    }
}
