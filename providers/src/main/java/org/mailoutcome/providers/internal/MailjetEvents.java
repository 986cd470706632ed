package org.mailoutcome.providers.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.mailoutcome.providers.Correlation;
import org.mailoutcome.providers.ProviderEvent;
import org.mailoutcome.providers.ProviderEvent.Bounced.Severity;
import org.mailoutcome.tracking.Provider;

/** Mailjet's event callbacks: one event object, or an array of them when events are grouped. */
public final class MailjetEvents {

    private MailjetEvents() {
    }

    /** The events of a request: one object, or an array read element by element. */
    public static List<ProviderEvent> of(String text) throws BadPayload {
        List<ProviderEvent> events = new ArrayList<>();
        Optional<JsonElement> single = Json.stream(text, e -> events.add(e instanceof JsonObject o
                ? event(o, o.toString()) : Base.notAnObject(Provider.MAILJET, e.toString())));
        if (single.isEmpty()) return events;
        if (!(single.get() instanceof JsonObject o)) throw new BadPayload("a Mailjet callback is a JSON object or array");
        return List.of(event(o, text));
    }

    private static ProviderEvent event(JsonObject o, String raw) {
        Map<String, String> metadata = new LinkedHashMap<>();
        Json.string(o, "CustomID").ifPresent(v -> metadata.put("CustomID", v));
        Json.string(o, "Payload").ifPresent(v -> metadata.put("Payload", v));
        Base base = new Base(Provider.MAILJET, Times.of(o.get("time")),
                Json.string(o, "MessageID").or(() -> Json.string(o, "Message_GUID")),
                new Correlation(Optional.empty(), metadata), raw);
        String event = Json.string(o, "event").orElse("?");
        Optional<String> error = Json.string(o, "error");
        String kind = event + (event.equals("bounce") || event.equals("blocked") ? error.map(e -> "/" + e).orElse("")
                : "");
        Optional<String> recipient = Json.string(o, "email");
        if (recipient.isEmpty()) return base.unknown(kind, Optional.empty(), "a Mailjet event without email");
        String to = recipient.get();
        Optional<String> diagnostic = Json.string(o, "comment").or(() -> error);
        boolean hard = Json.bool(o, "hard_bounce").orElse(false);
        return switch (event) {
            case "sent" -> new ProviderEvent.Delivered(base.info(kind), to, Replies.quoted(Json.string(o, "smtp_reply")));
            case "bounce" -> error.filter("greylisted"::equals).isPresent() && !hard
                    ? new ProviderEvent.Delayed(base.info(kind), to,
                            Replies.failure(diagnostic, Optional.empty(), OptionalInt.empty(), false), diagnostic)
                    : new ProviderEvent.Bounced(base.info(kind), to, hard ? Severity.HARD : Severity.SOFT,
                            Replies.failure(diagnostic, Optional.empty(), OptionalInt.empty(), hard), diagnostic);
            case "blocked" -> new ProviderEvent.Suppressed(base.info(kind), to, error);
            case "spam" -> new ProviderEvent.Complained(base.info(kind), to, Optional.empty());
            case "open" -> new ProviderEvent.Opened(base.info(kind), to, Json.string(o, "agent"));
            case "click" -> new ProviderEvent.Clicked(base.info(kind), to, Json.string(o, "url"), Json.string(o, "agent"));
            case "unsub" -> new ProviderEvent.Unsubscribed(base.info(kind), to);
            default -> base.unknown(kind, recipient, "a Mailjet event of kind " + event);
        };
    }
}
