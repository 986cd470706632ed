package org.mailoutcome.jakarta.internal;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.mailoutcome.DeliveryOutcome.Suppressed;
import org.mailoutcome.ForwardDecision;
import org.mailoutcome.ForwardPolicy;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.RecipientOutcome;
import org.mailoutcome.tracking.AddressBook;
import org.mailoutcome.tracking.Addresses;
import org.mailoutcome.tracking.MovedAddress;
import org.mailoutcome.tracking.Suppression;
import org.mailoutcome.tracking.SuppressionList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before a send: the address book's forward paths (one read for the envelope), followed when the mailer's
 * {@link ForwardPolicy} allows them, then the suppression list (one read for the addresses the message would go
 * to). A store that fails is logged and the send goes on as if it were not there.
 */
public final class Screening {
    private static final Logger LOG = LoggerFactory.getLogger("org.mailoutcome.jakarta.OutcomeMailer");

    private final Optional<SuppressionList> suppressions;
    private final Optional<AddressBook> book;
    private final ForwardPolicy forward;
    private final Clock clock;

    /** Screens with these stores (either may be absent) and the mailer's forward policy. */
    public Screening(Optional<SuppressionList> suppressions, Optional<AddressBook> book, ForwardPolicy forward,
            Clock clock) {
        this.suppressions = suppressions;
        this.book = book;
        this.forward = forward;
        this.clock = clock;
    }

    /** One envelope recipient: where the message goes, what the book knew, and its suppression if any. */
    public record Row(InternetAddress address, InternetAddress target, Optional<MovedAddress> known,
            Optional<Suppressed> suppressed) {
    }

    /** The rows of a send, in envelope order. */
    public record Plan(List<Row> rows) {
        /** The envelope addresses to send to (not suppressed). */
        public List<InternetAddress> envelope() {
            return sent().map(Row::address).toList();
        }

        /** Where each of them goes: the address itself, or the forward path the book gave. */
        public List<InternetAddress> targets() {
            return sent().map(Row::target).toList();
        }

        /** Whether every recipient is suppressed: nothing to send, no connection. */
        public boolean nothingToSend() {
            return sent().findAny().isEmpty();
        }

        /** The report of the whole envelope: the suppressed rows, and those of the report of what was sent. */
        public DeliveryReport merge(Optional<DeliveryReport> sent, Optional<String> messageId) {
            List<RecipientOutcome> all = new ArrayList<>();
            int next = 0;
            for (Row row : rows) {
                if (row.suppressed().isPresent()) {
                    all.add(new RecipientOutcome(row.address(), List.of(new RecipientOutcome.Attempt(row.target(),
                            row.suppressed().get())), row.known()));
                } else {
                    RecipientOutcome r = sent.orElseThrow().recipients().get(next++);
                    all.add(new RecipientOutcome(r.address(), r.attempts(), row.known()));
                }
            }
            if (sent.isEmpty()) return new DeliveryReport(all, Optional.empty(), Optional.empty(), messageId);
            DeliveryReport s = sent.get();
            return new DeliveryReport(all, s.messageOutcome(), s.queueId(), s.messageId(), s.scheduledRetry());
        }

        private Stream<Row> sent() {
            return rows.stream().filter(r -> r.suppressed().isEmpty());
        }
    }

    /** Whether there is anything to ask before a send. */
    public boolean isActive() {
        return suppressions.isPresent() || book.isPresent();
    }

    /** The plan of a send; {@code bypass} leaves the suppression list out. */
    public Plan plan(List<InternetAddress> envelope, Optional<String> sender, boolean bypass) {
        Map<String, MovedAddress> known = book.isEmpty() ? Map.of() : lookup(envelope);
        List<String> envelopeAndSender = Stream.concat(envelope.stream().map(InternetAddress::getAddress),
                sender.stream()).toList();
        Set<String> targets = new HashSet<>();
        List<Row> rows = new ArrayList<>();
        for (InternetAddress address : envelope) {
            Optional<MovedAddress> moved = Optional.ofNullable(known.get(key(address)));
            InternetAddress target = moved.flatMap(m -> follow(address, m, envelopeAndSender))
                    .filter(t -> !targets.contains(key(t))).orElse(address);
            targets.add(key(target));
            rows.add(new Row(address, target, moved, Optional.empty()));
        }
        if (suppressions.isEmpty() || bypass) return new Plan(rows);
        Map<String, Suppression> suppressed = check(rows.stream().map(r -> r.target().getAddress()).toList());
        return new Plan(rows.stream().map(r -> new Row(r.address(), r.target(), r.known(),
                Optional.ofNullable(suppressed.get(key(r.target()))).map(Suppression::outcome))).toList());
    }

    private Optional<InternetAddress> follow(InternetAddress address, MovedAddress moved, List<String> envelope) {
        ForwardDecision decision = forward.decide(address.getAddress(), moved.newAddress(), 1,
                List.of(address.getAddress()), envelope);
        if (!(decision instanceof ForwardDecision.Follow)) {
            LOG.debug("{}: forward path {} known, not followed: {}", address.getAddress(), moved.newAddress(),
                    ((ForwardDecision.Refuse) decision).reason());
            return Optional.empty();
        }
        try {
            return Optional.of(new InternetAddress(moved.newAddress(), true));
        } catch (AddressException e) {
            LOG.debug("{}: forward path {} known, not an address Jakarta Mail takes", address.getAddress(),
                    moved.newAddress());
            return Optional.empty();
        }
    }

    private Map<String, MovedAddress> lookup(List<InternetAddress> envelope) {
        try {
            return book.orElseThrow().lookup(envelope.stream().map(InternetAddress::getAddress)
                    .filter(Screening::keyable).toList());
        } catch (RuntimeException e) {
            LOG.warn("address book: lookup failed, sending to the envelope as it is: {}", e.toString());
            return Map.of();
        }
    }

    private Map<String, Suppression> check(List<String> addresses) {
        try {
            return suppressions.orElseThrow().check(addresses.stream().filter(Screening::keyable).toList(),
                    clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("suppression list: check failed, sending as if nobody were suppressed: {}", e.toString());
            return Map.of();
        }
    }

    /** Whether the stores can key the address (one without a domain, such as {@code postmaster}, is only sent). */
    private static boolean keyable(String address) {
        try {
            Addresses.key(address);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String key(InternetAddress address) {
        return address.getAddress().strip().toLowerCase(Locale.ROOT);
    }
}
