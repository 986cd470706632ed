package org.mailoutcome.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.mailoutcome.testkit.internal.Action;
import org.mailoutcome.testkit.internal.Glob;
import org.mailoutcome.testkit.internal.Script;
import org.mailoutcome.testkit.internal.ScriptedRule;
import org.mailoutcome.testkit.internal.ServerReply;

/**
 * A rule being scripted, made by {@link SmtpServer#on(Verb, String)}: optional modifiers ({@link #times(int)},
 * {@link #after(Gate)}) followed by exactly one action, which installs the rule on the server. A rule without an
 * action does nothing.
 *
 * <pre>{@code
 * server.on(Verb.RCPT, "moved@example.test").reply("551 5.1.6 User not local; please try <new@example.net>");
 * server.on(Verb.RCPT, "grey@example.test").times(1).reply("451 4.7.1 Greylisted, please try again later");
 * server.on(Verb.END_OF_DATA).closeBeforeReply();
 * }</pre>
 *
 * <p><b>Matching.</b> Rules are tried in the order they were added; the first that matches and is not spent decides,
 * and without one the server answers by default. So a rule limited with {@link #times(int)} followed by an unlimited
 * one reads as a script: first this, then that.
 *
 * <p><b>Effects.</b> The reply code written, whoever chose it, decides what the server records: a {@code 2yz} to
 * {@code RCPT} accepts the recipient and any other code rejects it; a {@code 2yz} to {@code MAIL} starts the
 * transaction; a {@code 354} to {@code DATA} makes the server read message data; a {@code 2yz} to
 * {@link Verb#END_OF_DATA} records the message and {@code 4yz}/{@code 5yz} does not, while no valid reply at all
 * (closing, truncated or garbage output) records it as {@linkplain ReceivedMessage#maybeDelivered() maybe delivered};
 * the same holds for a reply to the last {@link Verb#BDAT} chunk, while any other code than {@code 2yz} to a chunk
 * loses the message (the chunks that follow are discarded up to the last);
 * {@code 235} to {@code AUTH} authenticates; {@code 220} to {@code STARTTLS} starts TLS (when the server has
 * {@link SmtpServer.Builder#starttls(boolean)}); a {@code 2yz} to {@code EHLO}/{@code HELO}/{@code RSET} resets the
 * transaction; a {@code 2yz} to {@code QUIT} closes the connection. Scripted replies skip every check the server
 * would make by default (sequence, size, recipient limit, AUTH and TLS requirements).
 *
 * <p>Where an action closes the connection, the server half-closes it and discards what the client still sends
 * until the client closes (see {@link SmtpServer#openConnections()}), so the client sees the same failure on every
 * run.
 *
 * <p>A rule is meant to be built on one thread; once installed it is used safely by every connection.
 */
public final class Rule {

    /** The line {@link #serviceUnavailable()} writes. */
    public static final String SERVICE_UNAVAILABLE = "421 4.3.2 Service not available, closing transmission channel";

    private final Script script;
    private final Verb verb;
    private final Optional<Glob> pattern;
    private OptionalInt times = OptionalInt.empty();
    private Optional<Gate> gate = Optional.empty();
    private boolean installed;

    Rule(Script script, Verb verb, Optional<String> argumentPattern) {
        this.script = script;
        this.verb = Objects.requireNonNull(verb, "verb");
        this.pattern = argumentPattern.map(Glob::compile);
    }

    /**
     * Limits the rule to its first {@code n} uses; after that it is spent and the next matching rule, or the default,
     * applies.
     *
     * @param n how many times the rule fires, at least 1
     * @return this rule
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public Rule times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times must be >= 1: " + n);
        }
        times = OptionalInt.of(n);
        return this;
    }

    /**
     * Delays the action until the gate is released; a gate never released holds until the server closes. The
     * connection stays open meanwhile, and a client read timeout can be tested without sleeping.
     *
     * @param gate the gate to wait at
     * @return this rule
     */
    public Rule after(Gate gate) {
        this.gate = Optional.of(Objects.requireNonNull(gate, "gate"));
        return this;
    }

