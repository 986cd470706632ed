package org.mailoutcome.providers.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.mailoutcome.providers.Correlation;
import org.mailoutcome.providers.ProviderEvent;
import org.mailoutcome.providers.ProviderEvent.Bounced.Severity;
import org.mailoutcome.tracking.Provider;

/**
 * Amazon SES notifications ({@code notificationType}) and event publishing records ({@code eventType}): one
 * event per recipient the record names ({@code bouncedRecipients}, {@code complainedRecipients},
 * {@code delivery.recipients}, {@code delayedRecipients}, else {@code mail.destination}).
 */
public final class SesEvents {

    private SesEvents() {
    }

    /** The events of one SES record, given as the SNS {@code Message} text. */
    public static List<ProviderEvent> of(String message) {
        JsonElement root;
        try {
            root = Json.parse(message);
        } catch (BadPayload e) {
            root = null;
        }
        if (!(root instanceof JsonObject record)) {
            Base base = new Base(Provider.SES, Optional.empty(), Optional.empty(), Correlation.none(), message);
            return List.of(base.unknown("?", Optional.empty(), "the SNS message is not an SES record (JSON object)"));
        }
        JsonObject mail = Json.object(record, "mail").orElseGet(JsonObject::new);
        String type = Json.string(record, "eventType").or(() -> Json.string(record, "notificationType")).orElse("?");
        JsonObject detail = Json.object(record, detailName(type)).orElseGet(JsonObject::new);
        Base base = new Base(Provider.SES, Times.of(detail.get("timestamp")).or(() -> Times.of(mail.get("timestamp"))),
                Json.string(mail, "messageId"), correlation(mail), message);
        return switch (type) {
            case "Bounce" -> bounce(base, detail);
            case "Complaint" -> complaint(base, detail);
            case "Delivery" -> perRecipient(strings(detail, "recipients"), r -> new ProviderEvent.Delivered(
                    base.info(type), r, Replies.quoted(Json.string(detail, "smtpResponse"))));
            case "DeliveryDelay" -> delay(base, detail);
            case "Send" -> toAll(base, mail, r -> new ProviderEvent.Queued(base.info(type), r));
            case "Reject" -> toAll(base, mail, r -> new ProviderEvent.Suppressed(base.info(type), r,
                    Json.string(detail, "reason")));
            case "Open" -> toAll(base, mail, r -> new ProviderEvent.Opened(base.info(type), r,
                    Json.string(detail, "userAgent")));
            case "Click" -> toAll(base, mail, r -> new ProviderEvent.Clicked(base.info(type), r,
                    Json.string(detail, "link"), Json.string(detail, "userAgent")));
            case "Rendering Failure" -> toAll(base, mail, r -> new ProviderEvent.Failed(base.info(type), r,
                    Json.string(detail, "errorMessage")));
            case "Subscription" -> subscription(base, mail, detail);
            default -> List.of(base.unknown(type, Optional.empty(), "an SES record of type " + type));
        };
    }

