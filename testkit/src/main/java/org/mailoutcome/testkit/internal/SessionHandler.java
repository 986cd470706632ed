package org.mailoutcome.testkit.internal;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.mailoutcome.testkit.ReceivedMessage;
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
            log.command(line.get());
            answer(Command.parse(line.get()));
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
            applyBefore(command, Optional.empty());
            closeNow();
        } else {
            reply(command, responder.respond(command, this::challenge), false);
        }
    }

    private void reply(Command command, ServerReply reply, boolean thenClose)
            throws IOException, InterruptedException {
        applyBefore(command, Optional.of(reply));
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

    private void applyBefore(Command command, Optional<ServerReply> reply) {
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
        Optional<ServerReply> early = Optional.empty();
        Optional<Action> during = context.script().use(Command.event(Verb.MESSAGE_DATA));
        if (during.isPresent()) {
            early = duringData(during.get());
            if (!open) {
                return;
            }
        }
        Optional<MessageData> data = connection.readData(context.config().maxMessageSize());
        if (data.isEmpty()) {
            log.note("-- closed by client during message data");
            open = false;
            return;
        }
        log.data(data.get().size());
        state.transaction.received(data.get(), MessageIds.next());
        if (early.isPresent()) {
            applyBefore(Command.event(Verb.END_OF_DATA), early);
        } else {
            answer(Command.event(Verb.END_OF_DATA));
        }
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
        log.command(answer.get());
        return answer.get();
    }
}
