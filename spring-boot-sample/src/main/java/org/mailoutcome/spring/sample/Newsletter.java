package org.mailoutcome.spring.sample;

import java.util.Optional;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.spring.OutcomeMailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/** Mails everyone in the address book through the injected {@code JavaMailSender}, as any Spring code does. */
@Service
public class Newsletter {
    private final JavaMailSender mailSender;
    private final AddressBook addressBook;

    /**
     * Created by Spring.
     *
     * @param mailSender the sender (mail-outcome's, auto-configured)
     * @param addressBook the recipients
     */
    public Newsletter(JavaMailSender mailSender, AddressBook addressBook) {
        this.mailSender = mailSender;
        this.addressBook = addressBook;
    }

    /**
     * Sends one message to the whole address book.
     *
     * @param subject the subject
     * @param text the text
     * @return the report when a recipient was not accepted (from the exception), else empty
     */
    public Optional<DeliveryReport> send(String subject, String text) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom("news@example.test");
        message.setTo(addressBook.addresses().toArray(String[]::new));
        message.setSubject(subject);
        message.setText(text);
        try {
            mailSender.send(message);
            return Optional.empty();
        } catch (OutcomeMailSendException e) {
            return Optional.of(e.report());
        }
    }
}
