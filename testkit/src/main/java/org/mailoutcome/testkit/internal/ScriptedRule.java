package org.mailoutcome.testkit.internal;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.mailoutcome.testkit.Verb;

/** An installed rule: which commands it matches, how many more times it may fire, and what it does. */
public final class ScriptedRule {

    private final Verb verb;
    private final Optional<Glob> pattern;
    private final Optional<AtomicInteger> remaining;
    private final Action action;

    /**
     * Creates a rule.
     *
     * @param verb the verb it matches
     * @param pattern the glob the command's subject must match; empty matches any
     * @param times how many times it fires; empty for always
     * @param action what it does
     */
    public ScriptedRule(Verb verb, Optional<Glob> pattern, OptionalInt times, Action action) {
        this.verb = Objects.requireNonNull(verb, "verb");
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        this.remaining = times.isPresent() ? Optional.of(new AtomicInteger(times.getAsInt())) : Optional.empty();
        this.action = Objects.requireNonNull(action, "action");
    }

    /**
     * Tells whether this rule applies to a command, ignoring how often it has fired.
     *
     * @param command the command
     * @return {@code true} if verb and pattern match
     */
    public boolean matches(Command command) {
        return command.verb() == verb && pattern.map(glob -> glob.matches(command.subject())).orElse(true);
    }

    /**
     * Takes one use of this rule, atomically.
     *
     * @return {@code true} if the rule may fire now; {@code false} once it is spent
     */
    public boolean tryUse() {
        if (remaining.isEmpty()) {
            return true;
        }
        AtomicInteger left = remaining.get();
        for (int n = left.get(); n > 0; n = left.get()) {
            if (left.compareAndSet(n, n - 1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The action.
     *
     * @return what the rule does
     */
    public Action action() {
        return action;
    }

    @Override
    public String toString() {
        return "Rule[" + verb + pattern.map(p -> " " + p).orElse("")
                + remaining.map(r -> ", " + r.get() + " left").orElse("") + " -> " + action + "]";
    }
}
