package org.mailoutcome.samples.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Command-line options: {@code --name value}, repeatable, boolean {@code --flag}s, and positional arguments. */
final class Args {
    private final Map<String, List<String>> options = new LinkedHashMap<>();
    private final List<String> positionals = new ArrayList<>();

    private Args() {
    }

    /**
     * Parses {@code args}; {@code valued} names the options that take a value, {@code flags} those that do not.
     *
     * @throws UsageException for an unknown option or a missing value
     */
    static Args parse(List<String> args, Set<String> valued, Set<String> flags) {
        Args parsed = new Args();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                parsed.positionals.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                parsed.positionals.add(arg);
                continue;
            }
            String name = arg.substring(2);
            int eq = name.indexOf('=');
            String inline = eq < 0 ? null : name.substring(eq + 1);
            if (eq >= 0) name = name.substring(0, eq);
            if (flags.contains(name) && inline == null) {
                parsed.options.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
            } else if (valued.contains(name)) {
                String value = inline != null ? inline : i + 1 < args.size() ? args.get(++i) : null;
                if (value == null) throw new UsageException("option --" + name + " needs a value");
                parsed.options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return parsed;
    }

    Optional<String> value(String name) {
        List<String> values = options.get(name);
        return values == null ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    List<String> values(String name) {
        return options.getOrDefault(name, List.of());
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    List<String> positionals() {
        return positionals;
    }

    /** A wrong command line; the message is printed with the usage. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
