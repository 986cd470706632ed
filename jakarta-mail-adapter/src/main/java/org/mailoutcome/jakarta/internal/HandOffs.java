package org.mailoutcome.jakarta.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.mailoutcome.RetryPolicy;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.retry.DeferredSend;
import org.mailoutcome.jakarta.retry.RetryHandOff;
import org.mailoutcome.jakarta.retry.ScheduledRetry;
import org.mailoutcome.jakarta.retry.StoredMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Gives a run's deferred recipients to the {@link RetryHandOff} instead of waiting, and reports what it said. */
public final class HandOffs {
    private static final Logger LOG = LoggerFactory.getLogger("org.mailoutcome.jakarta.OutcomeMailer");
    /** What Angus leaves out of the data (ST:165): the stored bytes are the bytes the server got. */
    private static final String[] NOT_SENT = {"Bcc", "Content-Length"};

    private final RetryHandOff handOff;
    private final RetryPolicy policy;
    private final Session session;
    private final Clock clock;

    /** Hands off with the mailer's policy, for its session's server. */
    public HandOffs(RetryHandOff handOff, RetryPolicy policy, Session session, Clock clock) {
        this.handOff = handOff;
        this.policy = policy;
        this.session = session;
        this.clock = clock;
    }

    /** The report so far, with the hand-off's answer; never throws for what the hand-off does. */
    public DeliveryReport handOff(DeliveryRun run, Duration delay, MimeMessage mime, Optional<String> sender) {
        DeliveryReport report = run.report();
        try {
            StoredMessage stored = new StoredMessage(bytes(mime), report.messageId(), sender);
            DeferredSend send = new DeferredSend(stored, run.deferred(), clock.instant().plus(delay), policy,
                    MailerSessions.target(session));
            ScheduledRetry result = handOff.handOff(send);
            if (result == null) throw new IllegalStateException("the retry hand-off returned null");
            if (result instanceof ScheduledRetry.NotScheduled no) LOG.warn("retry not scheduled: {}", no.reason());
            return report.withScheduledRetry(result);
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            LOG.warn("retry of {} deferred recipients not scheduled: {}", report.deferred().size(), e.toString());
            return report.withScheduledRetry(new ScheduledRetry.NotScheduled(e.toString()));
        }
    }

    private static byte[] bytes(MimeMessage mime) throws IOException, MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mime.writeTo(out, NOT_SENT);
        return out.toByteArray();
    }
}
