package org.mailoutcome.spring;

import java.util.function.Supplier;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.jdbc.JdbcRetries;
import org.mailoutcome.jdbc.RetryWorker;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the durable retries' worker once the context has refreshed and stops it, waiting for the rounds it runs,
 * when the context stops: before the mailer it sends through is closed. Every send is retried through the one
 * mailer, whatever server it was first made to.
 */
final class RetryWorkerLifecycle implements SmartLifecycle {
    private final JdbcRetries retries;
    private final Supplier<OutcomeMailer> mailer;
    private RetryWorker worker;

    RetryWorkerLifecycle(JdbcRetries retries, Supplier<OutcomeMailer> mailer) {
        this.retries = retries;
        this.mailer = mailer;
    }

    @Override
    public synchronized void start() {
        if (worker != null) return;
        OutcomeMailer sender = mailer.get();
        worker = retries.startWorker(server -> sender);
    }

    @Override
    public synchronized void stop() {
        if (worker == null) return;
        worker.close();
        worker = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return worker != null;
    }
}
