package org.mailoutcome.jakarta.internal;

import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.DeliveryOutcome.ConnectionLost;
import org.mailoutcome.DeliveryOutcome.ServiceUnavailable;
import org.mailoutcome.DeliveryOutcome.Unexpected;
import org.mailoutcome.Disposition;
import org.mailoutcome.Reason;
import org.mailoutcome.Stage;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.RecipientOutcome;

/**
 * Builds a {@link DeliveryReport} from the transcript of one send: the i-th RCPT reply belongs to the i-th
 * envelope recipient; accepted recipients then share the DATA and end-of-data result.
 *
 * <p>A recipient whose RCPT was never sent, because the transaction broke off before it, gets the outcome that
 * broke it off (a 421, an unexpected reply, or the lost connection), as every recipient gets the MAIL outcome when
 * MAIL FROM fails. Angus accepts only 250 after MAIL FROM and the end of data and only 354 after DATA: another
 * 2yz there aborts the send, so it is reported as {@link Unexpected}, never as a success.
 */
public final class ReportBuilder {
    private final List<InternetAddress> envelope;
    private final List<Exchange> exchanges;
    private final String failure;

    private ReportBuilder(List<InternetAddress> envelope, List<Exchange> exchanges, String failure) {
        this.envelope = envelope;
        this.exchanges = exchanges;
        this.failure = failure;
    }

    /**
     * The report of one send attempt.
     *
     * @param failure what the client threw, described, or "" when the send returned normally
     */
    public static DeliveryReport report(List<InternetAddress> envelope, List<Exchange> exchanges, String failure,
            Optional<String> messageId) {
        return new ReportBuilder(envelope, exchanges, failure).build(messageId);
    }

    /** The report of a send whose connection could not be opened, greeted, secured or authenticated. */
    public static DeliveryReport connectFailed(List<InternetAddress> envelope, List<Exchange> exchanges,
            String failure, Optional<String> messageId) {
        return uniform(envelope, connectFailure(exchanges, failure), messageId);
    }

    /** The outcome of a connection that could not be opened, greeted, secured or authenticated. */
    public static DeliveryOutcome connectFailure(List<Exchange> exchanges, String failure) {
        ReportBuilder builder = new ReportBuilder(List.of(), exchanges, failure);
        return builder.serviceUnavailable().orElseGet(() -> builder.lastFailure(Stage.CONNECT));
    }

    private DeliveryReport build(Optional<String> messageId) {
        int mail = indexOf(Stage.MAIL, 0);
        if (mail < 0) return uniform(envelope, lastFailure(Stage.MAIL), messageId);
        DeliveryOutcome mailOutcome = strict(exchanges.get(mail), 250);
        if (mailOutcome.disposition() != Disposition.SUCCESS) return uniform(envelope, mailOutcome, messageId);

        List<DeliveryOutcome> perRecipient = rcptOutcomes(mail);
        int data = indexOf(Stage.DATA, mail);
        if (perRecipient.stream().noneMatch(o -> o.disposition() == Disposition.SUCCESS)) {
            return assemble(perRecipient, Optional.empty(), messageId);
        }
        DeliveryOutcome messageOutcome = data < 0 ? abortBeforeData(perRecipient)
                : explainedByServiceUnavailable(dataAndMessage(data), perRecipient);
        List<DeliveryOutcome> finals = new ArrayList<>();
        for (DeliveryOutcome rcpt : perRecipient) {
            boolean delivered = rcpt.disposition() == Disposition.SUCCESS
                    && messageOutcome.disposition() == Disposition.SUCCESS;
            finals.add(rcpt.disposition() != Disposition.SUCCESS || delivered ? rcpt : messageOutcome);
        }
        return assemble(finals, Optional.of(messageOutcome), messageId);
    }

    /** The i-th RCPT exchange answers the i-th recipient; a recipient without one gets what broke it off. */
    private List<DeliveryOutcome> rcptOutcomes(int mail) {
        List<DeliveryOutcome> outcomes = new ArrayList<>();
        DeliveryOutcome breakOff = null;
        int next = mail + 1;
        for (int i = 0; i < envelope.size(); i++) {
            int rcpt = next < 0 ? -1 : indexOf(Stage.RCPT, next);
            if (rcpt < 0) {
                if (breakOff == null) breakOff = lastFailure(Stage.RCPT);
                outcomes.add(breakOff);
                next = -1;
                continue;
            }
            DeliveryOutcome outcome = strict(exchanges.get(rcpt), -1);
            outcomes.add(outcome);
            if (breakOff == null && breaksOff(outcome)) breakOff = outcome;
            next = rcpt + 1;
        }
        return outcomes;
    }

