package org.mailoutcome.testkit.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The rules of one server, in the order they were added. The first rule that matches a command and is not spent
 * decides; without one the server answers by default. Safe for concurrent use.
 */
public final class Script {

    private final List<ScriptedRule> rules = new CopyOnWriteArrayList<>();

    /**
     * Adds a rule after the existing ones.
     *
     * @param rule the rule
     */
    public void add(ScriptedRule rule) {
        rules.add(Objects.requireNonNull(rule, "rule"));
    }

    /**
     * Finds the first matching rule that is not spent, and uses it once.
     *
     * @param command the command received
     * @return that rule's action, or empty to answer by default
     */
    public Optional<Action> use(Command command) {
        for (ScriptedRule rule : rules) {
            if (rule.matches(command) && rule.tryUse()) {
                return Optional.of(rule.action());
            }
        }
        return Optional.empty();
    }

    /** Removes every rule. */
    public void clear() {
        rules.clear();
    }

    @Override
    public String toString() {
        return rules.toString();
    }
}
