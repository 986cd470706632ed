package org.mailoutcome.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailoutcome.testkit.internal.Action;
import org.mailoutcome.testkit.internal.Command;
import org.mailoutcome.testkit.internal.Script;

class RuleTest {

    private final Script script = new Script();

    private Rule on(Verb verb) {
        return new Rule(script, verb, Optional.empty());
    }

    private Action installed(String commandLine) {
        return script.use(Command.parse(commandLine)).orElseThrow(() -> new AssertionError("no rule installed"));
    }

    private static String written(Action action) {
        return new String(((Action.Send) action).reply().bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void replyWritesEachArgumentAsOneFullLine() {
        on(Verb.RCPT).reply("550-5.1.1 first line", "550 5.1.1 second line");
        Action action = installed("RCPT TO:<a@x>");
        assertThat(written(action)).isEqualTo("550-5.1.1 first line\r\n550 5.1.1 second line\r\n");
        assertThat(((Action.Send) action).thenClose()).isFalse();
    }

    @Test
    void replyThenCloseClosesAfterWriting() {
        on(Verb.MAIL).replyThenClose("421 4.7.0 bye");
        assertThat(((Action.Send) installed("MAIL FROM:<a@x>")).thenClose()).isTrue();
    }

    @Test
    void serviceUnavailableIs421WithPostfixPhrasingThenClose() {
        on(Verb.MAIL).serviceUnavailable();
        Action action = installed("MAIL FROM:<a@x>");
        assertThat(written(action)).isEqualTo("421 4.3.2 Service not available, closing transmission channel\r\n");
        assertThat(((Action.Send) action).thenClose()).isTrue();
    }

    @Test
    void garbageTruncatedAndRawWriteTheirBytes() {
        on(Verb.NOOP).garbage();
        on(Verb.RSET).truncated();
        on(Verb.QUIT).raw(new byte[] {'2', '5', '0', ' ', 0, '\n'});
        assertThat(written(installed("NOOP"))).isEqualTo("hello?\r\n");
        assertThat(written(installed("RSET"))).isEqualTo("25");
        assertThat(((Action.Send) installed("RSET")).thenClose()).isTrue();
        assertThat(written(installed("QUIT"))).isEqualTo("250 \0\n");
    }

    @Test
    void rawCopiesTheCallersArray() {
        byte[] bytes = "250 ok\r\n".getBytes(StandardCharsets.US_ASCII);
        on(Verb.NOOP).raw(bytes);
        bytes[0] = '5';
        assertThat(written(installed("NOOP"))).isEqualTo("250 ok\r\n");
    }

    @Test
    void longReplyIsOneLineOfExactlyThatManyCharacters() {
        on(Verb.NOOP).longReply(5_000_000);
        String written = written(installed("NOOP"));
        assertThat(written).hasSize(5_000_002).startsWith("250 xxx").endsWith("x\r\n");
        assertThat(written.indexOf('\n')).isEqualTo(5_000_001);
    }

    @Test
    void closeBeforeReplyAndProceedAreInstalled() {
        on(Verb.END_OF_DATA).closeBeforeReply();
        on(Verb.RCPT).times(1).proceed();
        assertThat(script.use(Command.event(Verb.END_OF_DATA))).containsInstanceOf(Action.Close.class);
        assertThat(installed("RCPT TO:<a@x>")).isInstanceOf(Action.Proceed.class);
        assertThat(script.use(Command.parse("RCPT TO:<a@x>"))).isEmpty();
    }

    @Test
    void afterWrapsTheActionInAHoldAtTheGate() {
        Gate gate = new Gate();
        on(Verb.RCPT).after(gate).reply("451 4.7.1 later");
        Action action = installed("RCPT TO:<a@x>");
        assertThat(action).isInstanceOf(Action.Hold.class);
        Action.Hold hold = (Action.Hold) action;
        assertThat(hold.gate()).isSameAs(gate);
        assertThat(written(hold.then())).isEqualTo("451 4.7.1 later\r\n");
    }

    @Test
    void holdUntilHoldsThenAnswersByDefault() {
        Gate gate = new Gate();
        on(Verb.NOOP).holdUntil(gate);
        assertThat(installed("NOOP")).isEqualTo(new Action.Hold(gate, new Action.Proceed()));
    }

    @Test
    void ruleWithoutActionIsNotInstalled() {
        on(Verb.RCPT).times(3);
        assertThat(script.use(Command.parse("RCPT TO:<a@x>"))).isEmpty();
    }

    @Test
    void replyNeedsAtLeastOneLine() {
        assertThatThrownBy(() -> on(Verb.RCPT).reply()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one line");
    }

    @Test
    void replyLineWithLineBreakIsRefused() {
        assertThatThrownBy(() -> on(Verb.RCPT).reply("250 a\r\n250 b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use raw");
        assertThatThrownBy(() -> on(Verb.RCPT).reply("250 a\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullReplyLineIsRefused() {
        assertThatThrownBy(() -> on(Verb.RCPT).reply("250 a", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void timesBelowOneIsRefused() {
        assertThatThrownBy(() -> on(Verb.RCPT).times(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("times must be >= 1: 0");
    }

    @Test
    void longReplyShorterThanACodeIsRefused() {
        assertThatThrownBy(() -> on(Verb.NOOP).longReply(3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("chars must be >= 4: 3");
    }

    @Test
    void secondActionOnOneRuleIsRefused() {
        Rule rule = on(Verb.RCPT);
        rule.reply("250 ok");
        assertThatThrownBy(() -> rule.reply("550 no")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void verbAndGateMustNotBeNull() {
        assertThatThrownBy(() -> on(null)).isInstanceOf(NullPointerException.class).hasMessage("verb");
        assertThatThrownBy(() -> on(Verb.RCPT).after(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("gate");
    }
}
