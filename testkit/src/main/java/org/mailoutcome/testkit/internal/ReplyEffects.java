package org.mailoutcome.testkit.internal;

import java.util.Optional;
import java.util.OptionalInt;
import org.mailoutcome.testkit.ReceivedMessage;
import org.mailoutcome.testkit.Verb;

/**
 * What a reply does to the session, applied before it is written, whoever chose it: a {@code 2yz} to {@code RCPT}
 * accepts the recipient, a {@code 2yz} to the end of data or to the last {@code BDAT} chunk records the message, and
 * so on. Used by the session thread only.
 */
final class ReplyEffects {

    private final ServerContext context;
    private final SessionState state;
    private final SessionLog log;

    ReplyEffects(ServerContext context, SessionState state, SessionLog log) {
        this.context = context;
        this.state = state;
        this.log = log;
    }

    /**
     * Applies the effect of a reply to a command.
     *
     * @param command the command or event answered
     * @param reply the reply; empty when the server closes without one
     */
    void apply(Command command, Optional<ServerReply> reply) {
        boolean positive = reply.map(r -> r.isClass(2)).orElse(false);
        Transaction transaction = state.transaction;
        switch (command.verb()) {
            case EHLO, HELO -> {
                if (positive) {
                    state.greeted = true;
                    state.extended = command.verb() == Verb.EHLO;
                    transaction.reset();
                }
            }
            case AUTH -> authenticated(reply.map(r -> r.code().orElse(0) == 235).orElse(false));
            case MAIL -> {
                if (positive) {
                    transaction.begin(command.subject(), context.recordings().generation());
                }
            }
            case RCPT -> recipient(command, positive);
            case END_OF_DATA -> record(reply.map(ServerReply::code));
            case BDAT -> chunk(reply.map(ServerReply::code));
            case RSET -> {
                if (positive) {
                    transaction.reset();
                }
            }
            default -> {
                // no effect on the session
            }
        }
    }

    private void authenticated(boolean success) {
        if (success) {
            state.authenticated = true;
            log.authenticated();
        }
    }

    private void recipient(Command command, boolean accepted) {
        state.transaction.recipientTried();
        if (accepted) {
            state.transaction.accept(command.subject());
        }
    }

    /**
     * A chunk is kept unless refused ({@code 4yz}/{@code 5yz}, or any code but {@code 2yz}): a refusal loses the
     * message. The last chunk ends the transaction as the end of data does.
     */
    private void chunk(Optional<OptionalInt> code) {
        Optional<SessionState.Chunk> read = state.chunk;
        state.chunk = Optional.empty();
        if (read.isEmpty()) {
            return;
        }
        Chunks chunks = state.transaction.chunks();
        if (code.isPresent() && code.get().isPresent() && code.get().getAsInt() / 100 != 2) {
            chunks.refuse();
        } else {
            chunks.accept(read.get().data());
        }
        if (read.get().last()) {
            if (!chunks.failed()) {
                state.transaction.received(chunks.message(context.config().maxMessageSize()),
                        state.transaction.messageId());
            }
            record(code);
        }
    }

    private void record(Optional<OptionalInt> code) {
        Transaction transaction = state.transaction;
        boolean maybeDelivered = code.map(OptionalInt::isEmpty).orElse(true);
        boolean accepted = code.map(c -> c.isPresent() && c.getAsInt() / 100 == 2).orElse(false);
        Optional<MessageData> data = transaction.data();
        if (data.isPresent() && (accepted || maybeDelivered)) {
            ReceivedMessage message = new ReceivedMessage(transaction.messageId(), transaction.from(),
                    transaction.recipients(), data.get().bytes(), maybeDelivered, log.snapshot());
            if (!context.recordings().add(message, transaction.generation())) {
                log.note("-- message " + transaction.messageId() + " not recorded: its transaction began before"
                        + " the server's reset");
            }
        }
        transaction.reset();
    }
}
