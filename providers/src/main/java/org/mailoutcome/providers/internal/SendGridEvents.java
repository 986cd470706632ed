package org.mailoutcome.providers.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.mailoutcome.providers.Correlation;
import org.mailoutcome.providers.ProviderEvent;
import org.mailoutcome.providers.ProviderEvent.Bounced.Severity;
import org.mailoutcome.tracking.Provider;

/** SendGrid's Event Webhook: a JSON array of events, your {@code unique_args} merged in as top-level keys. */
public final class SendGridEvents {
    /** SendGrid's own keys; every other top-level key is one of your unique or custom arguments. */
    static final Set<String> RESERVED = Set.of("email", "timestamp", "event", "smtp-id", "sg_event_id",
            "sg_message_id", "category", "reason", "status", "response", "attempt", "type", "url", "url_offset",
            "useragent", "ip", "tls", "cert_err", "asm_group_id", "marketing_campaign_id", "marketing_campaign_name",
            "marketing_campaign_version", "marketing_campaign_split_id", "pool", "newsletter", "post_type", "send_at",
            "sg_user_id", "bounce_classification", "sg_template_id", "sg_template_name", "sg_machine_open",
            "mc_stats", "mc_pod_id", "phase_id", "singlesend_id", "singlesend_name", "template_id", "template_name",
            "template_version_id", "nlvx_campaign_id", "nlvx_campaign_split_id", "nlvx_user_id", "anymail_id");

    private SendGridEvents() {
    }

    /** The events of a batch, read element by element. */
    public static List<ProviderEvent> of(String text) throws BadPayload {
        List<ProviderEvent> events = new ArrayList<>();
        Optional<JsonElement> notABatch = Json.stream(text, e -> events.add(e instanceof JsonObject o ? event(o)
                : Base.notAnObject(Provider.SENDGRID, e.toString())));
        if (notABatch.isPresent()) throw new BadPayload("a SendGrid batch is a JSON array");
        return events;
    }

    private static ProviderEvent event(JsonObject o) {
        Base base = new Base(Provider.SENDGRID, Times.of(o.get("timestamp")), Json.string(o, "sg_message_id"),
                correlation(o), o.toString());
        String event = Json.string(o, "event").orElse("?");
        Optional<String> type = Json.string(o, "type");
        String kind = event.equals("bounce") ? "bounce" + type.map(t -> "/" + t).orElse("") : event;
        Optional<String> recipient = Json.string(o, "email");
        if (recipient.isEmpty()) {
            return base.unknown(kind, Optional.empty(), event.equals("account_status_change")
                    ? "an account event, about no recipient" : "a SendGrid event without email");
        }
        String to = recipient.get();
        Optional<String> reason = Json.string(o, "reason");
        Optional<String> response = Json.string(o, "response");
        return switch (event) {
            case "processed" -> new ProviderEvent.Queued(base.info(kind), to);
            case "delivered" -> new ProviderEvent.Delivered(base.info(kind), to, Replies.quoted(response));
            case "deferred" -> new ProviderEvent.Delayed(base.info(kind), to,
                    Replies.failure(response.or(() -> reason), Json.string(o, "status"), OptionalInt.empty(), false),
                    response.or(() -> reason));
            case "bounce" -> {
                Severity severity = type.filter("blocked"::equals).isPresent() ? Severity.SOFT : Severity.HARD;
                yield new ProviderEvent.Bounced(base.info(kind), to, severity, Replies.failure(reason,
                        Json.string(o, "status"), OptionalInt.empty(), severity == Severity.HARD), reason);
            }
            case "dropped" -> new ProviderEvent.Suppressed(base.info(kind), to, reason);
            case "open" -> new ProviderEvent.Opened(base.info(kind), to, Json.string(o, "useragent"));
            case "click" -> new ProviderEvent.Clicked(base.info(kind), to, Json.string(o, "url"),
                    Json.string(o, "useragent"));
            case "spamreport" -> new ProviderEvent.Complained(base.info(kind), to, Optional.empty());
            case "unsubscribe", "group_unsubscribe" -> new ProviderEvent.Unsubscribed(base.info(kind), to);
            case "group_resubscribe" -> new ProviderEvent.Subscribed(base.info(kind), to);
            default -> base.unknown(kind, recipient, "a SendGrid event of kind " + event);
        };
    }

    private static Correlation correlation(JsonObject o) {
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            if (!RESERVED.contains(e.getKey()) && !e.getValue().isJsonNull()) {
                metadata.put(e.getKey(), Json.text(e.getValue()));
            }
        }
        Json.object(o, "unique_args").ifPresent(args -> {
            metadata.remove("unique_args");
            args.entrySet().forEach(e -> metadata.putIfAbsent(e.getKey(), Json.text(e.getValue())));
        });
        return new Correlation(Base.bracketed(Json.string(o, "smtp-id")), metadata);
    }
}
