package org.mailoutcome.spring;

import org.mailoutcome.bounce.tracking.BounceMailbox;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the bounce mailbox once the context has refreshed (so every {@code @EventListener} is registered before
 * the first pass ingests what is waiting in the folder) and closes it when the context stops.
 */
final class BounceMailboxLifecycle implements SmartLifecycle {
    private final BounceMailbox mailbox;
    private volatile boolean running;

    BounceMailboxLifecycle(BounceMailbox mailbox) {
        this.mailbox = mailbox;
    }

    @Override
    public synchronized void start() {
        if (running) return;
        mailbox.start();
        running = true;
    }

    @Override
    public synchronized void stop() {
        if (!running) return;
        mailbox.close();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
