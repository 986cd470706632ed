package org.mailoutcome.testkit.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mailoutcome.testkit.Verb;

/**
 * One command line as received, split into verb and argument.
 *
 * @param verb the verb, {@link Verb#UNKNOWN} for any other word
 * @param line the whole line without its line ending
 * @param argument what follows the first space, trimmed; empty when there is none
 */
public record Command(Verb verb, String line, String argument) {

    private static final Map<String, Verb> VERBS = Map.ofEntries(
            Map.entry("EHLO", Verb.EHLO), Map.entry("HELO", Verb.HELO), Map.entry("STARTTLS", Verb.STARTTLS),
            Map.entry("AUTH", Verb.AUTH), Map.entry("MAIL", Verb.MAIL), Map.entry("RCPT", Verb.RCPT),
            Map.entry("DATA", Verb.DATA), Map.entry("BDAT", Verb.BDAT), Map.entry("RSET", Verb.RSET),
            Map.entry("NOOP", Verb.NOOP), Map.entry("VRFY", Verb.VRFY), Map.entry("EXPN", Verb.EXPN),
            Map.entry("QUIT", Verb.QUIT));

    /** Checks the components. */
    public Command {
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(argument, "argument");
    }

    /**
     * Splits a command line.
     *
     * @param line the line without its line ending
     * @return the command
     */
    public static Command parse(String line) {
        String trimmed = line.strip();
        int space = indexOfBlank(trimmed);
        String word = space < 0 ? trimmed : trimmed.substring(0, space);
        String argument = space < 0 ? "" : trimmed.substring(space + 1).strip();
        Verb verb = VERBS.getOrDefault(word.toUpperCase(Locale.ROOT), Verb.UNKNOWN);
        return new Command(verb, line, argument);
    }

    /**
     * A command-less point of the dialogue: the greeting, the message data, or the end of message data.
     *
     * @param verb {@link Verb#CONNECT}, {@link Verb#MESSAGE_DATA} or {@link Verb#END_OF_DATA}
     * @return the command, with an empty argument
     */
    public static Command event(Verb verb) {
        return new Command(verb, verb == Verb.END_OF_DATA ? "." : "", "");
    }

    /**
     * The point where the client sends the octets of a {@code BDAT} chunk, matched by rules for
     * {@link Verb#MESSAGE_DATA}.
     *
     * @return the event, with this command's argument ({@code "1000 LAST"})
     */
    public Command chunkData() {
        return new Command(Verb.MESSAGE_DATA, "", argument);
    }

    private static int indexOfBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ' ' || s.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }

    /**
     * The text that a rule's argument pattern is matched against: the address inside {@code <>} for {@code MAIL} and
     * {@code RCPT}, the argument without surrounding {@code <>} for {@code VRFY} and {@code EXPN}, the whole line for
     * an unknown command, and the argument for the rest.
     *
     * @return the subject
     */
    public String subject() {
        return switch (verb) {
            case MAIL, RCPT -> path().map(PathArgument::address).orElse(argument);
            case VRFY, EXPN -> stripBrackets(argument);
            case UNKNOWN -> line;
            default -> argument;
        };
    }

    /**
     * Parses the path argument of {@code MAIL FROM:} or {@code RCPT TO:}.
     *
     * @return the path, or empty when this is not a {@code MAIL}/{@code RCPT} command or the syntax is wrong
     */
    public Optional<PathArgument> path() {
        return switch (verb) {
            case MAIL -> PathArgument.parse(argument, "FROM:");
            case RCPT -> PathArgument.parse(argument, "TO:");
            default -> Optional.empty();
        };
    }

    private static String stripBrackets(String s) {
        if (s.length() >= 2 && s.startsWith("<") && s.endsWith(">")) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
