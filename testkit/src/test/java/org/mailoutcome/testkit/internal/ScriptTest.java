package org.mailoutcome.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.mailoutcome.testkit.Verb;

class ScriptTest {

    private final Script script = new Script();

    private static Action reply(String line) {
        return new Action.Send(ServerReply.line(line), false);
    }

    private static ScriptedRule rule(Verb verb, String glob, OptionalInt times, Action action) {
        return new ScriptedRule(verb, Optional.ofNullable(glob).map(Glob::compile), times, action);
    }

    private Optional<Action> use(String line) {
        return script.use(Command.parse(line));
    }

    @Test
    void withoutRulesEveryCommandGetsTheDefault() {
        assertThat(use("RCPT TO:<a@example.test>")).isEmpty();
    }

    @Test
    void ruleMatchesItsVerbOnly() {
        script.add(rule(Verb.RCPT, null, OptionalInt.empty(), reply("550 no")));
        assertThat(use("MAIL FROM:<a@example.test>")).isEmpty();
        assertThat(use("RCPT TO:<a@example.test>")).contains(reply("550 no"));
    }

    @Test
    void patternMatchesTheAddressInsideBrackets() {
        script.add(rule(Verb.RCPT, "*@other.test", OptionalInt.empty(), reply("550 no")));
        assertThat(use("RCPT TO:<x@other.test>")).isPresent();
        assertThat(use("RCPT TO:<x@example.test>")).isEmpty();
    }

    @Test
    void firstAddedMatchingRuleWins() {
        script.add(rule(Verb.RCPT, "a@*", OptionalInt.empty(), reply("550 first")));
        script.add(rule(Verb.RCPT, null, OptionalInt.empty(), reply("551 second")));
        assertThat(use("RCPT TO:<a@x>")).contains(reply("550 first"));
        assertThat(use("RCPT TO:<b@x>")).contains(reply("551 second"));
    }

    @Test
    void spentRuleGivesWayToTheNextThenToTheDefault() {
        script.add(rule(Verb.RCPT, null, OptionalInt.of(2), reply("451 grey")));
        assertThat(use("RCPT TO:<a@x>")).contains(reply("451 grey"));
        assertThat(use("RCPT TO:<a@x>")).contains(reply("451 grey"));
        assertThat(use("RCPT TO:<a@x>")).isEmpty();
    }

    @Test
    void limitedRuleBeforeUnlimitedReadsAsASequence() {
        script.add(rule(Verb.RCPT, null, OptionalInt.of(1), reply("451 grey")));
        script.add(rule(Verb.RCPT, null, OptionalInt.empty(), reply("250 ok")));
        assertThat(use("RCPT TO:<a@x>")).contains(reply("451 grey"));
        assertThat(use("RCPT TO:<a@x>")).contains(reply("250 ok"));
        assertThat(use("RCPT TO:<a@x>")).contains(reply("250 ok"));
    }

    @Test
    void nonMatchingCommandDoesNotSpendARule() {
        script.add(rule(Verb.RCPT, "a@x", OptionalInt.of(1), reply("451 grey")));
        assertThat(use("RCPT TO:<b@x>")).isEmpty();
        assertThat(use("RCPT TO:<a@x>")).isPresent();
    }

    @Test
    void clearRemovesEveryRule() {
        script.add(rule(Verb.RCPT, null, OptionalInt.empty(), reply("550 no")));
        script.clear();
        assertThat(use("RCPT TO:<a@x>")).isEmpty();
    }

    @Test
    void limitedRuleFiresExactlyNTimesUnderConcurrentUse() throws Exception {
        script.add(rule(Verb.RCPT, null, OptionalInt.of(100), reply("451 grey")));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                tasks.add(() -> {
                    int fired = 0;
                    for (int i = 0; i < 50; i++) {
                        fired += use("RCPT TO:<a@x>").isPresent() ? 1 : 0;
                    }
                    return fired;
                });
            }
            int total = 0;
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                total += f.get();
            }
            assertThat(total).isEqualTo(100);
        } finally {
            pool.shutdownNow();
        }
    }
}
