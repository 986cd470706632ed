package org.mailoutcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailoutcome.DeliveryOutcome.Accepted;
import org.mailoutcome.DeliveryOutcome.AcceptedUnverified;
import org.mailoutcome.DeliveryOutcome.ConnectionLost;
import org.mailoutcome.DeliveryOutcome.MailboxUnavailable;
import org.mailoutcome.DeliveryOutcome.NotLocalNoRelay;
import org.mailoutcome.DeliveryOutcome.ProtocolError;
import org.mailoutcome.internal.ExplanationReasonTable;
import org.mailoutcome.internal.ExplanationTable;

class ExplanationTest {

    /** Every record, found by walking the sealed hierarchy, so a new record without words fails here. */
    static List<Class<?>> records() {
        List<Class<?>> records = new ArrayList<>();
        collect(DeliveryOutcome.class, records);
        return records;
    }

    private static void collect(Class<?> type, List<Class<?>> records) {
        if (type.isRecord()) records.add(type);
        else for (Class<?> sub : type.getPermittedSubclasses()) collect(sub, records);
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends DeliveryOutcome> outcome(Class<?> record) {
        return (Class<? extends DeliveryOutcome>) record;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void everyRecordHasItsOwnWordsInPlainEnglish(Class<?> record) {
        assertPlainEnglish(Explanation.of(outcome(record)));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Reason.class)
    void everyReasonHasItsOwnWordsInPlainEnglish(Reason reason) {
        assertPlainEnglish(Explanation.of(reason));
    }

    @Test
    void theTableListsExactlyTheRecordsOfTheSealedHierarchy() {
        assertThat(records()).hasSize(17);
        assertThat(Explanation.records()).containsExactlyInAnyOrderElementsOf(outcomes(records()));
        assertThat(Explanation.records().get(0)).isEqualTo(Accepted.class);
        assertThat(Explanation.records().get(16)).isEqualTo(ConnectionLost.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void everyTypicalReplyOfARecordClassifiesAsThatRecord(Class<?> record) {
        for (String typical : ExplanationTable.of(record).orElseThrow().replies()) {
            String[] parts = typical.split(" ");
            SmtpReply reply = SmtpReply.of(Integer.parseInt(parts[0]), parts.length > 1 ? parts[1] + " x" : "x");
            assertThat(DeliveryOutcome.classify(Stage.RCPT, reply)).as(typical).isInstanceOf(record);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Reason.class)
    void typicalRepliesOfAReasonHaveEnhancedCodesOfTheirOwnClass(Reason reason) {
        for (String typical : ExplanationReasonTable.of(reason).orElseThrow().replies()) {
            String[] parts = typical.split(" ");
            if (parts.length > 1) {
                assertThat(EnhancedStatus.parse(parts[1]).statusClass()).as(typical)
                        .isEqualTo(Integer.parseInt(parts[0]) / 100);
            }
        }
    }

    @Test
    void noTwoRecordsOrReasonsShareASentence() {
        Set<String> seen = new HashSet<>();
        List<Explanation> all = new ArrayList<>();
        Explanation.records().forEach(r -> all.add(Explanation.of(r)));
        Stream.of(Reason.values()).forEach(r -> all.add(Explanation.of(r)));
        for (Explanation e : all) {
            for (String text : List.of(e.summary(), e.description(), e.whenSeen())) {
                assertThat(seen.add(text)).as("copied text: %s", text).isTrue();
            }
        }
    }

    @Test
    void aRecordCarriesTheStandardTextsOfItsCodesAndTheTitlesOfItsEnhancedCodes() {
        Explanation e = Explanation.of(NotLocalNoRelay.class);
        assertThat(e.codes()).extracting(ReplyCodes.Meaning::code).containsExactly(551, 550);
        assertThat(e.codes().get(0).text()).contains("User not local; please try <forward-path>");
        assertThat(e.enhancedCodes()).containsExactly(EnhancedStatus.of(5, 1, 6));
        assertThat(e.enhancedCodes().get(0).title()).isEqualTo("Destination mailbox has moved, No forwarding address");
        assertThat(e.notes()).isEmpty();
        assertThat(Explanation.of(ProtocolError.class).codes()).extracting(ReplyCodes.Meaning::code)
                .containsExactly(500, 501, 502, 503, 504, 555);
        assertThat(Explanation.of(ConnectionLost.class).codes()).isEmpty();
    }

    @Test
    void aCodeIsExplainedByItsRecordAndAboutThatCodeOnly() {
        Explanation e = Explanation.of(252);
        assertThat(e.summary()).isEqualTo(Explanation.of(AcceptedUnverified.class).summary())
                .contains("would not confirm the mailbox").contains("will attempt delivery");
        assertThat(e.action()).contains("Nothing needs fixing").contains("rely on bounces");
        assertThat(e.codes()).containsExactly(ReplyCodes.meaning(252));
        assertThat(Explanation.of(535).codes()).extracting(ReplyCodes.Meaning::code).containsExactly(535);
        assertThat(Explanation.of(535).enhancedCodes()).containsExactly(EnhancedStatus.of(5, 7, 8));
        assertThat(Explanation.of(547).codes().get(0).text()).isEmpty();
    }

    @Test
    void notAnOutcomeRecordIsRejected() {
        assertThatThrownBy(() -> Explanation.of(DeliveryOutcome.Success.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an outcome record");
        assertThatThrownBy(() -> Explanation.of(600)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("code must be within 100-599: 600");
    }

    private static void assertPlainEnglish(Explanation e) {
        for (String text : List.of(e.summary(), e.description(), e.whenSeen(), e.action())) {
            assertThat(text).isNotBlank().doesNotContain("  ").doesNotContain("TODO").endsWith(".");
            assertThat(Character.isUpperCase(text.charAt(0)) || Character.isDigit(text.charAt(0))).as(text).isTrue();
        }
        assertThat(e.summary().length()).as("one line: %s", e.summary()).isLessThanOrEqualTo(160);
    }

    private static List<Class<? extends DeliveryOutcome>> outcomes(List<Class<?>> classes) {
        return classes.stream().<Class<? extends DeliveryOutcome>>map(ExplanationTest::outcome).toList();
    }

    @Nested
    class ReplyCodeMeanings {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "250|Requested mail action okay, completed",
            "251|User not local; will forward to <forward-path>",
            "252|Cannot VRFY user, but will accept message and attempt delivery",
            "451|Requested action aborted: local error in processing",
            "551|User not local; please try <forward-path>",
            "521|Host does not accept mail",
            "556|Domain does not accept mail",
            "530|Authentication required",
            "535|Authentication credentials invalid"})
        void standardCodesHaveTheirRfcText(int code, String text) {
            assertThat(ReplyCodes.meaning(code).text()).contains(text);
        }

        @Test
        void everyCodeTheIssueNamesHasAText() {
            for (int code : List.of(250, 251, 252, 421, 450, 451, 452, 455, 500, 501, 502, 503, 504, 521, 530, 535,
                    550, 551, 552, 553, 554, 555, 556)) {
                assertThat(ReplyCodes.meaning(code).text()).as("%d", code).isPresent();
                assertThat(ReplyCodes.standardCodes()).contains(code);
            }
        }

        @Test
        void classesFollowTheFirstDigit() {
            assertThat(ReplyCodes.meaning(252).codeClass()).isEqualTo("2yz positive completion");
            assertThat(ReplyCodes.meaning(451).codeClass()).isEqualTo("4yz transient negative completion");
            assertThat(ReplyCodes.meaning(551).codeClass()).isEqualTo("5yz permanent negative completion");
            assertThat(ReplyCodes.meaning(354).codeClass()).isEqualTo("3yz positive intermediate");
        }

        @Test
        void aCodeNoRfcDefinesHasAClassButNoText() {
            ReplyCodes.Meaning m = ReplyCodes.meaning(547);
            assertThat(m.text()).isEmpty();
            assertThat(m.source()).isEmpty();
            assertThat(m).hasToString("547 (5yz permanent negative completion, no standard text)");
            assertThat(ReplyCodes.meaning(551)).hasToString("551 User not local; please try <forward-path> "
                    + "(5yz permanent negative completion, RFC 5321 4.2.3)");
        }

        @Test
        void codesOutsideTheReplyRangeAreRejected() {
            assertThatThrownBy(() -> ReplyCodes.meaning(99)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("code must be within 100-599: 99");
        }
    }

    @Nested
    class OneOutcome {
        private final DeliveryOutcome moved = DeliveryOutcome.classify(Stage.RCPT,
                "551 5.1.6 User not local; please try <bob@lab.test>");

        @Test
        void anOutcomeAddsItsOwnCodeEnhancedCodeAndReason() {
            Explanation e = Explanation.of(moved);
            assertThat(e.summary()).isEqualTo(Explanation.of(NotLocalNoRelay.class).summary());
            assertThat(e.codes()).containsExactly(ReplyCodes.meaning(551));
            assertThat(e.enhancedCodes()).containsExactly(EnhancedStatus.of(5, 1, 6));
            assertThat(e.notes()).contains("Reason MOVED: " + Explanation.of(Reason.MOVED).summary(),
                    "The reply names the forward path bob@lab.test.");
        }

        @Test
        void anEnabledPolicyThatAllowsTheForwardSaysTheMailerWouldResend() {
            ForwardPolicy policy = ForwardPolicy.enabled().build();
            assertThat(Explanation.of(moved, "alice@lab.test", policy).notes())
                    .contains("The mailer would resend to bob@lab.test (policy: " + policy + ").");
        }

        @Test
        void aPolicyThatRefusesTheForwardSaysWhy() {
            assertThat(Explanation.of(moved, "alice@lab.test", ForwardPolicy.disabled()).notes())
                    .contains("The configured ForwardPolicy would not follow it: forwarding is disabled.");
            assertThat(Explanation.of(moved, "alice@other.example", ForwardPolicy.enabled().build()).notes())
                    .anyMatch(n -> n.startsWith("The configured ForwardPolicy would not follow it: domain lab.test"));
        }

        @Test
        void aMoveWithoutForwardPathSaysSo() {
            DeliveryOutcome noPath = DeliveryOutcome.classify(Stage.RCPT, "551 5.1.1 User not local");
            assertThat(Explanation.of(noPath, "a@lab.test", ForwardPolicy.enabled().build()).notes())
                    .contains("The reply names no forward path: ask the recipient for the new address.");
        }

        @Test
        void aLostConnectionSaysWhatTheClientSawAndWhetherTheMessageMayHaveArrived() {
            Explanation e = Explanation.of(new ConnectionLost(Stage.MESSAGE, true, "Read timed out"));
            assertThat(e.codes()).isEmpty();
            assertThat(e.notes()).contains("No reply to MESSAGE: Read timed out.",
                    "The whole message had been sent: it may have been delivered.");
        }

        @Test
        void anAcceptedOutcomeHasNoNotes() {
            assertThat(Explanation.of(DeliveryOutcome.classify(Stage.RCPT, "250 2.1.5 Ok")).notes()).isEmpty();
        }
    }

    @Nested
    class Comparisons {
        @Test
        void code251And551HaveTheHandWrittenKeyDifferenceInEitherOrder() {
            Comparison c = Comparison.of(251, 551);
            assertThat(c.first().codeClass()).isEqualTo("2yz positive completion");
            assertThat(c.second().codeClass()).isEqualTo("5yz permanent negative completion");
            assertThat(c.second().record()).isEqualTo(NotLocalNoRelay.class);
            assertThat(c.keyDifference()).startsWith("Both say the recipient is not local, but 251 accepts");
            assertThat(Comparison.of(551, 251).keyDifference()).isEqualTo(c.keyDifference());
        }

        @ParameterizedTest(name = "{0} vs {1}")
        @CsvSource({"252, 250", "252, 551", "450, 550", "451, 421", "452, 552"})
        void wellKnownPairsHaveAHandWrittenKeyDifference(int first, int second) {
            assertThat(Comparison.of(first, second).keyDifference()).contains(Integer.toString(first))
                    .contains(Integer.toString(second));
        }

        @Test
        void recordsCompareLikeTheirCodes() {
            Comparison c = Comparison.of(Comparison.Side.ofRecord(DeliveryOutcome.WillForward.class),
                    Comparison.Side.ofRecord(NotLocalNoRelay.class));
            assertThat(c.keyDifference()).isEqualTo(Comparison.of(251, 551).keyDifference());
            assertThat(c.first().label()).isEqualTo("WillForward");
        }

        @Test
        void otherPairsGetAKeyDifferenceBuiltFromTheirDispositions() {
            assertThat(Comparison.of(250, 554).keyDifference()).isEqualTo("250 is successful: the server takes the "
                    + "message and nothing needs resending; 554 is permanent: the server refuses, and the same "
                    + "request fails again.");
            assertThat(Comparison.of(550, 553).keyDifference()).startsWith("550 and 553 are both permanent");
            assertThat(Comparison.of(500, 501).keyDifference()).startsWith("500 and 501 are both ProtocolError");
        }

        @Test
        void aRecordWithoutCodeGetsAClassSayingSo() {
            Comparison.Side lost = Comparison.Side.ofRecord(ConnectionLost.class);
            assertThat(lost.codeClass()).isEqualTo("no reply code; counted as transient");
            assertThat(lost.disposition()).isEqualTo(Disposition.TRANSIENT);
            assertThat(Comparison.Side.ofRecord(MailboxUnavailable.class).codeClass())
                    .isEqualTo("5yz permanent negative completion");
            assertThat(Optional.of(Comparison.Side.ofCode(252).explanation().summary()))
                    .contains(Explanation.of(252).summary());
        }
    }
}
