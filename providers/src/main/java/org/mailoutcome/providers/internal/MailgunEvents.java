package org.mailoutcome.providers.internal;

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

/** Mailgun's JSON webhooks: one event in {@code event-data}, beside the {@code signature} object. */
public final class MailgunEvents {

    private MailgunEvents() {
    }

    /** The event of a request, {@code raw} being the request's JSON text. */
    public static List<ProviderEvent> of(JsonObject root, String raw) throws BadPayload {
        JsonObject data = Json.object(root, "event-data")
                .orElseThrow(() -> new BadPayload("a Mailgun webhook without an event-data object"));
        JsonObject headers = Json.path(data, "message", "headers").orElseGet(JsonObject::new);
        Optional<String> messageId = Base.bracketed(Json.string(headers, "message-id"));
        Map<String, String> variables = new LinkedHashMap<>();
        Json.object(data, "user-variables").ifPresent(v -> v.entrySet().forEach(e -> {
            if (!e.getValue().isJsonNull()) variables.put(e.getKey(), Json.text(e.getValue()));
        }));
        Base base = new Base(Provider.MAILGUN, Times.of(data.get("timestamp")), messageId,
                new Correlation(messageId, variables), raw);
        return List.of(event(base, data, headers));
    }

    private static ProviderEvent event(Base base, JsonObject data, JsonObject headers) {
        String event = Json.string(data, "event").orElse("?");
        Optional<String> severity = Json.string(data, "severity");
        Optional<String> reason = Json.string(data, "reason");
        String kind = event.equals("failed")
                ? event + "/" + severity.orElse("permanent") + reason.map(r -> "/" + r).orElse("") : event;
        Optional<String> recipient = Json.string(data, "recipient")
                .or(() -> Json.path(data, "envelope").flatMap(e -> Json.string(e, "targets")).flatMap(Addresses::single))
                .or(() -> Json.string(headers, "to").flatMap(Addresses::single));
        if (recipient.isEmpty()) return base.unknown(kind, Optional.empty(), "a Mailgun event without recipient");
        String to = recipient.get();
        JsonObject status = Json.object(data, "delivery-status").orElseGet(JsonObject::new);
        Optional<String> text = Json.string(status, "message").or(() -> Json.string(status, "description"));
        OptionalInt code = Json.string(status, "code").filter(Addresses::isDigits)
                .map(c -> OptionalInt.of(Integer.parseInt(c))).orElse(OptionalInt.empty());
        return switch (event) {
            case "accepted" -> new ProviderEvent.Queued(base.info(kind), to);
            case "delivered" -> new ProviderEvent.Delivered(base.info(kind), to,
                    code.isPresent() ? Replies.quoted(Optional.of(code.getAsInt() + " " + text.orElse("")))
                            : Replies.quoted(text));
            case "failed" -> failed(base, kind, to, severity, reason, text, code);
            case "rejected" -> new ProviderEvent.Suppressed(base.info(kind), to,
                    Json.object(data, "reject").flatMap(r -> Json.string(r, "reason")).or(() -> reason));
            case "opened" -> new ProviderEvent.Opened(base.info(kind), to, userAgent(data));
            case "clicked" -> new ProviderEvent.Clicked(base.info(kind), to, Json.string(data, "url"), userAgent(data));
            case "complained" -> new ProviderEvent.Complained(base.info(kind), to, Optional.empty());
            case "unsubscribed" -> new ProviderEvent.Unsubscribed(base.info(kind), to);
            default -> base.unknown(kind, recipient, "a Mailgun event of kind " + event);
        };
    }

    /**
     * Temporary: {@code Delayed}. Permanent: {@code Suppressed} for Mailgun's own suppressions
     * ({@code suppress-bounce}, {@code suppress-unsubscribe}, {@code suppress-complaint}), else {@code Bounced},
     * soft when Mailgun gave up retrying ({@code old}) or an ESP blocked it ({@code espblock}).
     */
    private static ProviderEvent failed(Base base, String kind, String to, Optional<String> severity,
            Optional<String> reason, Optional<String> text, OptionalInt code) {
        if (severity.filter("temporary"::equals).isPresent()) {
            return new ProviderEvent.Delayed(base.info(kind), to,
                    Replies.failure(text, Optional.empty(), code, false), text);
        }
        String why = reason.orElse("");
        if (why.startsWith("suppress-")) return new ProviderEvent.Suppressed(base.info(kind), to, reason);
        Severity s = why.equals("old") || why.equals("espblock") ? Severity.SOFT : Severity.HARD;
        return new ProviderEvent.Bounced(base.info(kind), to, s, Replies.failure(text, Optional.empty(), code,
                s == Severity.HARD), text);
    }

    private static Optional<String> userAgent(JsonObject data) {
        return Json.object(data, "client-info").flatMap(c -> Json.string(c, "user-agent"));
    }
}