    /**
     * Writes the given reply lines, each verbatim followed by CRLF: a multi-line reply is written as given, so write
     * the dash yourself ({@code "550-5.1.1 first", "550 5.1.1 last"}).
     *
     * @param lines the lines, without line endings; at least one
     * @throws IllegalArgumentException if there is no line or a line holds CR or LF (use {@link #raw(byte[])})
     */
    public void reply(String... lines) {
        send(lines, false);
    }

    /**
     * Writes the given reply lines like {@link #reply(String...)}, then closes the connection.
     *
     * @param lines the lines, without line endings; at least one
     * @throws IllegalArgumentException if there is no line or a line holds CR or LF
     */
    public void replyThenClose(String... lines) {
        send(lines, true);
    }

    /** Writes {@value #SERVICE_UNAVAILABLE}, then closes the connection. */
    public void serviceUnavailable() {
        send(new String[] {SERVICE_UNAVAILABLE}, true);
    }

    /** Closes the connection without writing anything: after {@link Verb#END_OF_DATA} the lost-reply case. */
    public void closeBeforeReply() {
        install(new Action.Close());
    }

    /**
     * Holds the reply until the gate is released, then answers as the server would by default: shorthand for
     * {@code after(gate).proceed()}.
     *
     * @param gate the gate to wait at
     */
    public void holdUntil(Gate gate) {
        after(gate).proceed();
    }

    /** Answers as the server would without this rule; useful with {@link #times(int)} and {@link #after(Gate)}. */
    public void proceed() {
        install(new Action.Proceed());
    }

    /** Writes {@code hello?} and CRLF, a line that is no SMTP reply, and goes on reading commands. */
    public void garbage() {
        raw("hello?\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** Writes {@code 25} with no line ending, then closes the connection. */
    public void truncated() {
        install(new Action.Send(ServerReply.raw(new byte[] {'2', '5'}), true));
    }

    /**
     * Writes one reply line of exactly {@code chars} characters plus CRLF: {@code "250 "} followed by {@code x}s.
     *
     * @param chars the line length without CRLF, at least 4
     * @throws IllegalArgumentException if {@code chars < 4}
     */
    public void longReply(int chars) {
        if (chars < 4) {
            throw new IllegalArgumentException("chars must be >= 4: " + chars);
        }
        byte[] bytes = new byte[chars + 2];
        Arrays.fill(bytes, (byte) 'x');
        System.arraycopy(new byte[] {'2', '5', '0', ' '}, 0, bytes, 0, 4);
        bytes[chars] = '\r';
        bytes[chars + 1] = '\n';
        install(new Action.Send(ServerReply.raw(bytes), false));
    }

    /**
     * Writes bytes exactly as given (for bare LF, NUL or other malformed output) and goes on reading commands. When
     * the bytes start with a reply code, its effect applies as for {@link #reply(String...)}.
     *
     * @param bytes the bytes to write; copied
     */
    public void raw(byte[] bytes) {
        install(new Action.Send(ServerReply.raw(bytes.clone()), false));
    }

    private void send(String[] lines, boolean thenClose) {
        List<String> list = List.of(lines);
        if (list.isEmpty()) {
            throw new IllegalArgumentException("a reply needs at least one line");
        }
        for (String line : list) {
            if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a reply line must not hold CR or LF (use raw): " + line);
            }
        }
        install(new Action.Send(ServerReply.lines(list), thenClose));
    }

    private void install(Action action) {
        if (installed) {
            throw new IllegalStateException("this rule already has an action; start a new one with on(...)");
        }
        installed = true;
        Action effective = gate.<Action>map(g -> new Action.Hold(g, action)).orElse(action);
        script.add(new ScriptedRule(verb, pattern, times, effective));
    }

    @Override
    public String toString() {
        return "Rule[" + verb + pattern.map(p -> " " + p).orElse("") + "]";
    }
}
