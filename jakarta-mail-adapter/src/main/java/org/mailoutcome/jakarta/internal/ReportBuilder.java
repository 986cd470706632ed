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
 * envelope recipient; accepted recipients then share the DATA and end-of-data result, or with BDAT the result of
 * the chunks (the first refused chunk, else the last).
 *
 * <p>A reply lost after the end of data was sent leaves the message maybe delivered. With a pipelined BDAT flight
 * the end of data went with MAIL and the RCPTs, so a reply lost anywhere in it leaves the message maybe delivered,
 * unless the server closed the connection before answering anything (it took nothing: a connection it had dropped
 * while idle) or a 421 had announced the close.
 *
 * <p>A recipient whose RCPT was never sent, because the transaction broke off before it, gets the outcome that
 * broke it off (a 421, an unexpected reply, or the lost connection), as every recipient gets the MAIL outcome when
 * MAIL FROM fails. Angus accepts only 250 after MAIL FROM and the end of data and only 354 after DATA: another
 * 2yz there aborts the send, so it is reported as {@link Unexpected}, never as a success.
 */
public final class ReportBuilder {
    private final List<InternetAddress> envelope;
    private final List<Exchange> exchanges;
    private final Failure failure;
    /** Whether the transaction's content went with BDAT. */
    private final boolean chunked;
    /** With BDAT: whether the last chunk may have reached the server, so that a lost reply may hide a delivery. */
    private final boolean lastChunkMayHaveArrived;

    private ReportBuilder(List<InternetAddress> envelope, List<Exchange> exchanges, Failure failure) {
        this.envelope = envelope;
        this.exchanges = exchanges;
        this.failure = failure;
        this.chunked = exchanges.stream().anyMatch(e -> Commands.isChunk(e.command()));
        this.lastChunkMayHaveArrived = chunked && lastChunkMayHaveArrived(exchanges);
    }

    /**
     * A {@code BDAT ... LAST} was written, and the server did not close the connection before answering the first
     * command of the transaction (then it took nothing of it).
     */
    private static boolean lastChunkMayHaveArrived(List<Exchange> exchanges) {
        boolean written = exchanges.stream().anyMatch(e -> Commands.isLastChunk(e.command())
                && !e.failure().orElse("").startsWith(Transcript.NOT_SENT));
        Optional<Exchange> mail = exchanges.stream().filter(e -> e.stage() == Stage.MAIL).findFirst();
        boolean droppedUnanswered = mail.isPresent() && mail.get().hasNoUsableReply()
                && mail.get().failure().orElse("").equals(ReadReply.CLOSED);
        return written && !droppedUnanswered;
    }

    /**
     * The report of one send attempt.
     *
     * @param failure what the client threw, or {@link Failure#NONE} when the send returned normally
     */
    static DeliveryReport report(List<InternetAddress> envelope, List<Exchange> exchanges, Failure failure,
            Optional<String> messageId) {
        return new ReportBuilder(envelope, exchanges, failure).build(messageId);
    }

    /** The report of a send whose connection could not be opened, greeted, secured or authenticated. */
    static DeliveryReport connectFailed(List<InternetAddress> envelope, List<Exchange> exchanges,
            Failure failure, Optional<String> messageId) {
        return uniform(envelope, connectFailure(exchanges, failure), messageId);
    }

    /** The outcome of a connection that could not be opened, greeted, secured or authenticated. */
    static DeliveryOutcome connectFailure(List<Exchange> exchanges, Failure failure) {
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
        DeliveryOutcome messageOutcome = chunked ? chunks(mail) : data < 0 ? abortBeforeData(perRecipient)
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

    /** The BDAT chunks: the first refused or unanswered one, else the last; what every accepted recipient shares. */
    private DeliveryOutcome chunks(int mail) {
        Exchange last = null;
        for (int i = mail + 1; i < exchanges.size(); i++) {
            Exchange e = exchanges.get(i);
            if (e.stage() != Stage.MESSAGE) continue;
            if (!e.hasNoUsableReply() && e.parsed().isEmpty()) {
                // a chunk's reply that cannot be read says nothing of the message either: as if none came
                return new ConnectionLost(Stage.MESSAGE, lastChunkMayHaveArrived,
                        "unparseable reply: " + e.reply().get(), e.cause());
            }
            DeliveryOutcome outcome = strict(e, 250);
            if (outcome.disposition() != Disposition.SUCCESS) return outcome;
            last = e;
        }
        return last == null ? lastFailure(Stage.MESSAGE) : strict(last, 250);
    }

    /** DATA, the message, and the end of data; the outcome every accepted recipient shares. */
    private DeliveryOutcome dataAndMessage(int data) {
        DeliveryOutcome dataOutcome = strict(exchanges.get(data), 354);
        if (dataOutcome.disposition() != Disposition.SUCCESS) return dataOutcome;
        int dot = indexOf(Stage.MESSAGE, data);
        if (dot < 0) {
            return new ConnectionLost(Stage.MESSAGE, false, "message not fully sent: " + failure.orNoReply(),
                    failure.cause());
        }
        Exchange end = exchanges.get(dot);
        if (end.hasNoUsableReply() || end.parsed().isEmpty()) {
            String why = end.failure().orElseGet(() -> "unparseable reply: " + end.reply().get());
            return new ConnectionLost(Stage.MESSAGE, true, why, end.cause());
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
    private DeliveryOutcome strict(Exchange exchange, int expected) {
        if (exchange.hasNoUsableReply()) return lost(exchange);
        DeliveryOutcome outcome = exchange.parsed().map(r -> DeliveryOutcome.classify(exchange.stage(), r))
                .orElseGet(() -> new Unexpected(exchange.stage(), Optional.empty(), Reason.UNKNOWN));
        boolean refusedByClient = expected > 0 && outcome.code().orElse(-1) != expected
                && outcome.disposition() == Disposition.SUCCESS;
        return refusedByClient ? new Unexpected(exchange.stage(), outcome.reply(), Reason.UNKNOWN) : outcome;
    }

    /**
     * No reply came: maybe delivered after the end of data; with BDAT, a 421 before it explains it (the server
     * closed, and took nothing after the 421).
     */
    private DeliveryOutcome lost(Exchange exchange) {
        Failure why = exchange.why();
        if (!chunked) {
            return new ConnectionLost(exchange.stage(), exchange.stage() == Stage.MESSAGE, why.description(),
                    why.cause());
        }
        for (Exchange e : exchanges) {
            if (e == exchange) break;
            if (e.parsed().filter(r -> r.code() == 421).isPresent()) return DeliveryOutcome.classify(e.stage(),
                    e.parsed().get());
        }
        return new ConnectionLost(exchange.stage(), lastChunkMayHaveArrived, why.description(), why.cause());
    }

    /** The outcome of the last exchange when it failed, else a lost connection at the stage that follows it. */
    private DeliveryOutcome lastFailure(Stage fallback) {
        if (!exchanges.isEmpty()) {
            Exchange last = exchanges.get(exchanges.size() - 1);
            DeliveryOutcome outcome = strict(last, -1);
            if (outcome.disposition() != Disposition.SUCCESS) return outcome;
        }
        return new ConnectionLost(fallback, false, failure.orNoReply(), failure.cause());
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
}
