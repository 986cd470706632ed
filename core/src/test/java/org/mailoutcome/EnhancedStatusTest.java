package org.mailoutcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnhancedStatusTest {

    @Test
    void parseReadsClassSubjectAndDetail() {
        EnhancedStatus status = EnhancedStatus.parse("5.1.6");

        assertThat(status.statusClass()).isEqualTo(5);
        assertThat(status.subject()).isEqualTo(1);
        assertThat(status.detail()).isEqualTo(6);
        assertThat(status).isEqualTo(EnhancedStatus.of(5, 1, 6));
        assertThat(status).hasToString("5.1.6");
    }

    @ParameterizedTest
    @CsvSource({"2.0.0, 2.0.0", "4.7.28, 4.7.28", "5.999.999, 5.999.999", "5.01.001, 5.1.1", "4.000.0, 4.0.0"})
    void parseAcceptsOneToThreeDigitsAndPrintsWithoutLeadingZeros(String text, String printed) {
        assertThat(EnhancedStatus.parse(text)).hasToString(printed);
        assertThat(EnhancedStatus.tryParse(text)).contains(EnhancedStatus.parse(printed));
    }

    @Test
    void toStringParsesBackToTheSameCode() {
        for (int statusClass : new int[] {2, 4, 5}) {
            for (int subject : new int[] {0, 1, 7, 10, 99, 100, 999}) {
                for (int detail : new int[] {0, 9, 10, 606, 999}) {
                    EnhancedStatus status = EnhancedStatus.of(statusClass, subject, detail);
                    assertThat(EnhancedStatus.parse(status.toString())).isEqualTo(status);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"5.1", "6.1.1", "5.1.1000", "5..1", "", "5", "5.", "5.1.", ".1.1", "3.1.1", "55.1.1",
        "5.1.1.1", "5.1234.1", "5,1,1", "x.1.1", "5.a.1", "5.1.a", " 5.1.1", "5.1.1 ", "5.1.1\n", "5.-1.1"})
    void malformedTextIsRejected(String text) {
        assertThat(EnhancedStatus.tryParse(text)).isEmpty();
        assertThatThrownBy(() -> EnhancedStatus.parse(text)).isInstanceOf(MalformedEnhancedStatusException.class)
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"\"          | empty",
        "6.1.1       | class must be 2, 4 or 5",
        "5.1         | no '.' after the subject",
        "5..1        | subject must be 1 to 3 digits",
        "5.1.1000    | detail must be 1 to 3 digits",
        "5.1.1x      | unexpected character after the detail",
        "5.1.1.1.1.1 | longer than 9 characters"})
    void parseNamesTheProblemAndTheInput(String text, String problem) {
        assertThatThrownBy(() -> EnhancedStatus.parse(text)).isInstanceOf(MalformedEnhancedStatusException.class)
                .hasMessage("malformed enhanced status code (" + problem + "): \"" + text + "\"")
                .extracting(e -> ((MalformedEnhancedStatusException) e).input()).isEqualTo("\"" + text + "\"");
    }

    @Test
    void exceptionKeepsOnlyTheFirstHundredCharactersOfTheInput() {
        String text = "5.1.1" + "x".repeat(995) + "\n";

        MalformedEnhancedStatusException e = (MalformedEnhancedStatusException) catchThrowable(text);

        assertThat(e.input()).isEqualTo("\"5.1.1" + "x".repeat(95) + "\"... (1001 chars)");
        assertThat(e.getMessage()).hasSizeLessThan(200);
    }

    @Test
    void exceptionEscapesControlCharacters() {
        assertThat(((MalformedEnhancedStatusException) catchThrowable("5\r\n\t\0")).input())
                .isEqualTo("\"5\\r\\n\\t\\u0000\"");
    }

    @Test
    void megabyteInputIsRejectedAfterReadingAtMostNineCharacters() {
        CountingText text = new CountingText("5.1.1" + " ".repeat(1 << 20));

        assertThat(EnhancedStatus.tryParse(text)).isEmpty();
        assertThat(text.reads).isLessThanOrEqualTo(9);
        assertThatThrownBy(() -> EnhancedStatus.parse(text)).isInstanceOf(MalformedEnhancedStatusException.class)
                .hasMessageContaining("longer than 9 characters").hasMessageEndingWith("(1048581 chars)");
    }

    @Test
    void nullIsRejectedByParseAndEmptyForTryParse() {
        assertThatNullPointerException().isThrownBy(() -> EnhancedStatus.parse(null)).withMessage("text");
        assertThat(EnhancedStatus.tryParse(null)).isEmpty();
    }

    @Test
    void constructorRejectsOutOfRangeComponentsNamingThem() {
        assertThatIllegalArgumentException().isThrownBy(() -> EnhancedStatus.of(3, 1, 1))
                .withMessage("statusClass must be 2, 4 or 5: 3");
        assertThatIllegalArgumentException().isThrownBy(() -> EnhancedStatus.of(5, -1, 1))
                .withMessage("subject must be 0-999: -1");
        assertThatIllegalArgumentException().isThrownBy(() -> EnhancedStatus.of(5, 1, 1000))
                .withMessage("detail must be 0-999: 1000");
    }

    @Test
    void matchesComparesSubjectAndDetailWhateverTheClass() {
        assertThat(EnhancedStatus.of(4, 1, 1).matches(1, 1)).isTrue();
        assertThat(EnhancedStatus.of(5, 1, 1).matches(1, 1)).isTrue();
        assertThat(EnhancedStatus.of(5, 1, 1).matches(1, 2)).isFalse();
        assertThat(EnhancedStatus.of(5, 1, 1).matches(2, 1)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "5.0.0  | Other undefined Status",
        "5.1.1  | Bad destination mailbox address",
        "5.1.6  | Destination mailbox has moved, No forwarding address",
        "2.1.9  | Message relayed to non-compliant mailer",
        "5.1.10 | Recipient address has null MX",
        "4.2.2  | Mailbox full",
        "2.3.6  | Requested priority was changed",
        "5.3.4  | Message too big for system",
        "4.4.7  | Delivery time expired",
        "5.5.3  | Too many recipients",
        "5.5.6  | Authentication Exchange line is too long",
        "5.6.6  | Message content not available",
        "5.6.7  | Non-ASCII addresses not permitted for that sender/recipient",
        "5.6.8  | UTF-8 string reply is required, but not permitted by the SMTP client",
        "5.6.9  | UTF-8 header message cannot be transferred to one or more recipients, so the message must be rejected",
        "5.7.1  | Delivery not authorized, message refused",
        "5.7.8  | Authentication credentials invalid",
        "5.7.9  | Authentication mechanism is too weak",
        "5.7.10 | Encryption Needed",
        "5.7.11 | Encryption required for requested authentication mechanism",
        "4.7.12 | A password transition is needed",
        "5.7.13 | User Account Disabled",
        "5.7.14 | Trust relationship required",
        "4.7.15 | Priority Level is too low",
        "5.7.16 | Message is too big for the specified priority",
        "5.7.17 | Mailbox owner has changed",
        "5.7.18 | Domain owner has changed",
        "5.7.19 | RRVS test cannot be completed",
        "5.7.20 | No passing DKIM signature found",
        "5.7.21 | No acceptable DKIM signature found",
        "5.7.22 | No valid author-matched DKIM signature found",
        "5.7.23 | SPF validation failed",
        "4.7.24 | SPF validation error",
        "5.7.25 | Reverse DNS validation failed",
        "5.7.26 | Multiple authentication checks failed",
        "5.7.27 | Sender address has null MX",
        "4.7.28 | Mail flood detected",
        "5.7.29 | ARC validation failure",
        "5.7.30 | REQUIRETLS support required"})
    void registeredCodesHaveTheRegistryTitle(String code, String title) {
        EnhancedStatus status = EnhancedStatus.parse(code);

        assertThat(status.isRegistered()).isTrue();
        assertThat(status.title()).isEqualTo(title);
    }

    @Test
    void deprecatedX610IsRegisteredAsADuplicateOfX68() {
        assertThat(EnhancedStatus.of(5, 6, 10).isRegistered()).isTrue();
        assertThat(EnhancedStatus.of(5, 6, 10).title()).startsWith(EnhancedStatus.of(5, 6, 8).title())
                .contains("deprecated");
    }

    @Test
    void registryHoldsEveryDetailUpToTheLastOfEachSubjectAndNoneAfter() {
        Map<Integer, Integer> lastDetail = Map.of(0, 0, 1, 10, 2, 4, 3, 6, 4, 7, 5, 6, 6, 10, 7, 30);
        lastDetail.forEach((subject, last) -> {
            for (int detail = 0; detail <= last; detail++) {
                assertThat(EnhancedStatus.of(5, subject, detail).isRegistered()).as("X.%d.%d", subject, detail).isTrue();
            }
            assertThat(EnhancedStatus.of(5, subject, last + 1).isRegistered()).as("X.%d.%d", subject, last + 1)
                    .isFalse();
        });
        assertThat(EnhancedStatus.of(5, 8, 0).isRegistered()).isFalse();
    }

    @Test
    void titleAndRegistrationDoNotDependOnTheClass() {
        for (int statusClass : new int[] {2, 4}) {
            EnhancedStatus status = EnhancedStatus.of(statusClass, 1, 1);
            assertThat(status.title()).isEqualTo(EnhancedStatus.of(5, 1, 1).title());
            assertThat(status.isRegistered()).isTrue();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "5.7.606 | Other or undefined security status       | Security or Policy Status",
        "4.7.650 | Other or undefined security status       | Security or Policy Status",
        "5.1.351 | Other address status                     | Addressing Status",
        "5.4.316 | Other or undefined network or routing status | Network and Routing Status",
        "5.0.912 | Other undefined Status                   | Other or Undefined Status",
        "5.9.1   | Other undefined Status                   | Other or Undefined Status",
        "5.999.0 | Other undefined Status                   | Other or Undefined Status"})
    void unregisteredCodesFallBackToTheOtherOrUndefinedTitleOfTheirSubject(String code, String title,
            String subjectTitle) {
        EnhancedStatus status = EnhancedStatus.parse(code);

        assertThat(status.isRegistered()).isFalse();
        assertThat(status.title()).isEqualTo(title);
        assertThat(status.subjectTitle()).isEqualTo(subjectTitle);
    }

    @Test
    void subjectTitlesAreTheRegistrySubjectSubCodes() {
        List<String> titles = List.of("Other or Undefined Status", "Addressing Status", "Mailbox Status",
                "Mail System Status", "Network and Routing Status", "Mail Delivery Protocol Status",
                "Message Content or Media Status", "Security or Policy Status");
        for (int subject = 0; subject < titles.size(); subject++) {
            assertThat(EnhancedStatus.of(4, subject, 0).subjectTitle()).isEqualTo(titles.get(subject));
        }
    }

    private static Throwable catchThrowable(String text) {
        return org.assertj.core.api.Assertions.catchThrowable(() -> EnhancedStatus.parse(text));
    }

    /** A text that counts how many characters are read from it. */
    private static final class CountingText implements CharSequence {
        private final String text;
        private int reads;

        CountingText(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            reads++;
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            reads += end - start;
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            reads += text.length();
            return text;
        }
    }
}
