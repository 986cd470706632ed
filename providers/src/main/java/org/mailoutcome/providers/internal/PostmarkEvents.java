package org.mailoutcome.providers.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.mailoutcome.providers.Correlation;
import org.mailoutcome.providers.ProviderEvent;
import org.mailoutcome.providers.ProviderEvent.Bounced.Severity;
import org.mailoutcome.tracking.Provider;

/**
 * Postmark's webhooks: one event per request, its {@code RecordType} Bounce, SpamComplaint, Delivery, Open, Click
 * or SubscriptionChange; a bounce's {@code Type} decides its record (a request without {@code RecordType} is an
 * older bounce webhook).
 */
public final class PostmarkEvents {

    private PostmarkEvents() {
    }

    /** The event of a request, {@code raw} being its JSON text. */
    public static List<ProviderEvent> of(JsonElement root, String raw) throws BadPayload {
        if (!(root instanceof JsonObject o)) throw new BadPayload("a Postmark webhook is a JSON object");
        String record = Json.string(o, "RecordType").orElse(o.has("TypeCode") ? "Bounce" : "?");
        Optional<String> time = switch (record) {
            case "Delivery" -> Json.string(o, "DeliveredAt");
            case "Open", "Click" -> Json.string(o, "ReceivedAt");
            case "SubscriptionChange" -> Json.string(o, "ChangedAt");
            default -> Json.string(o, "BouncedAt");
        };
        Map<String, String> metadata = new LinkedHashMap<>();
        Json.object(o, "Metadata").ifPresent(m -> m.entrySet().forEach(e -> {
            if (!e.getValue().isJsonNull()) metadata.put(e.getKey(), Json.text(e.getValue()));
        }));
        Base base = new Base(Provider.POSTMARK, time.flatMap(Times::of), Json.string(o, "MessageID"),
                new Correlation(Optional.empty(), metadata), raw);
        Optional<String> recipient = Json.string(o, "Recipient").or(() -> Json.string(o, "Email"));
        String kind = record.equals("Bounce") || record.equals("SpamComplaint")
                ? record + "/" + Json.string(o, "Type").orElse("?") : record;
        if (recipient.isEmpty()) return List.of(base.unknown(kind, Optional.empty(), "a Postmark event without recipient"));
        String to = recipient.get();
        return List.of(switch (record) {
            case "Bounce" -> bounce(base, kind, to, o);
            case "SpamComplaint" -> new ProviderEvent.Complained(base.info(kind), to, Optional.empty());
            case "Delivery" -> new ProviderEvent.Delivered(base.info(kind), to, Replies.quoted(Json.string(o, "Details")));
            case "Open" -> new ProviderEvent.Opened(base.info(kind), to, Json.string(o, "UserAgent"));
            case "Click" -> new ProviderEvent.Clicked(base.info(kind), to, Json.string(o, "OriginalLink"),
                    Json.string(o, "UserAgent"));
            case "SubscriptionChange" -> Json.bool(o, "SuppressSending").orElse(true)
                    ? new ProviderEvent.Unsubscribed(base.info(kind + "/" + Json.string(o, "SuppressionReason")
                            .orElse("?")), to)
                    : new ProviderEvent.Subscribed(base.info(kind), to);
            default -> base.unknown(kind, recipient, "a Postmark record of type " + record);
        });
    }

    /** The bounce {@code Type}s, after Postmark's list of bounce types. */
    private static ProviderEvent bounce(Base base, String kind, String to, JsonObject o) {
        String type = Json.string(o, "Type").orElse("?");
        Optional<String> details = Json.string(o, "Details");
        Optional<String> description = Json.string(o, "Description");
        return switch (type) {
            case "HardBounce" -> bounced(base, kind, to, Severity.HARD, details);
            case "SoftBounce", "VirusNotification", "DMARCPolicy" -> bounced(base, kind, to, Severity.SOFT, details);
            case "Transient", "DnsError" -> new ProviderEvent.Delayed(base.info(kind), to,
                    Replies.failure(details, Optional.empty(), OptionalInt.empty(), false), details);
            case "Unsubscribe" -> new ProviderEvent.Unsubscribed(base.info(kind), to);
            case "Subscribe" -> new ProviderEvent.Subscribed(base.info(kind), to);
            case "AutoResponder", "AddressChange", "ChallengeVerification" ->
                    new ProviderEvent.AutoReplied(base.info(kind), to, description);
            case "SpamNotification", "SpamComplaint" -> new ProviderEvent.Complained(base.info(kind), to,
                    Optional.empty());
            case "BadEmailAddress", "ManuallyDeactivated", "Unconfirmed", "Blocked" ->
                    new ProviderEvent.Suppressed(base.info(kind), to, description.or(() -> Optional.of(type)));
            case "SMTPApiError", "TemplateRenderingFailed" -> new ProviderEvent.Failed(base.info(kind), to,
                    details.or(() -> description));
            default -> base.unknown(kind, Optional.of(to), switch (type) {
                case "OpenRelayTest" -> "an open relay test notice, about no delivery";
                case "InboundError" -> "an inbound processing error, about no sent message";
                default -> "a Postmark bounce of type " + type;
            });
        };
    }

    private static ProviderEvent bounced(Base base, String kind, String to, Severity severity, Optional<String> details) {
        return new ProviderEvent.Bounced(base.info(kind), to, severity,
                Replies.failure(details, Optional.empty(), OptionalInt.empty(), severity == Severity.HARD), details);
    }
}
