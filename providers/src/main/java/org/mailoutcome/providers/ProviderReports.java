package org.mailoutcome.providers;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.mailoutcome.tracking.Provider;
import org.mailoutcome.tracking.ProviderReport.Effect;
import org.mailoutcome.tracking.ProviderReport;

/**
 * Turns verified events into {@link ProviderReport}s, the neutral value the bounce tracker applies to the tracked
 * sends ({@code DeliveryTracker.ingest(ProviderReport)}):
 *
 * <pre>{@code
 * ParseResult result = events.parse(Provider.SES, body, headers);
 * if (result instanceof ParseResult.Accepted accepted) {
 *     for (ProviderReport report : ProviderReports.of(accepted)) tracker.ingest(report);
 * }
 * }</pre>
 *
 * <table>
 * <caption>Events and their effect</caption>
 * <tr><th>event</th><th>effect</th></tr>
 * <tr><td>{@code Bounced}</td><td>{@code Bounced}, with the classified reply</td></tr>
 * <tr><td>{@code Delayed}</td><td>{@code Delayed}</td></tr>
 * <tr><td>{@code Delivered}</td><td>{@code Delivered}</td></tr>
 * <tr><td>{@code Complained}</td><td>{@code Complained}, feedback type {@code abuse} when not given</td></tr>
 * <tr><td>{@code Suppressed}</td><td>{@code Suppressed}, with the provider's reason (else its kind)</td></tr>
 * <tr><td>{@code Queued}, {@code Failed}, {@code AutoReplied}, {@code Opened}, {@code Clicked},
 *     {@code Unsubscribed}, {@code Subscribed}</td><td>{@code Noted}</td></tr>
 * <tr><td>{@code Unknown}</td><td>{@code Unknown}</td></tr>
 * <tr><td>{@code SubscriptionConfirmation}</td><td>none: it is about the SNS subscription, not a send</td></tr>
 * </table>
 *
 * <p>The report's identity is the provider's name and the SHA-256 of the event's raw JSON (for Mailgun, of its
 * {@code event-data}: the signature around it changes when Mailgun signs a retry anew), so an event the provider
 * delivers again is applied once; the send is found by the tracking id of the provider's metadata, then
 * the provider's message id, then the Message-ID.
 */
public final class ProviderReports {
    private ProviderReports() {
    }

    /**
     * The reports of an accepted request's events, in order (SNS subscription confirmations left out).
     *
     * @param accepted what {@link ProviderEvents#parse} accepted
     * @return the reports
     */
    public static List<ProviderReport> of(ParseResult.Accepted accepted) {
        return accepted.events().stream().map(ProviderReports::of).flatMap(Optional::stream).toList();
    }

    /**
     * The report of one event.
     *
     * @param event the event
     * @return the report; empty for an SNS {@link ProviderEvent.SubscriptionConfirmation}
     */
    public static Optional<ProviderReport> of(ProviderEvent event) {
        if (event instanceof ProviderEvent.SubscriptionConfirmation) return Optional.empty();
        EventInfo info = event.info();
        Optional<String> recipient = event instanceof ProviderEvent.RecipientEvent r ? Optional.of(r.recipient())
                : ((ProviderEvent.Unknown) event).recipient();
        return Optional.of(new ProviderReport(info.provider(), eventId(info), info.kind(), recipient,
                info.provider().trackingId(info.correlation().metadata()), info.providerMessageId(),
                info.correlation().messageId(), info.timestamp(), effect(event)));
    }

    private static Effect effect(ProviderEvent event) {
        if (event instanceof ProviderEvent.Bounced b) return new Effect.Bounced(b.outcome());
        if (event instanceof ProviderEvent.Delayed d) return new Effect.Delayed(d.outcome());
        if (event instanceof ProviderEvent.Delivered) return new Effect.Delivered();
        if (event instanceof ProviderEvent.Complained c) return new Effect.Complained(c.feedbackType().orElse("abuse"));
        if (event instanceof ProviderEvent.Suppressed s) return new Effect.Suppressed(s.reason().orElse(s.info().kind()));
        if (event instanceof ProviderEvent.Unknown u) return new Effect.Unknown(u.why());
        return new Effect.Noted();
    }

    /** The digest of the event: for Mailgun of its {@code event-data} alone, which a re-signed retry keeps. */
    private static String eventId(EventInfo info) {
        String event = info.raw();
        if (info.provider() == Provider.MAILGUN) {
            try {
                JsonElement data = JsonParser.parseString(event).getAsJsonObject().get("event-data");
                if (data != null) event = data.toString();
            } catch (RuntimeException e) {
                // not an object: the whole event is its identity
            }
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(event.getBytes(StandardCharsets.UTF_8));
            return info.provider().id() + ":" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
