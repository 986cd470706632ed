package org.mailoutcome.jakarta.internal;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * The {@code RCPT TO} commands Angus's {@code rcptTo()} will send for an envelope (ST:1859-1900), so that they can
 * be written ahead with {@code MAIL FROM}: {@code "RCPT TO:" + <address>}, with {@code " NOTIFY=..."} when the
 * server offers DSN and the message or the session asks for it. An {@code SMTPMessage}'s own notify options come
 * first (Angus's package-private {@code getDSNNotify()}, spelled here from the public {@code getNotifyOptions()});
 * with none set (0) the session's {@code mail.<protocol>.dsn.notify} applies. Not pipelined: an envelope with a
 * group address (Angus expands it itself), one Angus would refuse before MAIL FROM, and, to a server offering DSN,
 * an {@code SMTPMessage} whose class overrides {@code getNotifyOptions()} (Angus reads the field, not the getter).
 */
final class PipelinedEnvelope {
    /** Whether an {@code SMTPMessage} class answers {@code getNotifyOptions()} with the field Angus reads. */
    private static final ClassValue<Boolean> OWN_GETTER = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                return type.getMethod("getNotifyOptions").getDeclaringClass() == SMTPMessage.class;
            } catch (NoSuchMethodException e) {
                return false;
            }
        }
    };

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
        String notify = null;
        if (dsn && message instanceof SMTPMessage m) {
            if (!OWN_GETTER.get(m.getClass())) return Optional.empty();
            notify = dsnNotify(m.getNotifyOptions());
        }
        if (dsn && notify == null) notify = sessionNotify;
        List<String> commands = new ArrayList<>(addresses.length);
        for (Address a : addresses) {
            if (!(a instanceof InternetAddress ia) || ia.isGroup() || ia.getAddress() == null) return Optional.empty();
            String command = "RCPT TO:" + normalize(ia.getAddress());
            commands.add(notify == null ? command : command + " NOTIFY=" + notify);
        }
        return Optional.of(commands);
    }

    /**
     * Angus's {@code SMTPMessage.getDSNNotify()}: null for no options (0), {@code NEVER}, or the options set in the
     * order {@code SUCCESS,FAILURE,DELAY}.
     */
    private static String dsnNotify(int options) {
        if (options == 0) return null;
        if (options == SMTPMessage.NOTIFY_NEVER) return "NEVER";
        StringJoiner notify = new StringJoiner(",");
        if ((options & SMTPMessage.NOTIFY_SUCCESS) != 0) notify.add("SUCCESS");
        if ((options & SMTPMessage.NOTIFY_FAILURE) != 0) notify.add("FAILURE");
        if ((options & SMTPMessage.NOTIFY_DELAY) != 0) notify.add("DELAY");
        return notify.toString();
    }

    /** Angus's {@code normalizeAddress}: {@code <>} around an address that has neither. */
    private static String normalize(String address) {
        return !address.startsWith("<") && !address.endsWith(">") ? "<" + address + ">" : address;
    }
}
