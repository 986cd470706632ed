package org.mailoutcome.jakarta.internal;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.DeliveryOutcome.ConnectionLost;
import org.mailoutcome.DeliveryOutcome.Unexpected;
import org.mailoutcome.Disposition;
import org.mailoutcome.FailureCause;
import org.mailoutcome.Reason;
import org.mailoutcome.SmtpReply;
import org.mailoutcome.Stage;

/**
 * Reads what Angus reports about one SMTP step into an outcome: a return code with the reply text (the code is -1
 * when the server closed the connection or sent no parseable code), or an exception whose stage is read from
 * {@code SMTPTransport}'s stack frames ({@code rcptTo} means RCPT, {@code finishData} the end of data, ...).
 * Never invents a reply code: without a parseable reply the outcome has none.
 */
final class AngusReplies {
    private static final String EOF = "[EOF]";
    private static final Map<String, Stage> METHODS = Map.ofEntries(Map.entry("openServer", Stage.CONNECT),
            Map.entry("protocolConnect", Stage.CONNECT), Map.entry("ehlo", Stage.EHLO), Map.entry("helo", Stage.EHLO),
            Map.entry("startTLS", Stage.STARTTLS), Map.entry("authenticate", Stage.AUTH),
            Map.entry("sasllogin", Stage.AUTH), Map.entry("mailFrom", Stage.MAIL), Map.entry("rcptTo", Stage.RCPT),
            Map.entry("data", Stage.DATA), Map.entry("finishData", Stage.MESSAGE), Map.entry("bdat", Stage.MESSAGE),
            Map.entry("finishBdat", Stage.MESSAGE), Map.entry("close", Stage.QUIT));

    /** Where in the session an exception was thrown. */
    private record Where(Stage stage, boolean afterEndOfData) {
    }

    private AngusReplies() {
    }

    /** A reply as Angus reports it: {@code text} is the raw reply ({@code \n}-joined lines) or {@code [EOF]}. */
    static DeliveryOutcome replied(Stage stage, int code, String text) {
        String trimmed = text.strip();
        Optional<SmtpReply> parsed = SmtpReply.tryParse(trimmed);
        if (code >= 100 && code <= 599) {
            SmtpReply reply = parsed.filter(r -> r.code() == code).orElseGet(() -> SmtpReply.of(code, trimmed));
            return DeliveryOutcome.classify(stage, reply);
        }
        if (code == -1 && (trimmed.equals(EOF) || parsed.isPresent())) return lost(stage, trimmed);
        if (stage == Stage.MESSAGE) return new ConnectionLost(stage, true, "unparseable reply: " + trimmed);
        return new Unexpected(stage, Optional.empty(), Reason.UNKNOWN);
    }

    /** A reply that made Angus give up the step: a 2yz there (251 to MAIL, 250 to DATA) is no success. */
    static DeliveryOutcome refused(Stage stage, int code, String text) {
        return strict(replied(stage, code, text));
    }

    /** The text of an {@code AuthenticationFailedException}: the last reply, if there was one. */
    static DeliveryOutcome authFailed(String text) {
        return SmtpReply.tryParse(text.strip()).map(r -> strict(DeliveryOutcome.classify(Stage.AUTH, Commands.withheld(r))))
                .orElseGet(() -> new Unexpected(Stage.AUTH, Optional.empty(), Reason.AUTH_REQUIRED));
    }

    /** An I/O failure: no reply came, at the stage the frames tell (unknown: maybe after the end of data). */
    static DeliveryOutcome ioFailed(IOException io, Throwable top) {
        Optional<Where> where = where(io).or(() -> where(top));
        Optional<SmtpReply> bdatReply = SmtpReply.tryParse(Objects.toString(io.getMessage(), "").strip());
        if (bdatReply.isPresent()) {
            return strict(DeliveryOutcome.classify(where.map(Where::stage).orElse(Stage.MESSAGE), bdatReply.get()));
        }
        Optional<FailureCause> cause = Optional.of(FailureCause.of(io));
        if (io instanceof UnknownHostException || io instanceof ConnectException) {
            return new ConnectionLost(Stage.CONNECT, false, describe(io), cause);
        }
        return where.map(w -> new ConnectionLost(w.stage(), w.afterEndOfData(), describe(io), cause))
                .orElseGet(() -> new ConnectionLost(Stage.MESSAGE, true,
                        describe(io) + " (step unknown: the message may have been delivered)", cause));
    }

