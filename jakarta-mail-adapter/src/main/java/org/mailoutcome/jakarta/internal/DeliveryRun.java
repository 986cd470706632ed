package org.mailoutcome.jakarta.internal;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.DeliveryOutcome.InsufficientStorage;
import org.mailoutcome.DeliveryOutcome.NotLocalNoRelay;
import org.mailoutcome.Disposition;
import org.mailoutcome.ForwardDecision;
import org.mailoutcome.ForwardPolicy;
import org.mailoutcome.Reason;
import org.mailoutcome.RetryDecision;
import org.mailoutcome.RetryPolicy;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.RecipientOutcome;
import org.mailoutcome.jakarta.RecipientOutcome.Attempt;
import org.mailoutcome.jakarta.retry.PendingRecipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of one send: the first transaction, then, as needed, new transactions for the recipients a
 * "too many recipients" reply cut off (RFC 5321 4.5.3.1.10), for forward paths the {@link ForwardPolicy}
 * follows, and for transient failures the {@link RetryPolicy} retries after a delay. A recipient whose latest
 * outcome is a success is never sent the message again. The caller does the waiting: {@link #next()} returns
 * {@link Step.Wait} and the caller calls {@link #resume()} after the delay.
 */
public final class DeliveryRun {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryRun.class);

    /** Sends one transaction: the message to these addresses; {@code forward} says the targets are forwards. */
    @FunctionalInterface
    public interface Transactions {
        /** One transaction; every address gets one outcome. */
        DeliveryReport send(List<InternetAddress> to, boolean forward);
    }

    /** What the caller does next. */
    public sealed interface Step {
        /** Finished. @param report the final report */
        record Done(DeliveryReport report) implements Step {
        }

        /** Wait, then call {@link DeliveryRun#resume()}. @param delay how long */
        record Wait(Duration delay) implements Step {
        }
    }

    private final Transactions transactions;
    private final RetryPolicy retry;
    private final ForwardPolicy forward;
    private final List<String> envelopeAndSender;
    private final List<RecipientOutcome> recipients = new ArrayList<>();
    private final List<Integer> waiting = new ArrayList<>();
    private int transactionsLeft;
    /** The transactions of the latest round: the first send, or the splits, forwards or retries just made. */
    private List<DeliveryReport> lastRound;
    /** The latest transaction that reached the end of data, else the first: source of the message outcome. */
    private DeliveryReport main;

    /**
     * A run over the envelope: recipient i is sent to {@code targets.get(i)} (itself, or a forward path the
     * address book gave); {@code sender} is the envelope sender, never a forward target.
     */
    public DeliveryRun(Transactions transactions, RetryPolicy retry, ForwardPolicy forward,
            List<InternetAddress> envelope, List<InternetAddress> targets, Optional<String> sender) {
        this.transactions = transactions;
        this.retry = retry;
        this.forward = forward;
        this.envelopeAndSender = Stream.of(envelope.stream().map(InternetAddress::getAddress),
                targets.stream().map(InternetAddress::getAddress), sender.stream()).flatMap(s -> s).distinct().toList();
        this.transactionsLeft = 1 + envelope.size() * (retry.maxAttempts() + 8);
        main = transactions.send(targets, false);
        lastRound = List.of(main);
        transactionsLeft--;
        for (int i = 0; i < envelope.size(); i++) {
            recipients.add(new RecipientOutcome(envelope.get(i), main.recipients().get(i).attempts()));
        }
    }

    /** Runs the immediate follow-ups (splits, forwards) and tells whether to wait for a retry or stop. */
    public Step next() {
        while (transactionsLeft > 0) {
            Map<Integer, InternetAddress> cut = cutOffByRecipientLimit();
            if (!cut.isEmpty()) {
                send(cut, false);
                continue;
            }
            Map<Integer, InternetAddress> forwards = forwardsToFollow();
            if (!forwards.isEmpty()) {
                send(forwards, true);
                continue;
            }
            break;
        }
        Optional<Duration> delay = retriesDue();
        return delay.<Step>map(Step.Wait::new).orElseGet(() -> new Step.Done(report()));
    }

    /** After the wait: retries the recipients {@link #next()} scheduled, then carries on. */
    public Step resume() {
        Map<Integer, InternetAddress> targets = new LinkedHashMap<>();
        for (int i : waiting) targets.put(i, recipients.get(i).finalAddress());
        waiting.clear();
        if (!targets.isEmpty()) send(targets, false);
        return next();
    }

    /** The recipients the latest {@link #next()} scheduled for a retry, each with its attempts at its target. */
    public List<PendingRecipient> deferred() {
        List<PendingRecipient> pending = new ArrayList<>();
        for (int i : waiting) {
            RecipientOutcome r = recipients.get(i);
            pending.add(new PendingRecipient(r.address(), r.finalAddress(), attemptsAtFinalAddress(r), r.outcome()));
        }
        return pending;
    }

    /** The report as it stands: for a caller that stops waiting (interrupted, shut down). */
    public DeliveryReport report() {
        return new DeliveryReport(recipients, main.messageOutcome(), main.queueId(), main.messageId());
    }

    /** Recipients refused with "too many recipients" in a transaction that accepted someone: send them now. */
    private Map<Integer, InternetAddress> cutOffByRecipientLimit() {
        Map<Integer, InternetAddress> cut = new LinkedHashMap<>();
        for (int i = 0; i < recipients.size(); i++) {
            DeliveryOutcome outcome = recipients.get(i).outcome();
            boolean tooMany = outcome instanceof InsufficientStorage && outcome.reason() == Reason.TOO_MANY_RECIPIENTS;
            if (!tooMany) continue;
            Optional<DeliveryReport> in = latestTransaction(i);
            if (in.isPresent() && !in.get().accepted().isEmpty()) {
                cut.put(i, recipients.get(i).finalAddress());
            }
        }
        return cut;
    }

    /** Recipients just refused with a forward path that the policy follows: send to the new address now. */
    private Map<Integer, InternetAddress> forwardsToFollow() {
        Map<Integer, InternetAddress> follow = new LinkedHashMap<>();
        for (int i = 0; i < recipients.size(); i++) {
            RecipientOutcome r = recipients.get(i);
            if (!(r.outcome() instanceof NotLocalNoRelay moved) || moved.forwardPath().isEmpty()
                    || latestTransaction(i).isEmpty()) {
                continue;
            }
            List<String> chain = Stream.concat(Stream.of(r.address()), r.attempts().stream().map(Attempt::address))
                    .map(InternetAddress::getAddress).distinct().toList();
            String path = moved.forwardPath().get();
            ForwardDecision decision = forward.decide(r.finalAddress().getAddress(), path, chain.size(), chain,
                    envelopeAndSender);
            if (decision instanceof ForwardDecision.Follow) {
                int index = i;
                toAddress(path).ifPresent(a -> follow.put(index, a));
            } else if (forward.isEnabled()) {
                LOG.debug("{}: forward path {} not followed: {}", r.address().getAddress(), path,
                        ((ForwardDecision.Refuse) decision).reason());
            }
        }
        return follow;
    }

    /** Recipients whose transient outcome the policy retries; the longest delay among them, if any. */
    private Optional<Duration> retriesDue() {
        Duration longest = null;
        for (int i = 0; i < recipients.size(); i++) {
            RecipientOutcome r = recipients.get(i);
            if (r.disposition() != Disposition.TRANSIENT) continue;
            RetryDecision decision = retry.decide(r.outcome(), attemptsAtFinalAddress(r));
            if (decision instanceof RetryDecision.Retry again && transactionsLeft > 0) {
                waiting.add(i);
                if (longest == null || again.delay().compareTo(longest) > 0) longest = again.delay();
            }
        }
        return Optional.ofNullable(longest);
    }

    /**
     * Sends the round: one transaction to the targets (each address once), or for forwards one transaction per
     * forward address, so each can be routed on its own. Every target's recipient gets the attempt.
     */
    private void send(Map<Integer, InternetAddress> targets, boolean forwards) {
        List<InternetAddress> to = targets.values().stream().distinct().toList();
        List<List<InternetAddress>> batches = forwards ? to.stream().map(List::of).toList() : List.of(to);
        List<DeliveryReport> round = new ArrayList<>();
        Map<InternetAddress, DeliveryOutcome> outcomes = new LinkedHashMap<>();
        for (List<InternetAddress> batch : batches) {
            if (transactionsLeft <= 0) break;
            DeliveryReport report = transactions.send(batch, forwards);
            transactionsLeft--;
            round.add(report);
            if (report.messageOutcome().filter(o -> o.stage() == org.mailoutcome.Stage.MESSAGE).isPresent()) {
                main = report;
            }
            for (int k = 0; k < batch.size(); k++) outcomes.put(batch.get(k), report.recipients().get(k).outcome());
        }
        lastRound = round;
        for (Map.Entry<Integer, InternetAddress> target : targets.entrySet()) {
            DeliveryOutcome outcome = outcomes.get(target.getValue());
            if (outcome == null) continue;
            int i = target.getKey();
            recipients.set(i, recipients.get(i).then(new Attempt(target.getValue(), outcome)));
        }
    }

    /** The transaction of the latest round that gave recipient i its latest outcome, if it was in that round. */
    private Optional<DeliveryReport> latestTransaction(int i) {
        DeliveryOutcome latest = recipients.get(i).outcome();
        return lastRound.stream().filter(t -> t.recipients().stream().anyMatch(r -> r.outcome() == latest))
                .findFirst();
    }

    private static int attemptsAtFinalAddress(RecipientOutcome r) {
        return (int) r.attempts().stream().filter(a -> a.address().equals(r.finalAddress())).count();
    }

    private static Optional<InternetAddress> toAddress(String mailbox) {
        try {
            return Optional.of(new InternetAddress(mailbox, true));
        } catch (AddressException e) {
            LOG.debug("forward path {} is not an address Jakarta Mail accepts: {}", mailbox, e.getMessage());
            return Optional.empty();
        }
    }
}
