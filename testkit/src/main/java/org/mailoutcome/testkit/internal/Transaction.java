package org.mailoutcome.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mail transaction of a session: from {@code MAIL} to the end of data or the last {@code BDAT} chunk,
 * {@code RSET} or a new greeting.
 */
final class Transaction {

    private Optional<String> from = Optional.empty();
    private final List<String> recipients = new ArrayList<>();
    private boolean recipientTried;
    private Optional<MessageData> data = Optional.empty();
    private final Chunks chunks = new Chunks();
    private String messageId = "";
    private long generation;

    void begin(String reversePath, long recordingsGeneration) {
        reset();
        from = Optional.of(reversePath);
        generation = recordingsGeneration;
    }

    /** The generation of the recordings when {@code MAIL} was accepted, so a reset in between drops the message. */
    long generation() {
        return generation;
    }

    boolean inProgress() {
        return from.isPresent();
    }

    String from() {
        return from.orElse("");
    }

    void recipientTried() {
        recipientTried = true;
    }

    boolean wasRecipientTried() {
        return recipientTried;
    }

    void accept(String recipient) {
        recipients.add(recipient);
    }

    List<String> recipients() {
        return List.copyOf(recipients);
    }

    int recipientCount() {
        return recipients.size();
    }

    void received(MessageData messageData, String id) {
        data = Optional.of(messageData);
        messageId = id;
    }

    /** Names the message of the last chunk before its reply is chosen, so a default reply can quote the id. */
    void named(String id) {
        messageId = id;
    }

    Chunks chunks() {
        return chunks;
    }

    Optional<MessageData> data() {
        return data;
    }

    String messageId() {
        return messageId;
    }

    void reset() {
        from = Optional.empty();
        recipients.clear();
        recipientTried = false;
        data = Optional.empty();
        messageId = "";
        chunks.clear();
    }
}
