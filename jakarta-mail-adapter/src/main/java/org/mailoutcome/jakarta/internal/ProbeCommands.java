package org.mailoutcome.jakarta.internal;

import java.util.List;
import org.mailoutcome.ForwardPath;

/**
 * The command lines of address probing, and the checks that run before any network I/O: a probed address must be
 * a valid mailbox (which also keeps CR, LF and other controls out of every command line).
 */
public final class ProbeCommands {
    private ProbeCommands() {
    }

    /**
     * Checks one address to probe.
     *
     * @throws IllegalArgumentException if it is not a valid mailbox, or is not ASCII without {@code allowUtf8}
     */
    public static String checkAddress(String address, boolean allowUtf8) {
        if (!ForwardPath.isValidMailbox(address)) {
            throw new IllegalArgumentException("not a valid mailbox (local@domain, without <>): " + printable(address));
        }
        if (!allowUtf8 && !isAscii(address)) {
            throw new IllegalArgumentException("a non-ASCII address needs mail.mime.allowutf8=true in the session"
                    + " (Angus would send it as '?'s): " + address);
        }
        return address;
    }

    /** Checks every address of a batch, before the first is probed. */
    public static List<String> checkAddresses(List<String> addresses, boolean allowUtf8) {
        List<String> copy = List.copyOf(addresses);
        copy.forEach(a -> checkAddress(a, allowUtf8));
        return copy;
    }

    /** {@code VRFY address}, with {@code SMTPUTF8} (RFC 6531 section 3.7.4) for a non-ASCII address. */
    static String vrfy(String address, boolean serverSmtpUtf8) {
        return line("VRFY " + address + (serverSmtpUtf8 && !isAscii(address) ? " SMTPUTF8" : ""));
    }

    /** {@code MAIL FROM:<from>}; {@code from} is empty for the null reverse-path. */
    static String mailFrom(String from, boolean smtpUtf8) {
        return line("MAIL FROM:<" + from + ">" + (smtpUtf8 ? " SMTPUTF8" : ""));
    }

    /** {@code RCPT TO:<address>}. */
    static String rcptTo(String address) {
        return line("RCPT TO:<" + address + ">");
    }

    static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }

    /** Belt and braces: the addresses were checked, but no command line ever carries CR or LF. */
    private static String line(String command) {
        if (command.indexOf('\r') >= 0 || command.indexOf('\n') >= 0) {
            throw new IllegalStateException("command would contain CR or LF: " + printable(command));
        }
        return command;
    }

    /** The string with controls escaped, for an exception message. */
    static String printable(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        s.chars().forEach(c -> out.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", c) : String.valueOf((char) c)));
        return out.append('"').toString();
    }
}