    /** A plain exception that carries a reply: Angus's bad greeting, or a failed HELO or STARTTLS. */
    static Optional<DeliveryOutcome> plainFailed(MessagingException m, Throwable top) {
        String text = Objects.toString(m.getMessage(), "");
        int response = text.startsWith("Got bad greeting") ? text.indexOf("response: ") : -1;
        if (response >= 0) return Optional.of(greeting(text.substring(response + "response: ".length())));
        return SmtpReply.tryParse(text.strip())
                .map(r -> strict(DeliveryOutcome.classify(stageOf(m, top).orElse(Stage.CONNECT), r)));
    }

    /** A plain exception without reply or I/O cause: the client refused to go on (no recipients, not MIME). */
    static DeliveryOutcome noReply(MessagingException m, Throwable top) {
        return new Unexpected(stageOf(m, top).orElse(Stage.MAIL), Optional.empty(), Reason.UNKNOWN,
                Optional.of(FailureCause.of(m)));
    }

    /** The stage the frames of {@code t}, else of {@code top}, show. */
    static Optional<Stage> stageOf(Throwable t, Throwable top) {
        return where(t).or(() -> where(top)).map(Where::stage);
    }

    private static DeliveryOutcome greeting(String response) {
        Optional<SmtpReply> reply = SmtpReply.tryParse(response.strip());
        if (reply.isPresent()) return strict(DeliveryOutcome.classify(Stage.CONNECT, reply.get()));
        if (response.strip().equals(EOF)) return lost(Stage.CONNECT, EOF);
        return new Unexpected(Stage.CONNECT, Optional.empty(), Reason.UNKNOWN);
    }

    private static DeliveryOutcome strict(DeliveryOutcome outcome) {
        if (outcome.disposition() != Disposition.SUCCESS) return outcome;
        return new Unexpected(outcome.stage(), outcome.reply(), Reason.UNKNOWN);
    }

    private static ConnectionLost lost(Stage stage, String text) {
        String detail = text.equals(EOF) ? "no reply: the server closed the connection"
                : "reply cut off: the server closed the connection after " + text.lines().findFirst().orElse("");
        return new ConnectionLost(stage, stage == Stage.MESSAGE, detail);
    }

    /** The innermost {@code SMTPTransport} frame that names a step. */
    private static Optional<Where> where(Throwable t) {
        StackTraceElement[] frames = t.getStackTrace();
        boolean writing = false;
        for (StackTraceElement f : frames) {
            String cls = f.getClassName();
            writing |= f.getMethodName().equals("writeTo") || cls.endsWith(".SMTPOutputStream");
            if (!isTransport(cls)) continue;
            Stage stage = cls.contains("Authenticator") ? Stage.AUTH
                    : cls.contains("$BDATOutputStream") ? Stage.MESSAGE
                    : f.getMethodName().equals("sendMessage") ? (writing ? Stage.MESSAGE : Stage.MAIL)
                    : METHODS.get(f.getMethodName());
            if (stage != null) return Optional.of(new Where(stage, stage == Stage.MESSAGE && readingEnd(frames)));
        }
        return Optional.empty();
    }

    /** Whether the reply to the end of data was being read (or RSET sent after it): the whole message had gone. */
    private static boolean readingEnd(StackTraceElement[] frames) {
        boolean reading = false;
        for (StackTraceElement f : frames) {
            if (!isTransport(f.getClassName())) continue;
            String m = f.getMethodName();
            reading |= m.equals("readServerResponse") || m.equals("issueCommand");
            if (m.equals("finishData") || m.equals("finishBdat")) return reading;
        }
        return false;
    }

    private static boolean isTransport(String className) {
        return className.startsWith("org.eclipse.angus.mail.smtp.SMTPTransport")
                || className.startsWith("com.sun.mail.smtp.SMTPTransport");
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
