package org.mailoutcome.jakarta.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DSN parameters (ENVID, ORCPT) and envelope sender of one tracked send, applied by {@link RecordingTransport} to the MAIL
 * and RCPT commands Angus builds (Angus sends a mail extension even to a server without DSN, so ENVID cannot go
 * through {@code mail.smtp.mailextension}). Remembers whether ENVID was sent in any transaction of the send.
 */
public final class MailParameters {
    private static final Pattern PATH = Pattern.compile("^MAIL FROM:<[^>]*>");
    private static final Pattern RCPT_PATH = Pattern.compile("^RCPT TO:<([^>]+)>", Pattern.CASE_INSENSITIVE);

    private final Optional<String> envelopeId;
    private final Optional<String> sender;
    private volatile boolean envelopeIdSent;

    /**
     * Parameters for one send.
     *
     * @param envelopeId the ENVID (xtext-safe: letters and digits), if any
     * @param sender the envelope sender that replaces Angus's, if any
     */
    public MailParameters(Optional<String> envelopeId, Optional<String> sender) {
        this.envelopeId = envelopeId;
        this.sender = sender;
    }

    /**
     * The command to send in place of Angus's.
     *
     * @param cmd the command Angus built
     * @param dsn whether the server advertised DSN
     * @return the command with the envelope sender and DSN parameters applied
     */
    public String apply(String cmd, boolean dsn) {
        if (cmd.regionMatches(true, 0, "MAIL FROM:", 0, 10)) return mailFrom(cmd, dsn);
        if (cmd.regionMatches(true, 0, "RCPT TO:", 0, 8) && dsn) return rcptTo(cmd);
        return cmd;
    }

    /** ORCPT (RFC 3461 4.2), so that notices name the recipient as it was given. */
    private String rcptTo(String cmd) {
        Matcher path = RCPT_PATH.matcher(cmd);
        if (cmd.contains(" ORCPT=") || !path.find()) return cmd;
        return cmd + " ORCPT=rfc822;" + xtext(path.group(1));
    }

    /** RFC 3461 xtext: printable ASCII but {@code +} and {@code =} as is, everything else as {@code +HH}. */
    static String xtext(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 33 && c <= 126 && c != '+' && c != '=') out.append((char) c);
            else out.append('+').append(String.format("%02X", c));
        }
        return out.toString();
    }

    /**
     * Whether ENVID went with a MAIL command of this send.
     *
     * @return true once it was sent
     */
    public boolean envelopeIdSent() {
        return envelopeIdSent;
    }

    /**
     * The ENVID offered, sent or not.
     *
     * @return the ENVID, or empty
     */
    public Optional<String> envelopeId() {
        return envelopeId;
    }

    private String mailFrom(String cmd, boolean dsn) {
        String out = sender.map(s -> PATH.matcher(cmd).replaceFirst("MAIL FROM:<" + s + ">")).orElse(cmd);
        if (!dsn) return out;
        if (envelopeId.isPresent()) {
            out += " ENVID=" + envelopeId.get();
            envelopeIdSent = true;
        }
        return out;
    }
}
