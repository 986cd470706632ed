package org.mailoutcome.jakarta.internal;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * The {@code RCPT TO} commands Angus's {@code rcptTo()} will send for an envelope (ST:1859-1900), so that they can
 * be written ahead with {@code MAIL FROM}: {@code "RCPT TO:" + <address>}, with {@code " NOTIFY=..."} when the
 * server offers DSN and the session asks for it. Not pipelined: an envelope with a group address (Angus expands
 * it itself), one Angus would refuse before MAIL FROM, and an {@code SMTPMessage} sent to a server offering DSN
 * (its own NOTIFY setting is package-private in Angus).
 */
final class PipelinedEnvelope {
    private PipelinedEnvelope() {
    }

    /**
     * The commands, in envelope order; empty when the envelope is not to be pipelined.
     *
     * @param dsn whether the server advertises DSN
     * @param sessionNotify the session's {@code mail.<protocol>.dsn.notify}, or null
     */
    static Optional<List<String>> rcptCommands(Message message, Address[] addresses, boolean dsn,
            String sessionNotify) {
        if (addresses == null || addresses.length == 0) return Optional.empty();
        if (dsn && message instanceof SMTPMessage) return Optional.empty(); // its NOTIFY is not readable from here
        String notify = dsn ? sessionNotify : null;
        List<String> commands = new ArrayList<>(addresses.length);
        for (Address a : addresses) {
            if (!(a instanceof InternetAddress ia) || ia.isGroup() || ia.getAddress() == null) return Optional.empty();
            String command = "RCPT TO:" + normalize(ia.getAddress());
            commands.add(notify == null ? command : command + " NOTIFY=" + notify);
        }
        return Optional.of(commands);
    }

    /** Angus's {@code normalizeAddress}: {@code <>} around an address that has neither. */
    private static String normalize(String address) {
        return !address.startsWith("<") && !address.endsWith(">") ? "<" + address + ">" : address;
    }
}