    private static String detailName(String type) {
        return switch (type) {
            case "Rendering Failure" -> "failure";
            case "DeliveryDelay" -> "deliveryDelay";
            default -> type.toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static List<ProviderEvent> bounce(Base base, JsonObject bounce) {
        String type = Json.string(bounce, "bounceType").orElse("Undetermined");
        String sub = Json.string(bounce, "bounceSubType").orElse("Undetermined");
        String kind = "Bounce/" + type + "/" + sub;
        boolean suppressed = sub.equals("Suppressed") || sub.equals("OnAccountSuppressionList");
        Severity severity = type.equals("Permanent") ? Severity.HARD
                : type.equals("Transient") ? Severity.SOFT : Severity.UNDETERMINED;
        List<ProviderEvent> events = new ArrayList<>();
        for (JsonObject r : objects(bounce, "bouncedRecipients")) {
            Optional<String> address = Json.string(r, "emailAddress");
            if (address.isEmpty()) {
                events.add(base.unknown(kind, Optional.empty(), "a bounced recipient without emailAddress"));
                continue;
            }
            Optional<String> diagnostic = Json.string(r, "diagnosticCode");
            Optional<String> status = Json.string(r, "status");
            if (suppressed) {
                events.add(new ProviderEvent.Suppressed(base.info(kind), address.get(), Optional.of(sub)));
            } else if (Json.string(r, "action").filter("delayed"::equalsIgnoreCase).isPresent()) {
                events.add(new ProviderEvent.Delayed(base.info(kind), address.get(),
                        Replies.failure(diagnostic, status, OptionalInt.empty(), false), diagnostic));
            } else {
                events.add(new ProviderEvent.Bounced(base.info(kind), address.get(), severity,
                        Replies.failure(diagnostic, status, OptionalInt.empty(), severity != Severity.SOFT),
                        diagnostic));
            }
        }
        return nonEmpty(events, base, kind);
    }

    private static List<ProviderEvent> complaint(Base base, JsonObject complaint) {
        Optional<String> sub = Json.string(complaint, "complaintSubType");
        String kind = "Complaint" + sub.map(s -> "/" + s).orElse("");
        List<ProviderEvent> events = new ArrayList<>();
        for (String address : addresses(complaint, "complainedRecipients")) {
            events.add(sub.isPresent()
                    ? new ProviderEvent.Suppressed(base.info(kind), address, sub)
                    : new ProviderEvent.Complained(base.info(kind), address,
                            Json.string(complaint, "complaintFeedbackType")));
        }
        return nonEmpty(events, base, kind);
    }

    private static List<ProviderEvent> delay(Base base, JsonObject delay) {
        String kind = "DeliveryDelay" + Json.string(delay, "delayType").map(s -> "/" + s).orElse("");
        List<ProviderEvent> events = new ArrayList<>();
        for (JsonObject r : objects(delay, "delayedRecipients")) {
            Optional<String> address = Json.string(r, "emailAddress");
            Optional<String> diagnostic = Json.string(r, "diagnosticCode");
            events.add(address.<ProviderEvent>map(a -> new ProviderEvent.Delayed(base.info(kind), a,
                    Replies.failure(diagnostic, Json.string(r, "status"), OptionalInt.empty(), false), diagnostic))
                    .orElseGet(() -> base.unknown(kind, Optional.empty(), "a delayed recipient without emailAddress")));
        }
        return nonEmpty(events, base, kind);
    }

    private static List<ProviderEvent> subscription(Base base, JsonObject mail, JsonObject subscription) {
        JsonObject prefs = Json.object(subscription, "newTopicPreferences").orElseGet(JsonObject::new);
        boolean optedOut = Json.bool(prefs, "unsubscribeAll").orElse(false)
                || objects(prefs, "topicSubscriptionStatus").stream()
                        .anyMatch(t -> Json.string(t, "subscriptionStatus").filter("OptOut"::equals).isPresent());
        return toAll(base, mail, r -> optedOut
                ? new ProviderEvent.Unsubscribed(base.info("Subscription/OptOut"), r)
                : new ProviderEvent.Subscribed(base.info("Subscription/OptIn"), r));
    }

    private static List<ProviderEvent> toAll(Base base, JsonObject mail, Function<String, ProviderEvent> event) {
        return nonEmpty(perRecipient(strings(mail, "destination"), event), base, "mail.destination");
    }

    private static List<ProviderEvent> perRecipient(List<String> recipients, Function<String, ProviderEvent> event) {
        List<ProviderEvent> events = new ArrayList<>(recipients.size());
        for (String r : recipients) events.add(event.apply(r));
        return events;
    }

    private static List<ProviderEvent> nonEmpty(List<ProviderEvent> events, Base base, String kind) {
        return events.isEmpty() ? List.of(base.unknown(kind, Optional.empty(), "an SES record naming no recipient"))
                : events;
    }

    private static List<String> addresses(JsonObject o, String key) {
        return objects(o, key).stream().map(r -> Json.string(r, "emailAddress")).flatMap(Optional::stream).toList();
    }

    private static List<JsonObject> objects(JsonObject o, String key) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement e : Json.array(o, key).orElseGet(JsonArray::new)) {
            if (e instanceof JsonObject child) out.add(child);
        }
        return out;
    }

    private static List<String> strings(JsonObject o, String key) {
        List<String> out = new ArrayList<>();
        for (JsonElement e : Json.array(o, key).orElseGet(JsonArray::new)) {
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) out.add(e.getAsString());
        }
        return out;
    }

    /** The original Message-ID among {@code mail.headers}, and the tags you set ({@code ses:*} left out). */
    private static Correlation correlation(JsonObject mail) {
        Optional<String> messageId = Optional.empty();
        for (JsonObject h : objects(mail, "headers")) {
            if (Json.string(h, "name").filter("Message-ID"::equalsIgnoreCase).isPresent()) {
                messageId = Base.bracketed(Json.string(h, "value"));
            }
        }
        Map<String, String> tags = new LinkedHashMap<>();
        Json.object(mail, "tags").ifPresent(t -> t.entrySet().forEach(e -> {
            if (!e.getKey().startsWith("ses:") && e.getValue() instanceof JsonArray values && !values.isEmpty()) {
                tags.put(e.getKey(), Json.text(values.get(0)));
            }
        }));
        return new Correlation(messageId, tags);
    }
}
