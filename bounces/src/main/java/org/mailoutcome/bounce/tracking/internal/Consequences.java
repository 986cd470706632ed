package org.mailoutcome.bounce.tracking.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mailoutcome.bounce.Action;
import org.mailoutcome.bounce.BouncedRecipient;
import org.mailoutcome.bounce.Complaint;
import org.mailoutcome.tracking.AddressBook;
import org.mailoutcome.tracking.Evidence;
import org.mailoutcome.tracking.MovedAddress;
import org.mailoutcome.tracking.ProviderReport;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.SuppressionChange;
import org.mailoutcome.tracking.SuppressionList;
import org.mailoutcome.tracking.TrackedRecipient;

/**
 * What a matched notice teaches the suppression list and the address book. Recorded for every notice matched to a
 * recipient, also one seen before (both stores are idempotent, so a notice read again after a crash, or by a
 * second instance, counts once and still lands if the first attempt failed in between). A complaint suppresses
 * only recipients of the send it was matched to: a forged report about an address never sent to changes nothing.
 * Store failures are let through, so the notice is read again.
 */
public final class Consequences {
    private final Optional<SuppressionList> suppressions;
    private final Optional<AddressBook> book;
    private final Clock clock;

    /** What a recipient's notice did: the suppression change, and whether it taught a new forward path. */
    public record Result(Optional<SuppressionChange> suppression, boolean moveLearnt) {
    }

    /** Feeds these stores (either may be absent). */
    public Consequences(Optional<SuppressionList> suppressions, Optional<AddressBook> book, Clock clock) {
        this.suppressions = suppressions;
        this.book = book;
        this.clock = clock;
    }

    /** Whether there is an address book: then a move is reported only when it is news. */
    public boolean hasAddressBook() {
        return book.isPresent();
    }

    /** The consequences of one recipient's entry in a notice matched to its send. */
    public Result of(SentMessage send, TrackedRecipient recipient, BouncedRecipient entry, String noticeId,
            Instant at) {
        Optional<Evidence> evidence = switch (entry.action()) {
            case FAILED -> Optional.of(new Evidence.Bounce(send.id(), noticeId, entry.outcome(), at));
            case DELIVERED, RELAYED, EXPANDED -> Optional.of(new Evidence.Delivery(send.id(), noticeId, at));
            case DELAYED -> Optional.empty();
        };
        return of(recipient, evidence, entry.action() == Action.FAILED ? entry.forwardPath() : Optional.empty());
    }

    /** The consequences of a provider's report matched to a recipient of its send. */
    public Result of(SentMessage send, TrackedRecipient recipient, ProviderReport report, Instant at) {
        Optional<String> sendId = Optional.of(send.id());
        ProviderReport.Effect effect = report.effect();
        Optional<Evidence> evidence = Optional.empty();
        Optional<String> forwardPath = Optional.empty();
        if (effect instanceof ProviderReport.Effect.Bounced b) {
            evidence = Optional.of(new Evidence.Bounce(send.id(), report.eventId(), b.outcome(), at));
            forwardPath = b.outcome().forwardPath();
        } else if (effect instanceof ProviderReport.Effect.Delivered) {
            evidence = Optional.of(new Evidence.Delivery(send.id(), report.eventId(), at));
        } else if (effect instanceof ProviderReport.Effect.Complained c) {
            evidence = Optional.of(new Evidence.Complaint(sendId, report.eventId(), c.feedbackType(), at));
        } else if (effect instanceof ProviderReport.Effect.Suppressed s) {
            evidence = Optional.of(new Evidence.Reported(report.provider(), sendId, report.eventId(),
                    report.kind() + ": " + s.reason(), at));
        }
        return of(recipient, evidence, forwardPath);
    }

    private Result of(TrackedRecipient recipient, Optional<Evidence> evidence, Optional<String> forwardPath) {
        if (evidence.isEmpty()) return new Result(Optional.empty(), false);
        String address = recipient.finalAddress();
        Optional<SuppressionChange> change = suppressions.map(l -> l.record(address, evidence.get(), clock.instant()));
        boolean learnt = false;
        if (forwardPath.isPresent() && book.isPresent()) {
            learnt = book.get().learn(new MovedAddress(address, forwardPath.get(), evidence.get()));
        }
        return new Result(change, learnt);
    }

    /** The suppressions a complaint matched to a send makes: the send's recipients the report names. */
    public List<SuppressionChange> of(Complaint complaint, Optional<SentMessage> send, String noticeId, Instant at) {
        if (suppressions.isEmpty() || send.isEmpty()) return List.of();
        List<SuppressionChange> changes = new ArrayList<>();
        Evidence evidence = new Evidence.Complaint(Optional.of(send.get().id()), noticeId, complaint.feedbackType(), at);
        for (String address : complained(complaint, send.get())) {
            changes.add(suppressions.get().record(address, evidence, clock.instant()));
        }
        return changes;
    }

    /** The recipients of the send the report names; the only one, when it names none. */
    private static List<String> complained(Complaint complaint, SentMessage send) {
        List<String> named = new ArrayList<>();
        for (String value : complaint.recipients()) {
            for (String address : Correlator.addresses(value)) {
                send.recipient(address).map(TrackedRecipient::finalAddress)
                        .filter(a -> !named.contains(a.toLowerCase(Locale.ROOT)))
                        .ifPresent(a -> named.add(a.toLowerCase(Locale.ROOT)));
            }
        }
        if (named.isEmpty() && complaint.recipients().isEmpty() && send.recipients().size() == 1) {
            named.add(send.recipients().get(0).finalAddress().toLowerCase(Locale.ROOT));
        }
        return named;
    }
}
