package org.mailoutcome.providers;

import java.util.List;
import org.mailoutcome.tracking.Provider;

/** Every documented payload under src/test/resources, by provider. */
final class Documented {
    static final List<String> SES = List.of("bounce-permanent", "bounce-notification", "bounce-transient",
            "bounce-undetermined", "bounce-suppressed", "complaint", "complaint-suppressed", "delivery", "send", "reject",
            "open", "click", "rendering-failure", "delivery-delay", "subscription");
    static final List<String> SENDGRID = List.of("all-kinds", "reserved-keys");
    static final List<String> MAILGUN = List.of("accepted", "delivered", "failed-permanent", "failed-temporary",
            "failed-suppress-bounce", "rejected", "opened", "clicked", "unsubscribed", "complained");
    static final List<String> POSTMARK = List.of("bounce", "bounce-without-record-type", "delivery", "spam-complaint",
            "open", "click", "subscription-change", "subscription-change-reactivated");
    static final List<String> SPARKPOST = List.of("all-kinds", "ping");
    static final List<String> MAILJET = List.of("sent", "open", "click", "bounce", "bounce-greylisted", "blocked",
            "spam", "unsub", "grouped");

    private Documented() {
    }

    /** The resource names of a provider's payloads. */
    static List<String> resources(Provider provider) {
        List<String> names = switch (provider) {
            case SES -> SES;
            case SENDGRID -> SENDGRID;
            case MAILGUN -> MAILGUN;
            case POSTMARK -> POSTMARK;
            case SPARKPOST -> SPARKPOST;
            case MAILJET -> MAILJET;
        };
        return names.stream().map(n -> provider.id() + "/" + n + ".json").toList();
    }

    /** Reads every payload of every provider without verification. */
    static ProviderEvents unverified() {
        ProviderEvents.Builder b = ProviderEvents.builder();
        for (Provider p : Provider.values()) b.verify(p, Verification.none());
        return b.build();
    }
}
