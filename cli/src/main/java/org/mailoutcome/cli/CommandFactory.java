package org.mailoutcome.cli;

import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine;

/**
 * Creates the commands with what they may talk to: a command class's constructor takes {@code (Console)} or
 * {@code (Console, Map<String, String> environment)}; any other class (mixins, picocli's own) is made by picocli's
 * default factory. So no command reads {@code System.out} or the environment itself, and tests run in-process.
 */
final class CommandFactory implements CommandLine.IFactory {
    private static final Class<?>[] CONSOLE = {Console.class};
    private static final Class<?>[] CONSOLE_AND_ENVIRONMENT = {Console.class, Map.class};

    private final Console console;
    private final Map<String, String> environment;

    CommandFactory(Console console, Map<String, String> environment) {
        this.console = console;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            Class<?>[] parameters = constructor.getParameterTypes();
            if (Arrays.equals(parameters, CONSOLE)) {
                return type.cast(constructor.newInstance(console));
            }
            if (Arrays.equals(parameters, CONSOLE_AND_ENVIRONMENT)) {
                return type.cast(constructor.newInstance(console, environment));
            }
        }
        return CommandLine.defaultFactory().create(type);
    }
}
