package org.mailoutcome.spring;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Keeps a message's own Message-ID through {@code saveChanges()}, as Spring's {@code JavaMailSenderImpl} does. */
final class MessageIds {
    private MessageIds() {
    }

    /** A copy of the message whose {@code saveChanges()} keeps this Message-ID. */
    static MimeMessage keeping(MimeMessage message, String messageId) throws MessagingException {
        return new MimeMessage(message) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
    }
}
