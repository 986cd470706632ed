package org.mailoutcome.providers.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Request headers looked up by name, ignoring case, as HTTP says. */
public final class Headers {
    private final Map<String, List<String>> map;

    /** @param map the request's headers, names in any case */
    public Headers(Map<String, List<String>> map) {
        this.map = Objects.requireNonNull(map, "headers");
    }

    /** The first value of the header, if it has one. */
    public Optional<String> first(String name) {
        for (Map.Entry<String, List<String>> e : map.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && e.getValue() != null) {
                for (String v : e.getValue()) {
                    if (v != null) return Optional.of(v);
                }
            }
        }
        return Optional.empty();
    }
}
