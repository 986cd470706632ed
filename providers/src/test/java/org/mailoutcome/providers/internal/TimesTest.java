package org.mailoutcome.providers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2024-06-03T10:00:05.120Z             | 2024-06-03T10:00:05.120Z",
        "2018-10-08T14:05:45 +0000            | 2018-10-08T14:05:45Z",
        "2014-08-01T13:28:10.2735393-04:00    | 2014-08-01T17:28:10.2735393Z",
        "2016-04-27T10:54:25.000+00:00        | 2016-04-27T10:54:25Z",
        "1717408803                           | 2024-06-03T10:00:03Z",
        "1534108637.153125                    | 2018-08-12T21:17:17.153125Z",
    })
    void providerTimesAreRead(String text, String expected) {
        assertThat(Times.of(text)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "1e9", "-5", "99999999999999999999", "2024-06-03", "1.2.3",
        "2024-06-03T10:00:05.120Z and then a very long tail that goes on and on"})
    void anythingElseIsNoTime(String text) {
        assertThat(Times.of(text)).isEmpty();
    }
}
