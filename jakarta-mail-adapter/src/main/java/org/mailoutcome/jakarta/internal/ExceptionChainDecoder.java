package org.mailoutcome.jakarta.internal;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressSucceededException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.DeliveryOutcome.ConnectionLost;
import org.mailoutcome.DeliveryOutcome.Unexpected;
import org.mailoutcome.Disposition;
import org.mailoutcome.Reason;
import org.mailoutcome.SmtpReply;
import org.mailoutcome.Stage;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.RecipientOutcome;

/**
 * Turns what Angus Mail's {@code SMTPTransport} threw into a {@link DeliveryReport}: walks the whole chain
 * ({@code getNextException()} and {@code getCause()}), collects every recipient's RCPT reply, the step that ended the
 * transaction, and whether the message went out (the send-partial {@code "."} 250), then gives every envelope
 * recipient exactly one outcome. The rules are tabled on {@code ExceptionDecoder}. Not thread-safe: one instance
 * decodes one exception.
 */
public final class ExceptionChainDecoder {
    /** Chains longer than this are cut: a recipient list is long, a cycle-free chain is never this long. */
    private static final int MAX_CHAIN = 100_000;
    /** Candidates for the step that ended the transaction; the lowest rank wins. */
    private static final int STEP = 0;
    private static final int SENDER = 1;
    private static final int CONNECT = 2;
    private static final int AUTH = 3;
    private static final int IO = 4;
    private static final int REPLY = 5;
    private static final int AUTH_NO_REPLY = 6;
    private static final int OTHER = 9;

    private final Throwable top;
    private final Map<String, DeliveryOutcome> rcptSuccess = new HashMap<>();
    private final Map<String, DeliveryOutcome> rcptFailure = new HashMap<>();
    private Optional<DeliveryOutcome> lastRcptFailure = Optional.empty();
    private boolean refused2yz;
    private Optional<SendFailedException> lists = Optional.empty();
    private Optional<DeliveryOutcome> delivered = Optional.empty();
    private Optional<DeliveryOutcome> step = Optional.empty();
    private int stepRank = Integer.MAX_VALUE;

    private ExceptionChainDecoder(Throwable top) {
        this.top = top;
    }

    /** Decodes one exception thrown while sending to {@code envelope}. */
    public static DeliveryReport decode(List<InternetAddress> envelope, MessagingException e,
            Optional<String> messageId) {
        ExceptionChainDecoder decoder = new ExceptionChainDecoder(e);
        for (Throwable t : chain(e)) decoder.visit(t);
        return decoder.report(envelope, messageId);
    }

    /**
     * The envelope as Angus sends it: groups expanded (a group that does not parse is kept whole, as Angus does),
     * only Internet addresses, each address (compared case-insensitively) once, in order.
     */
    public static List<InternetAddress> envelope(Address[] addresses) {
        Map<String, InternetAddress> unique = new LinkedHashMap<>();
        for (Address address : addresses == null ? new Address[0] : addresses) {
            if (!(address instanceof InternetAddress ia)) continue;
            for (InternetAddress member : members(ia)) unique.putIfAbsent(key(member), member);
        }
        return List.copyOf(unique.values());
    }

    private static List<InternetAddress> members(InternetAddress address) {
        if (!address.isGroup()) return List.of(address);
        try {
            InternetAddress[] members = address.getGroup(true);
            return members == null ? List.of(address) : List.of(members);
        } catch (AddressException e) {
            return List.of(address);
        }
    }

