package org.mailoutcome.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The standard texts of SMTP reply codes, one line per code: {@code "code|source|text"}. RFC 5321 section 4.2.3
 * lists the codes in numeric order (4.2.2 groups the same texts by function); RFC 7504 adds 521 and 556; RFC 4954
 * (SMTP AUTH) adds 235, 334, 432, 454, 530, 534, 535 and 538. The texts are the RFCs' own, with cross-references
 * to other sections left out.
 */
public final class ReplyCodeTable {
    private static final String RFC_5321 = "RFC 5321 4.2.3";

    private static final List<String> LINES = List.of(
            "211|" + RFC_5321 + "|System status, or system help reply",
            "214|" + RFC_5321 + "|Help message",
            "220|" + RFC_5321 + "|<domain> Service ready",
            "221|" + RFC_5321 + "|<domain> Service closing transmission channel",
            "235|RFC 4954|Authentication Succeeded",
            "250|" + RFC_5321 + "|Requested mail action okay, completed",
            "251|" + RFC_5321 + "|User not local; will forward to <forward-path>",
            "252|" + RFC_5321 + "|Cannot VRFY user, but will accept message and attempt delivery",
            "334|RFC 4954|<base64 server challenge>",
            "354|" + RFC_5321 + "|Start mail input; end with <CRLF>.<CRLF>",
            "421|" + RFC_5321 + "|<domain> Service not available, closing transmission channel",
            "432|RFC 4954|A password transition is needed",
            "450|" + RFC_5321 + "|Requested mail action not taken: mailbox unavailable (e.g., mailbox busy or not "
                    + "accessible for policy reasons)",
            "451|" + RFC_5321 + "|Requested action aborted: local error in processing",
            "452|" + RFC_5321 + "|Requested action not taken: insufficient system storage",
            "454|RFC 4954|Temporary authentication failure",
            "455|" + RFC_5321 + "|Server unable to accommodate parameters",
            "500|" + RFC_5321 + "|Syntax error, command unrecognized (This may include errors such as command "
                    + "line too long)",
            "501|" + RFC_5321 + "|Syntax error in parameters or arguments",
            "502|" + RFC_5321 + "|Command not implemented",
            "503|" + RFC_5321 + "|Bad sequence of commands",
            "504|" + RFC_5321 + "|Command parameter not implemented",
            "521|RFC 7504|Host does not accept mail",
            "530|RFC 4954|Authentication required",
            "534|RFC 4954|Authentication mechanism is too weak",
            "535|RFC 4954|Authentication credentials invalid",
            "538|RFC 4954|Encryption required for requested authentication mechanism",
            "550|" + RFC_5321 + "|Requested action not taken: mailbox unavailable (e.g., mailbox not found, no "
                    + "access, or command rejected for policy reasons)",
            "551|" + RFC_5321 + "|User not local; please try <forward-path>",
            "552|" + RFC_5321 + "|Requested mail action aborted: exceeded storage allocation",
            "553|" + RFC_5321 + "|Requested action not taken: mailbox name not allowed (e.g., mailbox syntax "
                    + "incorrect)",
            "554|" + RFC_5321 + "|Transaction failed (Or, in the case of a connection-opening response, \"No SMTP "
                    + "service here\")",
            "555|" + RFC_5321 + "|MAIL FROM/RCPT TO parameters not recognized or not implemented",
            "556|RFC 7504|Domain does not accept mail");

    /** RFC 5321 section 4.2.1: the meaning of the first digit, indexed by it. */
    private static final List<String> CLASSES = List.of("", "1yz positive preliminary", "2yz positive completion",
            "3yz positive intermediate", "4yz transient negative completion", "5yz permanent negative completion");

    private static final Map<Integer, String[]> ROWS = index();

    private ReplyCodeTable() {
    }

    /** Every code with a standard text, ascending. */
    public static List<Integer> codes() {
        return List.copyOf(ROWS.keySet());
    }

    /** The standard text of a code, or empty. */
    public static Optional<String> text(int code) {
        return Optional.ofNullable(ROWS.get(code)).map(row -> row[1]);
    }

    /** Where the standard text is defined, e.g. {@code "RFC 5321 4.2.3"}, or empty. */
    public static Optional<String> source(int code) {
        return Optional.ofNullable(ROWS.get(code)).map(row -> row[0]);
    }

    /** The class of a code from 100 to 599, e.g. {@code "2yz positive completion"}. */
    public static String codeClass(int code) {
        return CLASSES.get(code / 100);
    }

    private static Map<Integer, String[]> index() {
        Map<Integer, String[]> rows = new TreeMap<>();
        for (String line : LINES) {
            String[] cells = line.split("\\|", 3);
            if (rows.put(Integer.parseInt(cells[0]), new String[] {cells[1], cells[2]}) != null) {
                throw new IllegalStateException("duplicate reply code line: " + line);
            }
        }
        return rows;
    }
}
