package org.mailoutcome.providers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** The documented payloads under src/test/resources/&lt;provider&gt;/, and the time the tests run at. */
final class Payloads {
    /** The tests' now: a few minutes after the payloads' events. */
    static final Instant NOW = Instant.parse("2024-06-03T10:05:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private Payloads() {
    }

    static byte[] bytes(String resource) {
        try (InputStream in = Payloads.class.getResourceAsStream("/" + resource)) {
            if (in == null) throw new IllegalArgumentException("no test resource " + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    static Map<String, List<String>> headers(String... namesAndValues) {
        java.util.LinkedHashMap<String, List<String>> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) map.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        return map;
    }

    static ParseResult.Accepted accepted(ParseResult result) {
        if (result instanceof ParseResult.Accepted a) return a;
        throw new AssertionError("expected Accepted, got " + result);
    }

    /** Asserts an event's record, recipient and the provider's kind. */
    static void assertEvent(ProviderEvent event, String record, String recipient, String kind) {
        org.assertj.core.api.Assertions.assertThat(event.name()).isEqualTo(record);
        org.assertj.core.api.Assertions.assertThat(((ProviderEvent.RecipientEvent) event).recipient())
                .isEqualTo(recipient);
        org.assertj.core.api.Assertions.assertThat(event.info().kind()).isEqualTo(kind);
    }

    static ProviderEvent only(ParseResult result) {
        List<ProviderEvent> events = accepted(result).events();
        if (events.size() != 1) throw new AssertionError("expected one event, got " + events);
        return events.get(0);
    }
}