    /** DATA, the message, and the end of data; the outcome every accepted recipient shares. */
    private DeliveryOutcome dataAndMessage(int data) {
        DeliveryOutcome dataOutcome = strict(exchanges.get(data), 354);
        if (dataOutcome.disposition() != Disposition.SUCCESS) return dataOutcome;
        int dot = indexOf(Stage.MESSAGE, data);
        if (dot < 0) {
            return new ConnectionLost(Stage.MESSAGE, false, "message not fully sent: " + orUnknown(failure));
        }
        Exchange end = exchanges.get(dot);
        if (end.hasNoUsableReply() || end.parsed().isEmpty()) {
            String why = end.failure().orElseGet(() -> "unparseable reply: " + end.reply().get());
            return new ConnectionLost(Stage.MESSAGE, true, why);
        }
        return strict(end, 250);
    }

    /**
     * A connection lost before the end of data after a 421 to an RCPT (Angus goes on to DATA with sendpartial):
     * the 421, which announced the close, is the outcome, as when the 421 breaks off before the last RCPT.
     */
    private static DeliveryOutcome explainedByServiceUnavailable(DeliveryOutcome outcome,
            List<DeliveryOutcome> perRecipient) {
        if (!(outcome instanceof ConnectionLost lost) || lost.afterEndOfData()) return outcome;
        return perRecipient.stream().filter(o -> o instanceof ServiceUnavailable).findFirst().orElse(outcome);
    }

    /** A 421 while connecting: it explains what follows (Angus tries HELO after a failed EHLO, and loses it). */
    private Optional<DeliveryOutcome> serviceUnavailable() {
        return exchanges.stream().filter(e -> !e.hasNoUsableReply()).map(e -> strict(e, -1))
                .filter(o -> o instanceof ServiceUnavailable).findFirst();
    }

    /** Accepted recipients, but DATA was never sent: the outcome that broke the transaction off. */
    private DeliveryOutcome abortBeforeData(List<DeliveryOutcome> perRecipient) {
        return perRecipient.stream().filter(ReportBuilder::breaksOff).findFirst()
                .orElseGet(() -> lastFailure(Stage.DATA));
    }

    /** After these, Angus (or the server) ends the transaction. */
    private static boolean breaksOff(DeliveryOutcome outcome) {
        return outcome instanceof ConnectionLost || outcome instanceof Unexpected
                || outcome instanceof ServiceUnavailable;
    }

    /** Classifies an exchange, holding Angus's exact-code rule; a lost reply is {@link ConnectionLost}. */
    private static DeliveryOutcome strict(Exchange exchange, int expected) {
        if (exchange.hasNoUsableReply()) {
            return new ConnectionLost(exchange.stage(), exchange.stage() == Stage.MESSAGE,
                    exchange.failure().orElse("no reply"));
        }
        DeliveryOutcome outcome = exchange.parsed().map(r -> DeliveryOutcome.classify(exchange.stage(), r))
                .orElseGet(() -> new Unexpected(exchange.stage(), Optional.empty(), Reason.UNKNOWN));
        boolean refusedByClient = expected > 0 && outcome.code().orElse(-1) != expected
                && outcome.disposition() == Disposition.SUCCESS;
        return refusedByClient ? new Unexpected(exchange.stage(), outcome.reply(), Reason.UNKNOWN) : outcome;
    }

    /** The outcome of the last exchange when it failed, else a lost connection at the stage that follows it. */
    private DeliveryOutcome lastFailure(Stage fallback) {
        if (!exchanges.isEmpty()) {
            Exchange last = exchanges.get(exchanges.size() - 1);
            DeliveryOutcome outcome = strict(last, -1);
            if (outcome.disposition() != Disposition.SUCCESS) return outcome;
        }
        return new ConnectionLost(fallback, false, orUnknown(failure));
    }

    private int indexOf(Stage stage, int from) {
        for (int i = from; i < exchanges.size(); i++) {
            if (exchanges.get(i).stage() == stage) return i;
        }
        return -1;
    }

    private DeliveryReport assemble(List<DeliveryOutcome> outcomes, Optional<DeliveryOutcome> messageOutcome,
            Optional<String> messageId) {
        List<RecipientOutcome> recipients = new ArrayList<>(envelope.size());
        for (int i = 0; i < envelope.size(); i++) recipients.add(RecipientOutcome.of(envelope.get(i), outcomes.get(i)));
        Optional<String> queueId = messageOutcome.filter(o -> o.stage() == Stage.MESSAGE)
                .flatMap(DeliveryOutcome::reply).flatMap(QueueIds::from);
        return new DeliveryReport(recipients, messageOutcome, queueId, messageId);
    }

    private static DeliveryReport uniform(List<InternetAddress> envelope, DeliveryOutcome outcome,
            Optional<String> messageId) {
        List<RecipientOutcome> recipients = envelope.stream().map(a -> RecipientOutcome.of(a, outcome)).toList();
        return new DeliveryReport(recipients, Optional.of(outcome), Optional.empty(), messageId);
    }

    private static String orUnknown(String failure) {
        return failure.isEmpty() ? "no reply" : failure;
    }
}
