package org.mailoutcome.testkit.internal;

import java.util.Optional;

/**
 * The default replies to {@code BDAT} (RFC 3030), in Postfix 3.7's words, chosen once the chunk has been read: the
 * server reads and discards a chunk it refuses, and after a refused chunk discards the rest up to the last one.
 */
final class ChunkReplies {

    private final ServerConfig config;
    private final SessionState state;

    ChunkReplies(ServerConfig config, SessionState state) {
        this.config = config;
        this.state = state;
    }

    ServerReply reply() {
        if (!config.chunking()) {
            return line("521 5.5.1 Error: command not implemented");
        }
        Optional<SessionState.Chunk> read = state.chunk;
        if (read.isEmpty()) {
            return line("521 5.5.4 Syntax: BDAT count [LAST]");
        }
        SessionState.Chunk chunk = read.get();
        Transaction transaction = state.transaction;
        Chunks chunks = transaction.chunks();
        long size = chunk.data().size();
        if (chunks.failed()) {
            return line("551 5.0.0 Discarded " + size + " bytes after earlier error");
        } else if (!transaction.inProgress()) {
            return line(Responder.NEED_RCPT);
        } else if (transaction.recipientCount() == 0) {
            return line(Responder.NO_VALID_RECIPIENTS);
        } else if (size == 0 && !chunk.last()) {
            return line("551 5.7.1 Null BDAT request");
        } else if (chunks.size() + size > config.maxMessageSize()) {
            return line("552 5.3.4 Chunk exceeds message size limit");
        } else if (chunk.last()) {
            return line("250 2.0.0 Ok: " + (chunks.size() + size) + " bytes queued as " + transaction.messageId());
        }
        return line("250 2.0.0 Ok: " + size + " bytes");
    }

    private static ServerReply line(String line) {
        return ServerReply.line(line);
    }
}
