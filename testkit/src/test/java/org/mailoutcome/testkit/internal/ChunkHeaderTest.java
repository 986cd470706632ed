package org.mailoutcome.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The BDAT argument as Postfix 3.7 reads it (src/test/resources/postfix-3.7-bdat/syntax-*.txt). */
class ChunkHeaderTest {

    @ParameterizedTest(name = "BDAT {0}")
    @CsvSource(delimiter = '|', value = {
        "21 LAST | 21 | true", "1000 | 1000 | false", "0 LAST | 0 | true", "0 | 0 | false", "5 last | 5 | true",
        "005 LAST | 5 | true", "'5  LAST' | 5 | true", "'5\tLAST' | 5 | true",
        "9223372036854775807 | 9223372036854775807 | false",
    })
    void sizeAndLastAreRead(String argument, long size, boolean last) {
        assertThat(ChunkHeader.parse(argument)).contains(new ChunkHeader(size, last));
    }

    @ParameterizedTest(name = "BDAT [{0}]")
    @ValueSource(strings = {"", "x", "-5", "+5", "5 FOO", "5 LAST X", "LAST", "5.0 LAST", "0x10",
        "99999999999999999999999", "9223372036854775808", "５ LAST"})
    void malformedArgumentHasNoHeader(String argument) {
        assertThat(ChunkHeader.parse(argument)).isEmpty();
    }

    @Test
    void negativeSizeIsAProgrammingError() {
        assertThatThrownBy(() -> new ChunkHeader(-1, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("size must be >= 0: -1");
    }
}
