package org.mailoutcome.testkit.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The server's default replies, in Postfix's phrasing; the effect of each reply is applied by the session. */
final class Responder {

    static final String SIZE_EXCEEDED = "552 5.3.4 Message size exceeds fixed limit";
    static final String NOT_RECOGNIZED = "502 5.5.2 Error: command not recognized";
    static final String OK = "250 2.0.0 Ok";
    static final String NEED_RCPT = "503 5.5.1 Error: need RCPT command";
    static final String NO_VALID_RECIPIENTS = "554 5.5.1 Error: no valid recipients";

    private final ServerConfig config;
    private final SessionState state;
    private final AuthExchange auth;
    private final ChunkReplies chunkReplies;

    Responder(ServerConfig config, SessionState state) {
        this.config = config;
        this.state = state;
        this.auth = new AuthExchange(config, state);
        this.chunkReplies = new ChunkReplies(config, state);
    }

    /**
     * Tells whether a default reply announces that the server closes the connection: {@code 421} (RFC 5321 section
     * 3.8) and {@code 521} (RFC 7504).
     */
    static boolean closesConnection(ServerReply reply) {
        int code = reply.code().orElse(0);
        return code == 421 || code == 521;
    }

    ServerReply respond(Command command, Dialogue dialogue) throws IOException {
        return switch (command.verb()) {
            case CONNECT -> line("220 " + config.hostname() + " ESMTP mail-outcome testkit");
            case EHLO -> ehlo(command);
            case HELO -> command.argument().isEmpty()
                    ? line("501 5.5.4 Syntax: HELO hostname") : line("250 " + config.hostname());
            case STARTTLS -> starttls(command);
            case AUTH -> auth.exchange(command, dialogue);
            case MAIL -> mail(command);
            case RCPT -> rcpt(command);
            case DATA -> data();
            case END_OF_DATA -> endOfData();
            case BDAT -> chunkReplies.reply();
            case MESSAGE_DATA -> throw new IllegalStateException("no default reply during message data");
            case RSET, NOOP -> line(OK);
            case VRFY -> command.argument().isEmpty()
                    ? line("501 5.5.4 Syntax: VRFY address") : line("252 2.0.0 " + command.argument());
            case QUIT -> line("221 2.0.0 Bye");
            case EXPN, UNKNOWN -> line(NOT_RECOGNIZED);
        };
    }

    private ServerReply ehlo(Command command) {
        if (command.argument().isEmpty()) {
            return line("501 5.5.4 Syntax: EHLO hostname");
        }
        List<String> keywords = new ArrayList<>();
        keywords.add(config.hostname());
        if (config.pipelining()) {
            keywords.add("PIPELINING");
        }
        keywords.add("SIZE " + config.maxMessageSize());
        if (config.starttls() && !state.tls) {
            keywords.add("STARTTLS");
        }
        if (config.credentials().isPresent() && (state.tls || !config.requireTls())) {
            keywords.add("AUTH PLAIN LOGIN");
        }
        keywords.add("ENHANCEDSTATUSCODES");
        keywords.add("8BITMIME");
        if (config.chunking()) {
            keywords.add("CHUNKING");
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < keywords.size(); i++) {
            lines.add((i < keywords.size() - 1 ? "250-" : "250 ") + keywords.get(i));
        }
        return ServerReply.lines(lines);
    }

    private ServerReply starttls(Command command) {
        if (!config.starttls()) {
            return line(NOT_RECOGNIZED);
        }
        if (!command.argument().isEmpty()) {
            return line("501 5.5.4 Syntax: STARTTLS");
        }
        return state.tls ? line("554 5.5.1 Error: TLS already active") : line("220 2.0.0 Ready to start TLS");
    }

    private ServerReply mail(Command command) {
        if (!state.greeted) {
            return line("503 5.5.1 Error: send HELO/EHLO first");
        }
        if (config.requireTls() && !state.tls) {
            return line("530 5.7.0 Must issue a STARTTLS command first");
        }
        if (config.requireAuth() && !state.authenticated) {
            return line("530 5.7.0 Authentication required");
        }
        if (state.transaction.inProgress()) {
            return line("503 5.5.1 Error: nested MAIL command");
        }
        Optional<PathArgument> path = command.path();
        if (path.isEmpty()) {
            return line("501 5.5.4 Syntax: MAIL FROM:<address>");
        }
        if (path.get().size().orElse(0) > config.maxMessageSize()) {
            return line(SIZE_EXCEEDED);
        }
        return line("250 2.1.0 Ok");
    }

    private ServerReply rcpt(Command command) {
        if (!state.transaction.inProgress()) {
            return line("503 5.5.1 Error: need MAIL command");
        }
        if (command.path().isEmpty()) {
            return line("501 5.5.4 Syntax: RCPT TO:<address>");
        }
        if (state.transaction.chunks().started()) {
            return line("503 5.5.1 Error: RCPT after BDAT");
        }
        if (state.transaction.recipientCount() >= config.maxRecipients()) {
            return line("452 4.5.3 Error: too many recipients");
        }
        return line("250 2.1.5 Ok");
    }

    private ServerReply data() {
        Transaction transaction = state.transaction;
        if (!transaction.inProgress() || !transaction.wasRecipientTried()) {
            return line(NEED_RCPT);
        }
        if (transaction.chunks().started()) {
            return line("503 5.5.1 Error: DATA after BDAT");
        }
        if (transaction.recipientCount() == 0) {
            return line(NO_VALID_RECIPIENTS);
        }
        return line("354 End data with <CR><LF>.<CR><LF>");
    }

    private ServerReply endOfData() {
        boolean oversized = state.transaction.data().map(MessageData::isOversized).orElse(false);
        if (oversized) {
            return line(SIZE_EXCEEDED);
        }
        return line("250 2.0.0 Ok: queued as " + state.transaction.messageId());
    }

    static ServerReply line(String line) {
        return ServerReply.line(line);
    }
}
