package org.mailoutcome.jakarta.internal;

import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.RecipientOutcome;
import org.mailoutcome.tracking.AddressBook;
import org.mailoutcome.tracking.Evidence;
import org.mailoutcome.tracking.MovedAddress;
import org.mailoutcome.tracking.SuppressionList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a send: what its outcomes teach the suppression list (each address's last outcome, judged by the list's
 * policy: most are ignored without touching the store) and the address book (each forward path a 251 or 551
 * named). A store that fails is logged; the report is the caller's either way.
 */
public final class Learning {
    private static final Logger LOG = LoggerFactory.getLogger("org.mailoutcome.jakarta.OutcomeMailer");

    private final Optional<SuppressionList> suppressions;
    private final Optional<AddressBook> book;
    private final Clock clock;

    /** Feeds these stores (either may be absent). */
    public Learning(Optional<SuppressionList> suppressions, Optional<AddressBook> book, Clock clock) {
        this.suppressions = suppressions;
        this.book = book;
        this.clock = clock;
    }

    /** Feeds what a finished send learnt; {@code sendId} is the tracked send's, {@code at} its time. */
    public void learn(DeliveryReport report, Optional<String> sendId, Instant at) {
        if (suppressions.isEmpty() && book.isEmpty()) return;
        Instant now = clock.instant();
        for (RecipientOutcome r : report.recipients()) {
            if (r.outcome() instanceof DeliveryOutcome.Suppressed) continue;
            Map<String, RecipientOutcome.Attempt> last = new LinkedHashMap<>();
            for (RecipientOutcome.Attempt a : r.attempts()) {
                last.put(a.address().getAddress().toLowerCase(Locale.ROOT), a);
                Evidence evidence = new Evidence.Outcome(sendId, report.messageId(), a.outcome(), at);
                a.outcome().forwardPath().ifPresent(path -> learnMove(a.address(), path, evidence));
            }
            suppressions.ifPresent(list -> last.values().forEach(a -> record(list, a.address(),
                    new Evidence.Outcome(sendId, report.messageId(), a.outcome(), at), now)));
        }
    }

    private void learnMove(InternetAddress from, String path, Evidence evidence) {
        if (book.isEmpty()) return;
        try {
            if (book.get().learn(new MovedAddress(from.getAddress(), path, evidence))) {
                LOG.debug("address book: {} moved to {}", from.getAddress(), path);
            }
        } catch (IllegalArgumentException e) {
            LOG.debug("address book: {} -> {} not kept: {}", from.getAddress(), path, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("address book: a forward path was not kept: {}", e.toString());
        }
    }

    private static void record(SuppressionList list, InternetAddress address, Evidence evidence, Instant now) {
        try {
            list.record(address.getAddress(), evidence, now);
        } catch (IllegalArgumentException e) {
            LOG.debug("suppression list: {} not judged: {}", address.getAddress(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("suppression list: an outcome was not recorded: {}", e.toString());
        }
    }
}
