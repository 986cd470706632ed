package org.mailoutcome.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code mail-outcome} command-line tool: {@code java -jar mail-outcome.jar COMMAND [OPTIONS]}, on picocli.
 *
 * <p>Adding a command takes one class and one line: write a picocli {@code @Command} class implementing
 * {@code Callable<Integer>} (the exit status) with a constructor taking a {@link Console}, or a {@code Console} and
 * the environment {@code Map<String, String>} (see {@link CommandFactory}), and add it to {@link #COMMANDS}. A
 * command with subcommands of its own ({@code retries run|list}) lists them in its {@code @Command(subcommands)}. Reuse the option mixins ({@link ServerOption}, {@link FromOption}, {@link TlsAuthOptions},
 * {@link FormatOption}) and print through {@link OutcomeFormat}; throw {@link UsageException} for a command line
 * that parsed but cannot be used. {@code --help} and {@code --version} are inherited by every command.
 */
@Command(name = "mail-outcome", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = Version.class, sortOptions = false, synopsisSubcommandLabel = "COMMAND",
        description = "A typed outcome per recipient for mail sent with Jakarta Mail.",
        commandListHeading = "%nCommands:%n")
public final class MailOutcomeCli implements Callable<Integer> {
    /**
     * The commands, in the order the usage lists them. They are not in {@code @Command(subcommands)}: picocli would
     * then build every command's model at start-up, which costs more than the command run (see {@link #tree}).
     */
    static final List<Class<?>> COMMANDS = List.of(
            DemoCommand.class,
            ClassifyCommand.class,
            SendCommand.class,
            ProbeCommand.class,
            ExplainCommand.class,
            BounceCommand.class,
            EventsCommand.class,
            RetriesCommand.class,
            SuppressionsCommand.class,
            HistoryCommand.class,
            AutoComplete.GenerateCompletion.class);

    /** Exit status of a usage error. */
    static final int USAGE = 2;

    private MailOutcomeCli() {
    }

    /**
     * Runs the tool.
     *
     * @param args the command and its options
     */
    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), Console.system(), System.getenv()));
    }

    /** Runs a command line with an empty environment; see {@link #run(List, Console, Map)}. */
    static int run(List<String> args, Console console) {
        return run(args, console, Map.of());
    }

    /** Runs a command line; returns the exit status (0 ok, 1 some input or outcome was bad, 2 usage error). */
    static int run(List<String> args, Console console, Map<String, String> environment) {
        PrintWriter out = new PrintWriter(console.out(), true);
        PrintWriter err = new PrintWriter(console.err(), true);
        CommandLine cli = commandLine(new CommandFactory(console, environment), args).setOut(out).setErr(err);
        try {
            return cli.execute(args.toArray(String[]::new));
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The command tree for {@code args} with the tool's error handling. */
    static CommandLine commandLine(CommandLine.IFactory factory, List<String> args) {
        CommandLine cli = new CommandLine(new MailOutcomeCli(), factory);
        tree(args).forEach(cli::addSubcommand);
        CommandLine completion = cli.getSubcommands().get("generate-completion");
        if (completion != null) completion.getCommandSpec().usageMessage().hidden(false);
        return cli.setParameterExceptionHandler((e, unused) -> usageError(e.getCommandLine(), e.getMessage(), e))
                .setExecutionExceptionHandler((e, command, parsed) -> e instanceof UsageException
                        ? usageError(command, e.getMessage(), null) : failure(command, e));
    }

    /**
     * The commands to build: only the one named by the first argument, which is all picocli needs to parse and run
     * it; all of them for anything else (the root's help, a typo's suggestions, the completion script).
     */
    static List<Class<?>> tree(List<String> args) {
        String first = args.isEmpty() ? "" : args.get(0);
        return COMMANDS.stream().filter(c -> c != AutoComplete.GenerateCompletion.class
                        && c.getAnnotation(Command.class).name().equals(first))
                .findFirst().map(List::<Class<?>>of).orElse(COMMANDS);
    }

    /** Without a command: the usage, as a usage error. */
    @Override
    public Integer call() {
        throw new UsageException("a command is needed");
    }

    private static int usageError(CommandLine command, String message, ParameterException e) {
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        err.println(name + ": " + message);
        if (e == null || !UnmatchedArgumentException.printSuggestions(e, err)) {
            command.usage(err);
        } else {
            err.println("Try '" + name + " --help' for more information.");
        }
        return USAGE;
    }

    private static int failure(CommandLine command, Exception e) {
        command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + e);
        return 1;
    }
}
