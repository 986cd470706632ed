package org.mailoutcome.jakarta.internal;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.mailoutcome.Disposition;
import org.mailoutcome.ForwardPolicy;
import org.mailoutcome.RetryPolicy;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeHandler;
import org.mailoutcome.jakarta.RecipientOutcome;
import org.mailoutcome.jakarta.Sleeper;
import org.mailoutcome.jakarta.retry.RetryHandOff;
import org.mailoutcome.tracking.Tracking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Drives a {@link DeliveryRun} to its end: waiting on the calling thread, or on a scheduler. */
public final class DeliveryRunner {
    private static final Logger LOG = LoggerFactory.getLogger("org.mailoutcome.jakarta.OutcomeMailer");

    private final TransactionRouter router;
    private final RetryPolicy retryPolicy;
    private final ForwardPolicy forwardPolicy;
    private final Sleeper sleeper;
    private final ScheduledExecutorService scheduler;
    private final Optional<SendTracking> tracking;
    private final Optional<HandOffs> handOffs;

    /**
     * Sends over the router with the given policies, recording each send when tracking is on; with a
     * hand-off, retries are handed off, not waited for.
     */
    public DeliveryRunner(TransactionRouter router, RetryPolicy retryPolicy, ForwardPolicy forwardPolicy, Sleeper sleeper,
            ScheduledExecutorService scheduler, Optional<Tracking> tracking, Optional<RetryHandOff> handOff) {
        this.tracking = tracking.map(t -> new SendTracking(t, MailerSessions.target(router.session())));
        this.router = router;
        this.retryPolicy = retryPolicy;
        this.forwardPolicy = forwardPolicy;
        this.sleeper = sleeper;
        this.scheduler = scheduler;
        this.handOffs = handOff.map(h -> new HandOffs(h, retryPolicy, router.session(), Clock.systemUTC()));
    }

    /** Sends, waiting between retries on this thread; an interrupt stops the retries. */
    public DeliveryReport sync(MimeMessage mime, List<InternetAddress> envelope, OutcomeHandler handler) {
        Optional<SendTracking.Send> tracked = tracking.map(SendTracking::begin);
        DeliveryRun run = start(mime, envelope, tracked);
        DeliveryRun.Step step = run.next();
        if (step instanceof DeliveryRun.Step.Wait wait && handOffs.isPresent()) {
            return finish(mime, tracked, handOff(run, wait, mime, tracked), handler);
        }
        while (step instanceof DeliveryRun.Step.Wait wait) {
            try {
                sleeper.sleep(wait.delay());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return finish(mime, tracked, run.report(), handler);
            }
            step = run.resume();
        }
        return finish(mime, tracked, ((DeliveryRun.Step.Done) step).report(), handler);
    }

    /** Sends on the scheduler; retries are scheduled, no thread sleeps. */
    public CompletableFuture<DeliveryReport> async(MimeMessage mime, List<InternetAddress> envelope,
            OutcomeHandler handler) {
        CompletableFuture<DeliveryReport> result = new CompletableFuture<>();
        scheduler.execute(() -> {
            try {
                Optional<SendTracking.Send> tracked = tracking.map(SendTracking::begin);
                DeliveryRun run = start(mime, envelope, tracked);
                DeliveryRun.Step first = run.next();
                if (first instanceof DeliveryRun.Step.Wait wait && handOffs.isPresent()) {
                    result.complete(finish(mime, tracked, handOff(run, wait, mime, tracked), handler));
                } else {
                    advance(run, () -> first, result, report -> finish(mime, tracked, report, handler));
                }
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private void advance(DeliveryRun run, Supplier<DeliveryRun.Step> step, CompletableFuture<DeliveryReport> result,
            UnaryOperator<DeliveryReport> finish) {
        try {
            DeliveryRun.Step next = step.get();
            if (next instanceof DeliveryRun.Step.Wait wait) {
                scheduler.schedule(() -> advance(run, run::resume, result, finish), wait.delay().toMillis(),
                        TimeUnit.MILLISECONDS);
            } else {
                result.complete(finish.apply(((DeliveryRun.Step.Done) next).report()));
            }
        } catch (RuntimeException | Error e) {
            result.completeExceptionally(e);
        }
    }

    private DeliveryReport handOff(DeliveryRun run, DeliveryRun.Step.Wait wait, MimeMessage mime,
            Optional<SendTracking.Send> tracked) {
        return handOffs.orElseThrow().handOff(run, wait.delay(), mime, envelopeSender(mime, tracked));
    }

    private Optional<String> envelopeSender(MimeMessage mime, Optional<SendTracking.Send> tracked) {
        return tracked.flatMap(SendTracking.Send::verpSender).or(() -> sender(mime));
    }

    private DeliveryRun start(MimeMessage mime, List<InternetAddress> envelope,
            Optional<SendTracking.Send> tracked) {
        Optional<MailParameters> parameters = tracked.map(SendTracking.Send::parameters);
        return new DeliveryRun(router.transactionsFor(mime, messageId(mime), parameters), retryPolicy,
                forwardPolicy, envelope, envelopeSender(mime, tracked));
    }

    private DeliveryReport finish(MimeMessage mime, Optional<SendTracking.Send> tracked, DeliveryReport report,
            OutcomeHandler handler) {
        tracked.ifPresent(send -> tracking.get().record(send, mime, report));
        for (RecipientOutcome r : report.recipients()) {
            if (r.disposition() == Disposition.SUCCESS) continue;
            String line = DeliveryReport.describe(r.outcome());
            if (r.disposition() == Disposition.PERMANENT) LOG.warn("{}: {}", r.address().getAddress(), line);
            else LOG.info("{}: {}", r.address().getAddress(), line);
        }
        HandlerDispatch.dispatch(handler, report);
        return report;
    }

    /** The envelope sender as Angus sends it: mail.smtp.from, else the first From. */
    private Optional<String> sender(MimeMessage message) {
        String from = router.session().getProperty("mail.smtp.from");
        if (from != null) return Optional.of(from);
        try {
            Address[] addresses = message.getFrom();
            return addresses != null && addresses.length > 0 && addresses[0] instanceof InternetAddress ia
                    ? Optional.of(ia.getAddress()) : Optional.empty();
        } catch (MessagingException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> messageId(MimeMessage message) {
        try {
            return Optional.ofNullable(message.getMessageID());
        } catch (MessagingException e) {
            return Optional.empty();
        }
    }
}
