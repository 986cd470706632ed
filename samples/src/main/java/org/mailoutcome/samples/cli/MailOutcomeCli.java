package org.mailoutcome.samples.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code mail-outcome} command-line tool: {@code java -jar mail-outcome.jar COMMAND [OPTIONS]}. */
public final class MailOutcomeCli {
    private MailOutcomeCli() {
    }

    /** The sub-commands, in the order the usage lists them. */
    static Map<String, Command> commands() {
        Map<String, Command> commands = new LinkedHashMap<>();
        commands.put("demo", new DemoCommand());
        commands.put("classify", new ClassifyCommand());
        commands.put("send", new SendCommand(System.getenv()));
        commands.put("probe", new ProbeCommand());
        commands.put("explain", new ExplainCommand());
        return commands;
    }

    /**
     * Runs the tool.
     *
     * @param args the command and its options
     */
    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), Console.system()));
    }

    /** Runs a command line; returns the exit status (0 ok, 1 some input or outcome was bad, 2 usage error). */
    static int run(List<String> args, Console console) {
        Map<String, Command> commands = commands();
        Command command = args.isEmpty() ? null : commands.get(args.get(0));
        if (command == null) {
            console.err().println(usage(commands));
            return 2;
        }
        try {
            return command.run(args.subList(1, args.size()), console);
        } catch (Args.UsageException e) {
            console.err().println("mail-outcome " + args.get(0) + ": " + e.getMessage());
            console.err().println("usage: mail-outcome " + command.usage());
            return 2;
        } catch (Exception e) {
            console.err().println("mail-outcome " + args.get(0) + ": " + e);
            return 1;
        }
    }

    private static String usage(Map<String, Command> commands) {
        StringBuilder out = new StringBuilder("usage: java -jar mail-outcome.jar COMMAND ...\ncommands:");
        commands.values().forEach(c -> out.append("\n  ").append(c.usage()));
        return out.toString();
    }
}