    /** Every throwable reachable by next exception and cause, each once, depth first, next before cause. */
    private static List<Throwable> chain(Throwable top) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>(List.of(top));
        while (!todo.isEmpty() && chain.size() < MAX_CHAIN) {
            Throwable t = todo.pop();
            if (!seen.add(t)) continue;
            chain.add(t);
            Throwable next = t instanceof MessagingException m ? m.getNextException() : null;
            Throwable cause = t.getCause();
            if (cause != null && cause != next) todo.push(cause);
            if (next != null) todo.push(next);
        }
        return chain;
    }

    private void visit(Throwable t) {
        if (t instanceof SMTPAddressSucceededException s) {
            rcpt(s.getAddress(), AngusReplies.replied(Stage.RCPT, s.getReturnCode(), text(s)));
        } else if (t instanceof SMTPAddressFailedException f) {
            DeliveryOutcome outcome = AngusReplies.replied(Stage.RCPT, f.getReturnCode(), text(f));
            refused2yz |= outcome.disposition() == Disposition.SUCCESS;
            rcpt(f.getAddress(), outcome);
        } else if (t instanceof SMTPSenderFailedException f) {
            offer(SENDER, AngusReplies.refused(Stage.MAIL, f.getReturnCode(), text(f)));
        } else if (t instanceof SMTPSendFailedException f) {
            sendFailed(f);
        } else if (t instanceof MailConnectException c) {
            offer(CONNECT, new ConnectionLost(Stage.CONNECT, false, text(c)));
        } else if (t instanceof AuthenticationFailedException a) {
            DeliveryOutcome outcome = AngusReplies.authFailed(text(a));
            offer(outcome.reply().isPresent() ? AUTH : AUTH_NO_REPLY, outcome);
        } else if (t instanceof IOException io) {
            offer(IO, AngusReplies.ioFailed(io, top));
        } else if (t instanceof MessagingException m) {
            Optional<DeliveryOutcome> replied = AngusReplies.plainFailed(m, top);
            offer(replied.isPresent() ? REPLY : OTHER, replied.orElseGet(() -> AngusReplies.noReply(m, top)));
        }
        if (t instanceof SendFailedException s && lists.isEmpty() && hasLists(s)) lists = Optional.of(s);
    }

    private void rcpt(InternetAddress address, DeliveryOutcome outcome) {
        boolean success = outcome.disposition() == Disposition.SUCCESS;
        if (!success) lastRcptFailure = Optional.of(outcome);
        if (address == null) return;
        if (success) {
            rcptSuccess.putIfAbsent(key(address), outcome);
        } else {
            rcptFailure.putIfAbsent(key(address), outcome);
        }
    }

    private void sendFailed(SMTPSendFailedException f) {
        Stage stage = Commands.stageOf(f.getCommand()).or(() -> AngusReplies.stageOf(f, top))
                .orElse(Stage.MAIL);
        if (stage == Stage.MESSAGE && f.getReturnCode() == 250) {
            if (delivered.isEmpty()) delivered = Optional.of(AngusReplies.replied(stage, 250, text(f)));
        } else {
            offer(STEP, AngusReplies.refused(stage, f.getReturnCode(), text(f)));
        }
    }

    private void offer(int rank, DeliveryOutcome outcome) {
        if (rank < stepRank) {
            step = Optional.of(outcome);
            stepRank = rank;
        }
    }

    private DeliveryReport report(List<InternetAddress> envelope, Optional<String> messageId) {
        Set<String> sent = delivered.isPresent() ? keys(lists.map(SendFailedException::getValidSentAddresses))
                : Set.of();
        DeliveryOutcome ended = ending();
        List<RecipientOutcome> recipients = new ArrayList<>(envelope.size());
        int withoutOwn = 0;
        for (InternetAddress address : envelope) {
            Optional<DeliveryOutcome> own = ownOutcome(key(address), sent);
            if (own.isEmpty()) withoutOwn++;
            recipients.add(RecipientOutcome.of(address, own.orElse(ended)));
        }
        Optional<DeliveryOutcome> endedUsed = withoutOwn > 0 ? Optional.of(ended) : Optional.empty();
        Optional<DeliveryOutcome> messageOutcome = delivered
                .or(() -> step.filter(o -> stepRank < OTHER && o.stage() != Stage.RCPT))
                .or(() -> endedUsed);
        Optional<String> queueId = delivered.flatMap(DeliveryOutcome::reply).flatMap(QueueIds::from);
        return new DeliveryReport(recipients, messageOutcome, queueId, messageId);
    }

    /** Delivered: the RCPT success, else the end of data. Refused at RCPT: that reply. Else empty: what ended it. */
    private Optional<DeliveryOutcome> ownOutcome(String key, Set<String> sent) {
        DeliveryOutcome success = rcptSuccess.get(key);
        if (sent.contains(key)) return Optional.of(success != null ? success : delivered.orElseThrow());
        if (success == null) return Optional.ofNullable(rcptFailure.get(key));
        return Optional.empty();
    }

    /** The outcome of the recipients that were accepted, or never reached, when the message did not go to them. */
    private DeliveryOutcome ending() {
        if (stepRank < OTHER) return step.orElseThrow();
        if (lists.isEmpty() && lastRcptFailure.isPresent()) return lastRcptFailure.get();
        if (lists.isPresent()) return new ConnectionLost(Stage.DATA, false, notSentDetail());
        return step.orElseGet(() -> new Unexpected(Stage.MAIL, Optional.empty(), Reason.UNKNOWN));
    }

    private String notSentDetail() {
        if (delivered.isPresent()) return "message not sent to this recipient: the exception lists it nowhere";
        if (rcptFailure.isEmpty() && refused2yz) {
            return "message not sent: Angus ended the transaction after a 2yz other than 250/251 to RCPT with"
                    + " mail.smtp.reportsuccess=true (angus-mail #199)";
        }
        return "message not sent: Angus ended the transaction before DATA because recipients were refused"
                + " (mail.smtp.sendpartial=false)";
    }

    private static boolean hasLists(SendFailedException s) {
        return s.getValidSentAddresses() != null || s.getValidUnsentAddresses() != null
                || s.getInvalidAddresses() != null;
    }

    private static Set<String> keys(Optional<Address[]> addresses) {
        Set<String> keys = new HashSet<>();
        for (Address a : addresses.orElse(new Address[0])) {
            if (a instanceof InternetAddress ia) keys.add(key(ia));
        }
        return keys;
    }

    private static String key(InternetAddress address) {
        return Objects.toString(address.getAddress(), "").toLowerCase(Locale.ROOT);
    }

    private static String text(Throwable t) {
        return Objects.toString(t.getMessage(), "");
    }
}
