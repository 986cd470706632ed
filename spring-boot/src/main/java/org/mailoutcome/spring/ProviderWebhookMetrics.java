package org.mailoutcome.spring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.mailoutcome.providers.EventCounters;
import org.mailoutcome.providers.ProviderEvents;
import org.mailoutcome.providers.Refusal;
import org.mailoutcome.tracking.Provider;

/**
 * Micrometer counters of the webhook requests, read from {@link ProviderEvents#counters()} (so nothing is counted
 * twice): {@code mail.outcome.provider.requests} tagged {@code provider} and {@code result} ({@code accepted},
 * {@code refused} with a {@code reason} per {@link Refusal}, {@code malformed}, {@code too_large}), and
 * {@code mail.outcome.provider.events} (the events of the accepted requests) tagged {@code provider}.
 */
final class ProviderWebhookMetrics {
    private ProviderWebhookMetrics() {
    }

    /** Registers the counters of these providers. */
    static void register(MeterRegistry registry, ProviderEvents events, Set<Provider> providers) {
        EventCounters c = events.counters();
        for (Provider p : providers) {
            request(registry, p, "accepted", "none", x -> x.accepted(p), c);
            request(registry, p, "malformed", "none", x -> x.malformed(p), c);
            request(registry, p, "too_large", "none", x -> x.tooLarge(p), c);
            for (Refusal r : Refusal.values()) {
                request(registry, p, "refused", r.name().toLowerCase(Locale.ROOT), x -> x.refused(p, r), c);
            }
            FunctionCounter.builder("mail.outcome.provider.events", c, x -> x.events(p))
                    .description("Events in the accepted webhook requests of an email service provider")
                    .tag("provider", p.id()).register(registry);
        }
    }

    private static void request(MeterRegistry registry, Provider provider, String result, String reason,
            ToDoubleFunction<EventCounters> count, EventCounters counters) {
        FunctionCounter.builder("mail.outcome.provider.requests", counters, count)
                .description("Webhook requests of an email service provider, by what became of them")
                .tags("provider", provider.id(), "result", result, "reason", reason).register(registry);
    }
}
