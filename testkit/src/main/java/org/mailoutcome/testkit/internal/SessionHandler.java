package org.mailoutcome.testkit.internal;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.mailoutcome.testkit.Verb;

/**
 * The dialogue on one connection: each command is answered by the first matching rule or by default, and the reply
 * code, whoever chose it, decides the effect (a {@code 2yz} to {@code RCPT} accepts the recipient, a {@code 354} to
 * {@code DATA} starts message data, and so on).
 */
public final class SessionHandler implements Runnable {

    private static final Action PROCEED = new Action.Proceed();
    private static final Duration MAX_LINGER = Duration.ofSeconds(2);

    private final ServerContext context;
    private final Connection connection;
    private final SessionLog log;
    private final SessionState state = new SessionState();
    private final Responder responder;
    private final ReplyEffects effects;
    private boolean open = true;
    private boolean closedByServer;

    /**
     * Creates the handler of one connection.
     *
     * @param context what sessions share
     * @param connection the connection
     * @param log where to record the session
     */
    public SessionHandler(ServerContext context, Connection connection, SessionLog log) {
        this.context = context;
        this.connection = connection;
        this.log = log;
        this.responder = new Responder(context.config(), state);
        this.effects = new ReplyEffects(context, state, log);
    }

    @Override
    public void run() {
        try {
            converse();
        } catch (SocketTimeoutException e) {
            endWith("421 4.4.2 " + context.config().hostname() + " Error: timeout exceeded");
        } catch (LineTooLongException e) {
            endWith("500 5.5.0 Error: line too long");
        } catch (IOException e) {
            log.note("-- connection lost: " + e);
        } catch (InterruptedException e) {
            log.note("-- server closed");
            Thread.currentThread().interrupt();
        } finally {
            finish();
        }
    }

    private void finish() {
        if (closedByServer) {
            Duration timeout = context.config().readTimeout();
            long discarded = connection.closeGracefully(timeout.compareTo(MAX_LINGER) < 0 ? timeout : MAX_LINGER);
            if (discarded > 0) {
                log.note("-- discarded " + discarded + " bytes the client sent after the close");
            }
        } else {
            connection.close();
        }
        log.closed();
    }

    private void converse() throws IOException, InterruptedException {
        answer(Command.event(Verb.CONNECT));
        while (open) {
            Optional<String> line = connection.readCommand();
            if (line.isEmpty()) {
                log.note("-- closed by client");
                return;
            }
            log.command(line.get(), connection.lastCommandWasBuffered());
            Command command = Command.parse(line.get());
            if (command.verb() == Verb.BDAT) {
                receiveChunk(command);
            } else {
                answer(command);
            }
        }
    }

    private void endWith(String line) {
        try {
            send(ServerReply.line(line));
            closeNow();
        } catch (IOException e) {
            log.note("-- connection lost: " + e);
        }
    }

    private void answer(Command command) throws IOException, InterruptedException {
        perform(command, context.script().use(command).orElse(PROCEED));
    }

    private void perform(Command command, Action action) throws IOException, InterruptedException {
        if (action instanceof Action.Hold hold) {
            hold.gate().pass();
            perform(command, hold.then());
        } else if (action instanceof Action.Send send) {
            reply(command, send.reply(), send.thenClose());
        } else if (action instanceof Action.Close) {
            effects.apply(command, Optional.empty());
            closeNow();
        } else {
            ServerReply reply = responder.respond(command, this::challenge);
            reply(command, reply, Responder.closesConnection(reply));
        }
    }

    private void reply(Command command, ServerReply reply, boolean thenClose)
            throws IOException, InterruptedException {
        effects.apply(command, Optional.of(reply));
        send(reply);
        if (thenClose) {
            closeNow();
        } else {
            applyAfter(command, reply.code());
        }
    }

    private void send(ServerReply reply) throws IOException {
        log.reply(reply);
        connection.write(reply.bytes());
    }

