package org.mailoutcome.jakarta.retry;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A message as it was first sent, to be sent again byte for byte (same Message-ID, same headers and body).
 *
 * @param bytes the raw MIME message (headers and body, CRLF line ends), as the first attempt wrote it
 * @param messageId its Message-ID header, if it has one
 * @param sender the envelope sender (MAIL FROM) of the first attempt, if any
 */
public record StoredMessage(byte[] bytes, Optional<String> messageId, Optional<String> sender) {
    /**
     * Checks and copies the components.
     *
     * @param bytes the raw MIME message
     * @param messageId its Message-ID
     * @param sender the envelope sender
     */
    public StoredMessage {
        bytes = Objects.requireNonNull(bytes, "bytes").clone();
        if (bytes.length == 0) throw new IllegalArgumentException("bytes must not be empty");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(sender, "sender");
    }

    /**
     * The raw message.
     *
     * @return a copy of the bytes
     */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredMessage m && Arrays.equals(bytes, m.bytes) && messageId.equals(m.messageId)
                && sender.equals(m.sender);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(bytes), messageId, sender);
    }

    @Override
    public String toString() {
        return "StoredMessage[" + bytes.length + " bytes, messageId=" + messageId.orElse("-") + ", sender="
                + sender.orElse("-") + "]";
    }
}
