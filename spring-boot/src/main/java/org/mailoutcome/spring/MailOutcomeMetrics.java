package org.mailoutcome.spring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.jakarta.PoolStats;
import org.springframework.context.event.EventListener;

/**
 * Micrometer meters for the sends of the {@link OutcomeJavaMailSender}, fed by its events. Tag values come from
 * closed sets (record names, dispositions, reasons, stages): never an address or a reply text.
 *
 * <ul>
 * <li>{@code mail.outcome} (counter), per recipient: {@code record} ({@code AcceptedUnverified},
 *     {@code NotLocalNoRelay}, ...), {@code disposition}, {@code reason}, {@code stage} of the final outcome.</li>
 * <li>{@code mail.outcome.suppressed} (counter), per recipient left out because its address is on the suppression
 *     list: {@code kind} ({@code hard_bounce}, {@code soft_bounces}, {@code complaint}, {@code manual}) and
 *     {@code reason} of the entry.</li>
 * <li>{@code mail.outcome.send} (timer), per message: {@code server.address}, {@code server.port} (the tag
 *     names of Micrometer's {@code mail.send} observation, which times each transport call beside it) and
 *     {@code result}: {@code accepted}, {@code partial} or {@code refused}.</li>
 * <li>{@code mail.outcome.pool.connections} (gauges), {@code state} {@code leased}, {@code idle} or {@code max},
 *     with the server tags.</li>
 * </ul>
 */
public class MailOutcomeMetrics {
    private final MeterRegistry registry;

    /**
     * Registers the pool gauges.
     *
     * @param registry where the meters go
     * @param mailer the mailer whose pool is read
     * @param serverAddress the configured server host
     * @param serverPort the configured server port
     */
    public MailOutcomeMetrics(MeterRegistry registry, OutcomeMailer mailer, String serverAddress, int serverPort) {
        this.registry = registry;
        Tags server = server(serverAddress, serverPort);
        gauge(mailer, "leased", server, PoolStats::leased);
        gauge(mailer, "idle", server, PoolStats::idle);
        gauge(mailer, "max", server, PoolStats::maxConnections);
    }

    private void gauge(OutcomeMailer mailer, String state, Tags server,
            java.util.function.ToIntFunction<PoolStats> figure) {
        Gauge.builder("mail.outcome.pool.connections", mailer, m -> figure.applyAsInt(m.pool().stats()))
                .description("Connections of the mail-outcome pool").tags(server).tag("state", state)
                .register(registry);
    }

    /**
     * Counts one recipient's final outcome.
     *
     * @param event the event
     */
    @EventListener
    public void onRecipient(RecipientOutcomeEvent event) {
        DeliveryOutcome outcome = event.recipient().outcome();
        Counter.builder("mail.outcome").description("Final outcomes of mail recipients")
                .tag("record", outcome.name())
                .tag("disposition", outcome.disposition().name().toLowerCase(Locale.ROOT))
                .tag("reason", outcome.reason().name().toLowerCase(Locale.ROOT))
                .tag("stage", outcome.stage().name().toLowerCase(Locale.ROOT))
                .register(registry).increment();
        if (outcome instanceof DeliveryOutcome.Suppressed suppressed) {
            Counter.builder("mail.outcome.suppressed").description("Recipients left out by the suppression list")
                    .tag("kind", suppressed.kind().name().toLowerCase(Locale.ROOT))
                    .tag("reason", suppressed.reason().name().toLowerCase(Locale.ROOT))
                    .register(registry).increment();
        }
    }

    /**
     * Times one message.
     *
     * @param event the event
     */
    @EventListener
    public void onSent(MailSentEvent event) {
        Timer.builder("mail.outcome.send").description("Sends of one message, retries and forwards included")
                .tags(server(event.serverAddress(), event.serverPort())).tag("result", result(event.report()))
                .register(registry).record(event.elapsed());
    }

    private static String result(DeliveryReport report) {
        if (report.isFullyAccepted()) return "accepted";
        return report.accepted().isEmpty() ? "refused" : "partial";
    }

    private static Tags server(String address, int port) {
        return Tags.of("server.address", address, "server.port", Integer.toString(port));
    }
}
