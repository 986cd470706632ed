package org.mailoutcome.interop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.mailoutcome.bounce.ParsedMail;
import org.mailoutcome.bounce.tracking.FateListener;
import org.mailoutcome.tracking.Fate;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.TrackedRecipient;

/** Every fate change the bounce mailbox reports, and waiting for one with a deadline (no sleeping). */
final class FateEvents implements FateListener {
    /** One fate change. */
    record Event(String sendId, String recipient, Fate fate) {
    }

    private final List<Event> events = new ArrayList<>();
    private final List<String> unmatched = new ArrayList<>();

    @Override
    public synchronized void onFateChanged(SentMessage send, TrackedRecipient recipient, Fate previous) {
        events.add(new Event(send.id(), recipient.address(), recipient.fate()));
        notifyAll();
    }

    @Override
    public synchronized void onUnmatched(ParsedMail notice, String why) {
        unmatched.add(why);
        notifyAll();
    }

    /** The unmatched notices so far. */
    synchronized List<String> unmatched() {
        return List.copyOf(unmatched);
    }

    /** Waits for the first event of this send and recipient whose fate is of this type. */
    synchronized <F extends Fate> F await(String sendId, String recipient, Class<F> type, Duration timeout)
            throws InterruptedException {
        Predicate<Event> wanted = e -> e.sendId().equals(sendId) && e.recipient().equalsIgnoreCase(recipient)
                && type.isInstance(e.fate());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Event e : events) if (wanted.test(e)) return type.cast(e.fate());
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + type.getSimpleName() + " for " + recipient + " of send " + sendId
                        + " within " + timeout + "; events: " + events + "; unmatched: " + unmatched);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
