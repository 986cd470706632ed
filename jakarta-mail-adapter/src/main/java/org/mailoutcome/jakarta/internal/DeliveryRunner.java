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
import org.mailoutcome.ForwardPolicy;
import org.mailoutcome.RetryPolicy;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeHandler;
import org.mailoutcome.jakarta.RecipientOutcome;
import org.mailoutcome.jakarta.SendOptions;
import org.mailoutcome.jakarta.Sleeper;
import org.mailoutcome.jakarta.retry.RetryHandOff;
import org.mailoutcome.tracking.AddressBook;
import org.mailoutcome.tracking.SuppressionList;
import org.mailoutcome.tracking.Tracking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a send: screens the envelope (address book, suppression list), runs a {@link DeliveryRun} to its end
 * (waiting on the calling thread, or on a scheduler, or handing the retries off), then records the send, feeds
 * what it learnt back to the stores and calls the handler.
 */
public final class DeliveryRunner {
    private static final Logger LOG = LoggerFactory.getLogger("org.mailoutcome.jakarta.OutcomeMailer");

    /** What a runner works with, from the builder. */
    public record Settings(RetryPolicy retryPolicy, ForwardPolicy forwardPolicy, Sleeper sleeper,
            ScheduledExecutorService scheduler, Optional<Tracking> tracking, Optional<RetryHandOff> handOff,
            Optional<SuppressionList> suppressions, Optional<AddressBook> addressBook) {
    }

    private final TransactionRouter router;
    private final Settings settings;
    private final Optional<SendTracking> tracking;
    private final Optional<HandOffs> handOffs;
    private final Screening screening;
    private final Learning learning;
    private final Clock clock;

    /** Sends over the router with the given settings. */
    public DeliveryRunner(TransactionRouter router, Settings settings) {
        this.router = router;
        this.settings = settings;
        this.tracking = settings.tracking().map(t -> new SendTracking(t, router.session()));
        this.clock = settings.tracking().map(Tracking::clock).orElse(Clock.systemUTC());
        this.handOffs = settings.handOff().map(h -> new HandOffs(h, settings.retryPolicy(), router.session(),
                Clock.systemUTC()));
        this.screening = new Screening(settings.suppressions(), settings.addressBook(), settings.forwardPolicy(),
                clock);
        this.learning = new Learning(settings.suppressions(), settings.addressBook(), clock);
    }

    /** The forward policy of the mailer, for a durable retry that meets a 551. */
    public ForwardPolicy forwardPolicy() {
        return settings.forwardPolicy();
    }

    /** Sends, waiting between retries on this thread; an interrupt stops the retries. */
    public DeliveryReport sync(MimeMessage mime, List<InternetAddress> envelope, OutcomeHandler handler,
            SendOptions options) {
        Send send = begin(mime, envelope, options);
        if (send.run.isEmpty()) return finish(send, Optional.empty(), handler);
        DeliveryRun run = send.run.get();
        DeliveryRun.Step step = run.next();
        if (step instanceof DeliveryRun.Step.Wait wait && handOffs.isPresent()) {
            return handOff(send, run, wait, handler);
        }
        while (step instanceof DeliveryRun.Step.Wait wait) {
            try {
                settings.sleeper().sleep(wait.delay());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return finish(send, Optional.of(run.report()), handler);
            }
            step = run.resume();
        }
        return finish(send, Optional.of(((DeliveryRun.Step.Done) step).report()), handler);
    }

    /** Sends on the scheduler; retries are scheduled, no thread sleeps. */
    public CompletableFuture<DeliveryReport> async(MimeMessage mime, List<InternetAddress> envelope,
            OutcomeHandler handler, SendOptions options) {
        CompletableFuture<DeliveryReport> result = new CompletableFuture<>();
        settings.scheduler().execute(() -> {
            try {
                Send send = begin(mime, envelope, options);
                if (send.run.isEmpty()) {
                    result.complete(finish(send, Optional.empty(), handler));
                    return;
                }
                DeliveryRun run = send.run.get();
                DeliveryRun.Step first = run.next();
                if (first instanceof DeliveryRun.Step.Wait wait && handOffs.isPresent()) {
                    result.complete(handOff(send, run, wait, handler));
                } else {
                    advance(run, () -> first, result, report -> finish(send, Optional.of(report), handler));
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
                settings.scheduler().schedule(() -> advance(run, run::resume, result, finish), wait.delay().toMillis(),
                        TimeUnit.MILLISECONDS);
            } else {
                result.complete(finish.apply(((DeliveryRun.Step.Done) next).report()));
            }
        } catch (RuntimeException | Error e) {
            result.completeExceptionally(e);
        }
    }

    /** One send under way: its message, tracking keys, screening plan and run (none when all are suppressed). */
    private record Send(MimeMessage mime, Optional<SendTracking.Send> tracked, Screening.Plan plan,
            Optional<DeliveryRun> run) {
    }

    private Send begin(MimeMessage message, List<InternetAddress> envelope, SendOptions options) {
        Optional<SendTracking.Send> tracked = tracking.map(SendTracking::begin);
        MimeMessage mime = tracked.map(t -> tracking.orElseThrow().mark(t, message)).orElse(message);
        Optional<String> sender = envelopeSender(mime, tracked);
        Screening.Plan plan = screening.plan(envelope, sender, options.bypassesSuppressions());
        if (plan.nothingToSend()) return new Send(mime, tracked, plan, Optional.empty());
        Optional<MailParameters> parameters = tracked.map(SendTracking.Send::parameters);
        DeliveryRun run = new DeliveryRun(router.transactionsFor(mime, messageId(mime), parameters),
                settings.retryPolicy(), settings.forwardPolicy(), plan.envelope(), plan.targets(), sender);
        return new Send(mime, tracked, plan, Optional.of(run));
    }

    /**
     * Records the send first (so a retry round that comes soon finds it), then hands the retries off, then
     * feeds the stores and calls the handler.
     */
    private DeliveryReport handOff(Send send, DeliveryRun run, DeliveryRun.Step.Wait wait, OutcomeHandler handler) {
        DeliveryReport before = send.plan.merge(Optional.of(run.report()), messageId(send.mime));
        send.tracked.ifPresent(t -> tracking.orElseThrow().record(t, send.mime, before));
        DeliveryReport handedOff = handOffs.orElseThrow().handOff(run, wait.delay(), send.mime,
                envelopeSender(send.mime, send.tracked), send.tracked.map(SendTracking.Send::id));
        return complete(send, send.plan.merge(Optional.of(handedOff), messageId(send.mime)), handler);
    }

    private DeliveryReport finish(Send send, Optional<DeliveryReport> sent, OutcomeHandler handler) {
        DeliveryReport report = send.plan.merge(sent, messageId(send.mime));
        send.tracked.ifPresent(t -> tracking.orElseThrow().record(t, send.mime, report));
        return complete(send, report, handler);
    }

    private DeliveryReport complete(Send send, DeliveryReport report, OutcomeHandler handler) {
        learning.learn(report, send.tracked.map(SendTracking.Send::id),
                send.tracked.map(SendTracking.Send::sentAt).orElseGet(clock::instant));
        if (LOG.isDebugEnabled()) {
            for (RecipientOutcome r : report.recipients()) {
                LOG.debug("{}: {}", r.address().getAddress(), DeliveryReport.describe(r.outcome()));
            }
        }
        HandlerDispatch.dispatch(handler, report);
        return report;
    }

    private Optional<String> envelopeSender(MimeMessage mime, Optional<SendTracking.Send> tracked) {
        return tracked.flatMap(SendTracking.Send::verpSender).or(() -> sender(mime));
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