    private void closeNow() {
        open = false;
        closedByServer = true;
        log.note("-- closed by server");
    }

    private void applyAfter(Command command, OptionalInt code) throws IOException, InterruptedException {
        int value = code.orElse(0);
        if (command.verb() == Verb.DATA && value == 354) {
            receiveData();
        } else if (command.verb() == Verb.STARTTLS && value == 220 && context.tls().isPresent()) {
            connection.startTls(context.tls().get());
            state.tlsStarted();
            log.tls();
            log.note("-- TLS started");
        } else if (command.verb() == Verb.QUIT && value / 100 == 2) {
            closeNow();
        }
    }

    private void receiveData() throws IOException, InterruptedException {
        Optional<ServerReply> early = beforeContent(Command.event(Verb.MESSAGE_DATA));
        if (!open) {
            return;
        }
        Optional<MessageData> data = connection.readData(context.config().maxMessageSize());
        if (data.isEmpty()) {
            closedByClient("message data");
            return;
        }
        log.data(data.get().size());
        state.transaction.received(data.get(), MessageIds.next());
        answerContent(Command.event(Verb.END_OF_DATA), early);
    }

    /**
     * Reads a {@code BDAT} chunk and answers it once read. A malformed command (or {@code BDAT} where CHUNKING is
     * off) is answered without reading anything: where the chunk would end is unknown.
     */
    private void receiveChunk(Command command) throws IOException, InterruptedException {
        Optional<ChunkHeader> header = context.config().chunking()
                ? ChunkHeader.parse(command.argument()) : Optional.empty();
        if (header.isEmpty()) {
            answer(command);
            return;
        }
        Optional<ServerReply> early = beforeContent(command.chunkData());
        if (!open) {
            return;
        }
        Optional<MessageData> chunk = connection.readChunk(header.get().size(),
                state.transaction.chunks().room(context.config().maxMessageSize()));
        if (chunk.isEmpty()) {
            closedByClient("a chunk");
            return;
        }
        log.chunk(chunk.get().size());
        state.chunk = Optional.of(new SessionState.Chunk(chunk.get(), header.get().last()));
        if (header.get().last()) {
            state.transaction.named(MessageIds.next());
        }
        answerContent(command, early);
    }

    /** Applies a rule for {@link Verb#MESSAGE_DATA} before content is read: the early reply it wrote, if any. */
    private Optional<ServerReply> beforeContent(Command event) throws IOException, InterruptedException {
        Optional<Action> during = context.script().use(event);
        return during.isPresent() ? duringData(during.get()) : Optional.empty();
    }

    /** Answers once the content is read, unless an early reply did: then only its effect applies. */
    private void answerContent(Command command, Optional<ServerReply> early)
            throws IOException, InterruptedException {
        if (early.isPresent()) {
            effects.apply(command, early);
        } else {
            answer(command);
        }
    }

    private void closedByClient(String during) {
        log.note("-- closed by client during " + during);
        open = false;
    }

    /** A rule for {@link Verb#MESSAGE_DATA}: the early reply it wrote, if any; a close ends the session. */
    private Optional<ServerReply> duringData(Action action) throws IOException, InterruptedException {
        if (action instanceof Action.Hold hold) {
            log.note("-- holding during message data");
            hold.gate().pass();
            return duringData(hold.then());
        } else if (action instanceof Action.Send send) {
            send(send.reply());
            if (send.thenClose()) {
                closeNow();
            }
            return Optional.of(send.reply());
        } else if (action instanceof Action.Close) {
            closeNow();
        }
        return Optional.empty();
    }

    private String challenge(String replyLine) throws IOException {
        send(ServerReply.line(replyLine));
        Optional<String> answer = connection.readCommand();
        if (answer.isEmpty()) {
            throw new EOFException("client closed the connection during AUTH");
        }
        log.command(answer.get(), connection.lastCommandWasBuffered());
        return answer.get();
    }
}
