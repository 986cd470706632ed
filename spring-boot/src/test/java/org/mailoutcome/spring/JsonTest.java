package org.mailoutcome.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void mapsListsAndScalarsAreWrittenInOrder() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("b", 1);
        map.put("a", List.of(true, 2L, "x"));
        map.put("none", null);
        map.put("empty", Optional.empty());
        map.put("present", Optional.of("y"));
        assertThat(Json.write(map)).isEqualTo("{\"b\":1,\"a\":[true,2,\"x\"],\"none\":null,\"empty\":null,\"present\":\"y\"}");
    }

    @Test
    void stringsAreEscapedToPlainAsciiAndCannotCloseAScriptOrATag() {
        assertThat(Json.write("\"q\" \\ \n\t\u0001 caf\u00e9 \u2603 </script>&"))
                .isEqualTo("\"\\\"q\\\" \\\\ \\n\\t\\u0001 caf\\u00e9 \\u2603 \\u003c/script\\u003e\\u0026\"");
    }

    @Test
    void anyOtherValueIsItsString() {
        assertThat(Json.write(Arrays.asList(java.time.Instant.parse("2026-12-07T08:00:00Z"), Thread.State.NEW)))
                .isEqualTo("[\"2026-12-07T08:00:00Z\",\"NEW\"]");
    }
}
