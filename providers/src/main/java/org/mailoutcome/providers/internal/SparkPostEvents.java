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

/**
 * SparkPost's event webhooks: a JSON array of {@code {"msys": {"<event class>": {...}}}}; an empty {@code msys}
 * is the test ping. A bounce's {@code bounce_class} decides its record.
 */
public final class SparkPostEvents {
    /** Bounce classes SparkPost files under "hard" (invalid recipient, no RCPT); 90, unsubscribe, has its record. */
    private static final Set<String> HARD = Set.of("10", "30");

    private SparkPostEvents() {
    }

    /** The events of a batch, read element by element. */
    public static List<ProviderEvent> of(String text) throws BadPayload {
        List<ProviderEvent> events = new ArrayList<>();
        Optional<JsonElement> notABatch = Json.stream(text, e -> {
            JsonObject msys = e instanceof JsonObject o ? Json.object(o, "msys").orElse(null) : null;
            if (msys == null) {
                events.add(Base.notAnObject(Provider.SPARKPOST, e.toString()));
                return;
            }
            for (Map.Entry<String, JsonElement> group : msys.entrySet()) {
                if (group.getValue() instanceof JsonObject event) events.add(event(event, e.toString()));
            }
        });
        if (notABatch.isPresent()) throw new BadPayload("a SparkPost batch is a JSON array");
        return events;
    }

    private static ProviderEvent event(JsonObject o, String raw) {
        Map<String, String> metadata = new LinkedHashMap<>();
        Json.object(o, "rcpt_meta").ifPresent(m -> m.entrySet().forEach(e -> {
            if (!e.getValue().isJsonNull()) metadata.put(e.getKey(), Json.text(e.getValue()));
        }));
        Base base = new Base(Provider.SPARKPOST, Times.of(o.get("timestamp")), Json.string(o, "message_id"),
                new Correlation(Optional.empty(), metadata), raw);
        String type = Json.string(o, "type").orElse("?");
        Optional<String> bounceClass = Json.string(o, "bounce_class");
        String kind = type + (type.equals("bounce") || type.equals("out_of_band")
                ? bounceClass.map(c -> "/" + c).orElse("") : "");
        Optional<String> recipient = Json.string(o, "raw_rcpt_to").or(() -> Json.string(o, "rcpt_to"));
        if (recipient.isEmpty()) return base.unknown(kind, Optional.empty(), "a SparkPost event without rcpt_to");
        String to = recipient.get();
        Optional<String> reason = Json.string(o, "raw_reason").or(() -> Json.string(o, "reason"));
        OptionalInt code = Json.string(o, "error_code").filter(Addresses::isDigits)
                .map(c -> OptionalInt.of(Integer.parseInt(c))).orElse(OptionalInt.empty());
        return switch (type) {
            case "injection" -> new ProviderEvent.Queued(base.info(kind), to);
            case "delivery" -> new ProviderEvent.Delivered(base.info(kind), to, Replies.quoted(reason));
            case "bounce", "out_of_band" -> bounce(base, kind, to, bounceClass.orElse("1"), reason, code);
            case "delay" -> new ProviderEvent.Delayed(base.info(kind), to,
                    Replies.failure(reason, Optional.empty(), code, false), reason);
            case "policy_rejection", "generation_rejection" -> new ProviderEvent.Suppressed(base.info(kind), to,
                    reason);
            case "generation_failure" -> new ProviderEvent.Failed(base.info(kind), to, reason);
            case "spam_complaint" -> new ProviderEvent.Complained(base.info(kind), to, Json.string(o, "fbtype"));
            case "open", "initial_open", "amp_open", "amp_initial_open" -> new ProviderEvent.Opened(base.info(kind),
                    to, Json.string(o, "user_agent"));
            case "click", "amp_click" -> new ProviderEvent.Clicked(base.info(kind), to,
                    Json.string(o, "target_link_url"), Json.string(o, "user_agent"));
            case "list_unsubscribe", "link_unsubscribe" -> new ProviderEvent.Unsubscribed(base.info(kind), to);
            default -> base.unknown(kind, recipient, "a SparkPost event of type " + type);
        };
    }

    /** By SparkPost's bounce classification codes. */
    private static ProviderEvent bounce(Base base, String kind, String to, String bounceClass,
            Optional<String> reason, OptionalInt code) {
        return switch (bounceClass) {
            case "25", "26" -> new ProviderEvent.Suppressed(base.info(kind), to, reason);
            case "60", "100" -> new ProviderEvent.AutoReplied(base.info(kind), to, reason);
            case "80" -> new ProviderEvent.Subscribed(base.info(kind), to);
            case "90" -> new ProviderEvent.Unsubscribed(base.info(kind), to);
            default -> {
                Severity s = HARD.contains(bounceClass) ? Severity.HARD
                        : bounceClass.equals("1") ? Severity.UNDETERMINED : Severity.SOFT;
                yield new ProviderEvent.Bounced(base.info(kind), to, s,
                        Replies.failure(reason, Optional.empty(), code, s != Severity.SOFT), reason);
            }
        };
    }
}
