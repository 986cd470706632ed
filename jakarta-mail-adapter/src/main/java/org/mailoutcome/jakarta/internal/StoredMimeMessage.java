package org.mailoutcome.jakarta.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.mailoutcome.jakarta.retry.StoredMessage;

/**
 * A stored message that Angus sends byte for byte: {@code writeTo} writes the stored bytes, {@code saveChanges}
 * changes nothing (so the Message-ID stays), and the envelope sender is the one of the first attempt.
 */
final class StoredMimeMessage extends SMTPMessage {
    private final byte[] raw;

    private StoredMimeMessage(Session session, byte[] raw) throws MessagingException {
        super(session, new ByteArrayInputStream(raw));
        this.raw = raw;
    }

    /** The message for the session; the bytes must parse as MIME headers. */
    static StoredMimeMessage of(Session session, StoredMessage stored) {
        try {
            StoredMimeMessage message = new StoredMimeMessage(session, stored.bytes());
            stored.sender().ifPresent(message::setEnvelopeFrom);
            return message;
        } catch (MessagingException e) {
            throw new IllegalArgumentException("stored message cannot be parsed: " + e.getMessage(), e);
        }
    }

    /** The first attempt already left out Bcc and Content-Length: the bytes are written as stored. */
    @Override
    public void writeTo(OutputStream out, String[] ignoreList) throws IOException {
        out.write(raw);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        out.write(raw);
    }

    @Override
    public void saveChanges() {
        // sent as stored: no header is updated
    }
}
