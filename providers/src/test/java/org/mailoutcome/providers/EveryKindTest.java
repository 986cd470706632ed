package org.mailoutcome.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mailoutcome.tracking.Provider;

/** Every record of ProviderEvent is made from some documented payload: a new record cannot go untested. */
class EveryKindTest {

    @Test
    void theDocumentedPayloadsCoverEveryRecord() {
        ProviderEvents events = Documented.unverified();
        Set<Class<?>> seen = new HashSet<>();
        for (Provider p : Provider.values()) {
            for (String resource : Documented.resources(p)) {
                Payloads.accepted(events.parse(p, Payloads.bytes(resource), Map.of())).events()
                        .forEach(e -> seen.add(e.getClass()));
            }
        }
        String confirmation = "{\"Type\":\"SubscriptionConfirmation\",\"MessageId\":\"c\",\"Token\":\"t\","
                + "\"TopicArn\":\"arn:aws:sns:eu-west-1:123456789012:ses-events\",\"Message\":\"m\","
                + "\"SubscribeURL\":\"https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription\","
                + "\"Timestamp\":\"2024-06-03T10:00:00.000Z\"}";
        Payloads.accepted(events.parse(Provider.SES, confirmation.getBytes(StandardCharsets.UTF_8), Map.of())).events()
                .forEach(e -> seen.add(e.getClass()));
        Set<Class<?>> records = new HashSet<>();
        for (Class<?> c : ProviderEvent.class.getPermittedSubclasses()) {
            if (c.isInterface()) records.addAll(Set.of(c.getPermittedSubclasses()));
            else records.add(c);
        }
        assertThat(records).hasSize(14);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(records);
    }
}
