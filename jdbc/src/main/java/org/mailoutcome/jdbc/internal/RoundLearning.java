package org.mailoutcome.jdbc.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.ForwardDecision;
import org.mailoutcome.ForwardPolicy;
import org.mailoutcome.tracking.AddressBook;
import org.mailoutcome.tracking.Evidence;
import org.mailoutcome.tracking.MovedAddress;
import org.mailoutcome.tracking.Suppression;
import org.mailoutcome.tracking.SuppressionList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a retry round asks of the suppression list before it sends, and what it teaches it and the address book
 * after its results are committed. A store that fails is logged: the round's results stand.
 */
final class RoundLearning {
    private static final Logger LOG = LoggerFactory.getLogger("org.mailoutcome.jdbc.RetryWorker");

    private final Optional<SuppressionList> suppressions;
    private final Optional<AddressBook> book;
    private final Clock clock;

    RoundLearning(Optional<SuppressionList> suppressions, Optional<AddressBook> book, Clock clock) {
        this.suppressions = suppressions;
        this.book = book;
        this.clock = clock;
    }

    /** The targets suppressed now, by key, with their outcome. */
    Map<String, DeliveryOutcome.Suppressed> suppressed(List<TaskData.Recipient> toSend) {
        if (suppressions.isEmpty()) return Map.of();
        try {
            Map<String, DeliveryOutcome.Suppressed> out = new HashMap<>();
            for (Suppression s : suppressions.get().check(toSend.stream().map(TaskData.Recipient::target).toList(),
                    clock.instant()).values()) {
                out.put(s.address(), s.outcome());
            }
            return out;
        } catch (RuntimeException e) {
            LOG.warn("suppression list: check failed, retrying as if nobody were suppressed: {}", e.toString());
            return Map.of();
        }
    }

    /** The lessons of one round. */
    Lessons lessons(TaskData data) {
        return new Lessons(data);
    }

    /** What one round learnt, applied once its results are committed. */
    final class Lessons {
        private final TaskData data;
        private final List<Runnable> later = new ArrayList<>();
        private Optional<ForwardPolicy> forward = Optional.empty();

        private Lessons(TaskData data) {
            this.data = data;
        }

        /** The forward policy of the mailer the round sends through. */
        void forwardPolicy(ForwardPolicy policy) {
            this.forward = Optional.of(policy);
        }

        /** An outcome at a target: evidence for the list, and a forward path for the book. */
        void learnt(String target, DeliveryOutcome outcome, Instant at) {
            Evidence evidence = new Evidence.Outcome(Optional.of(data.sendId()), data.message().messageId(), outcome,
                    at);
            suppressions.ifPresent(list -> later.add(() -> list.record(target, evidence, clock.instant())));
            if (book.isPresent() && (outcome instanceof DeliveryOutcome.NotLocalNoRelay
                    || outcome instanceof DeliveryOutcome.WillForward)) {
                outcome.forwardPath().ifPresent(path -> later.add(() -> book.get().learn(new MovedAddress(target, path,
                        evidence))));
            }
        }

        /** The forward path of a 551 the mailer's forward policy follows, if any. */
        Optional<String> forwardFollowed(TaskData.Recipient r, DeliveryOutcome outcome, TaskData round) {
            if (!(outcome instanceof DeliveryOutcome.NotLocalNoRelay) || forward.isEmpty()) return Optional.empty();
            Optional<String> path = outcome.forwardPath();
            if (path.isEmpty()) return Optional.empty();
            List<String> chain = Stream.of(r.address(), r.target()).map(RetryRound::key).distinct().toList();
            List<String> envelope = Stream.concat(round.recipients().stream().flatMap(p -> Stream.of(p.address(),
                    p.target())), round.message().sender().stream()).distinct().toList();
            ForwardDecision decision = forward.get().decide(r.target(), path.get(), chain.size(), chain, envelope);
            if (decision instanceof ForwardDecision.Follow) return path;
            if (forward.get().isEnabled()) {
                LOG.debug("retry of send {}: forward path not followed: {}", round.sendId(),
                        ((ForwardDecision.Refuse) decision).reason());
            }
            return Optional.empty();
        }

        /** Feeds the stores, after the commit. */
        void apply() {
            for (Runnable step : later) {
                try {
                    step.run();
                } catch (IllegalArgumentException e) {
                    LOG.debug("retry of send {}: not learnt: {}", data.sendId(), e.getMessage());
                } catch (RuntimeException e) {
                    LOG.warn("retry of send {}: the suppression list or address book failed: {}", data.sendId(),
                            e.toString());
                }
            }
        }
    }
}
