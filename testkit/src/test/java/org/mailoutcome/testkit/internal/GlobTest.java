package org.mailoutcome.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
        "moved@example.test, moved@example.test, true",
        "moved@example.test, MOVED@Example.Test, true",
        "moved@example.test, moved@example.testx, false",
        "moved@example.test, xmoved@example.test, false",
        "*@other.test, anyone@other.test, true",
        "*@other.test, @other.test, true",
        "*@other.test, anyone@other.test.evil, false",
        "*@other.test, anyone@another.test, false",
        "a*b*c, abc, true",
        "a*b*c, aXXbYYc, true",
        "a*b*c, aXXcYYb, false",
        "*, '', true",
        "'', '', true",
        "'', x, false",
        "a.b, a.b, true",
        "a.b, aXb, false",
        "(x)+[y]?, (x)+[y]?, true",
        "PLAIN*, plain AGFsaWNl, true",
    })
    void starMatchesAnyRunAndEverythingElseMatchesItselfIgnoringCase(String glob, String text, boolean expected) {
        assertThat(Glob.compile(glob).matches(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"ÄRGER@EXAMPLE.TEST, ärger@example.test"})
    void caseIsIgnoredBeyondAscii(String glob, String text) {
        assertThat(Glob.compile(glob).matches(text)).isTrue();
    }
}
