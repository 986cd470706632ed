package org.mailoutcome.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Reason;
import org.mailoutcome.Stage;
import org.mailoutcome.SuppressionKind;
import org.mailoutcome.tracking.SuppressionPolicy.Verdict;

class SuppressionPolicyTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final SuppressionPolicy POLICY = SuppressionPolicy.defaults();

    static Stream<Arguments> verdicts() {
        try (var in = SuppressionPolicyTest.class.getResourceAsStream("/suppression-verdicts.tsv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split("\t"))
                    .map(f -> Arguments.of(f[5], f[0], Stage.valueOf(f[1]), f[2].replace("\\n", "\n"), f[3], f[4]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verdicts")
    void realRepliesAreJudgedAsTheTableSays(String source, String evidence, Stage stage, String reply, String verdict,
            String reason) {
        DeliveryOutcome outcome = DeliveryOutcome.classify(stage, reply);
        Evidence e = evidence.equals("bounce") ? new Evidence.Bounce("send1", "<n1@mx>", outcome, T0)
                : new Evidence.Outcome(Optional.of("send1"), Optional.empty(), outcome, T0);

        Verdict v = POLICY.judge(e);

        switch (verdict) {
            case "HARD" -> assertThat(v).as(reply).isEqualTo(new Verdict.Suppress(SuppressionKind.HARD_BOUNCE,
                    Reason.valueOf(reason)));
            case "SOFT" -> assertThat(v).as(reply).isEqualTo(new Verdict.CountSoft(Reason.valueOf(reason)));
            default -> assertThat(v).as(reply).isInstanceOf(Verdict.Ignore.class);
        }
    }

    @Test
    void aLostConnectionIsNeverTheRecipientsFault() {
        Verdict v = POLICY.judge(outcome(new DeliveryOutcome.ConnectionLost(Stage.RCPT, false, "Read timed out")));
        assertThat(v).isInstanceOfSatisfying(Verdict.Ignore.class, i -> assertThat(i.why()).contains("sender"));
    }

    @Test
    void aComplaintSuppressesUntilRemoved() {
        Evidence complaint = new Evidence.Complaint(Optional.of("send1"), "<arf@fbl>", "abuse", T0);
        Verdict v = POLICY.judge(complaint);
        assertThat(v).isEqualTo(new Verdict.Suppress(SuppressionKind.COMPLAINT, Reason.UNKNOWN));
        Suppression entry = POLICY.entry("Bob@Lab.test", (Verdict.Suppress) v, complaint, T0);
        assertThat(entry.address()).isEqualTo("bob@lab.test");
        assertThat(entry.until()).isEmpty();
        assertThat(entry.outcome().evidence()).isEqualTo("complaint (abuse) <arf@fbl> (send send1)");
    }

    @Test
    void aHardBounceSuppressesAtOnceUntilRemovedAndItsEntrySaysWhyWhenAndWhichSend() {
        Evidence e = outcome(DeliveryOutcome.classify(Stage.RCPT,
                "550 5.1.1 <nosuch@lab.test>: Recipient address rejected: User unknown in local recipient table"));
        Suppression entry = POLICY.entry("nosuch@lab.test", (Verdict.Suppress) POLICY.judge(e), e, T0.plusSeconds(5));
        assertThat(entry.kind()).isEqualTo(SuppressionKind.HARD_BOUNCE);
        assertThat(entry.since()).isEqualTo(T0);
        assertThat(entry.until()).isEmpty();
        assertThat(entry.cause().describe()).isEqualTo("RCPT 550 5.1.1 <nosuch@lab.test>: Recipient address rejected: "
                + "User unknown in local recipient table (send send1)");
    }

    @Test
    void evidenceDatedInTheFutureCountsFromNow() {
        Evidence e = new Evidence.Bounce("send1", "<n@mx>", DeliveryOutcome.classify(Stage.RCPT, "550 5.1.1 no such user"),
                T0.plus(Duration.ofDays(400)));
        Suppression entry = POLICY.entry("a@b.test", (Verdict.Suppress) POLICY.judge(e), e, T0);
        assertThat(entry.since()).isEqualTo(T0);
    }

    @Test
    void aDeliveryNoticeClearsSoftBouncesButAnAcceptanceOnlyWhenAsked() {
        assertThat(POLICY.judge(new Evidence.Delivery("send1", "<dsn@mx>", T0))).isInstanceOf(Verdict.ClearSoft.class);
        Evidence accepted = outcome(DeliveryOutcome.classify(Stage.RCPT, "250 2.1.5 Ok"));
        assertThat(POLICY.judge(accepted)).isInstanceOf(Verdict.Ignore.class);
        assertThat(POLICY.toBuilder().acceptanceClearsSoftBounces(true).build().judge(accepted))
                .isInstanceOf(Verdict.ClearSoft.class);
    }

    @Test
    void threeSoftBouncesOnThreeDaysSuppressForThirtyDaysFromTheThird() {
        List<SoftBounce> bounces = new ArrayList<>(List.of(full(T0, "a"), full(T0.plus(Duration.ofDays(3)), "b"),
                full(T0.plus(Duration.ofDays(6)), "c")));
        Collections.reverse(bounces);
        Optional<Suppression> entry = POLICY.afterSoftBounces("full@lab.test", bounces, T0.plus(Duration.ofDays(6)));
        assertThat(entry).hasValueSatisfying(e -> {
            assertThat(e.kind()).isEqualTo(SuppressionKind.SOFT_BOUNCES);
            assertThat(e.reason()).isEqualTo(Reason.MAILBOX_FULL);
            assertThat(e.since()).isEqualTo(T0.plus(Duration.ofDays(6)));
            assertThat(e.until()).contains(T0.plus(Duration.ofDays(36)));
            assertThat(e.cause().key()).isEqualTo("notice:c");
        });
    }

    @Test
    void softBouncesWithinADayCountOnceAndOldOnesNotAtAll() {
        List<SoftBounce> burst = List.of(full(T0, "a"), full(T0.plus(Duration.ofHours(1)), "b"),
                full(T0.plus(Duration.ofHours(23)), "c"));
        assertThat(POLICY.afterSoftBounces("full@lab.test", burst, T0.plus(Duration.ofDays(1)))).isEmpty();
        List<SoftBounce> spread = List.of(full(T0, "a"), full(T0.plus(Duration.ofDays(10)), "b"),
                full(T0.plus(Duration.ofDays(20)), "c"));
        assertThat(POLICY.afterSoftBounces("full@lab.test", spread, T0.plus(Duration.ofDays(20)))).isEmpty();
        SuppressionPolicy everyOne = POLICY.toBuilder().softBounceSpacing(Duration.ZERO).build();
        assertThat(everyOne.afterSoftBounces("full@lab.test", burst, T0.plus(Duration.ofDays(1)))).isPresent();
    }

    @Test
    void anEntryInForceIsReplacedOnlyByOneThatLastsLonger() {
        Suppression soft = POLICY.afterSoftBounces("x@lab.test", List.of(full(T0, "a"),
                full(T0.plus(Duration.ofDays(1)), "b"), full(T0.plus(Duration.ofDays(2)), "c")),
                T0.plus(Duration.ofDays(2))).orElseThrow();
        Evidence hardEvidence = outcome(DeliveryOutcome.classify(Stage.RCPT, "550 5.1.1 User unknown"));
        Suppression hard = POLICY.entry("x@lab.test", (Verdict.Suppress) POLICY.judge(hardEvidence), hardEvidence,
                T0.plus(Duration.ofDays(3)));
        Instant now = T0.plus(Duration.ofDays(3));
        assertThat(POLICY.replaces(Optional.of(soft), hard, now)).isTrue();
        assertThat(POLICY.replaces(Optional.of(hard), soft, now)).isFalse();
        assertThat(POLICY.replaces(Optional.of(hard), hard, now)).isFalse();
        Suppression complaint = POLICY.entry("x@lab.test", new Verdict.Suppress(SuppressionKind.COMPLAINT,
                Reason.UNKNOWN), new Evidence.Complaint(Optional.empty(), "<arf>", "abuse", now), now);
        assertThat(POLICY.replaces(Optional.of(hard), complaint, now)).as("as long: the first stays").isFalse();
        assertThat(POLICY.replaces(Optional.of(soft), soft, T0.plus(Duration.ofDays(90)))).as("expired").isTrue();
        assertThat(POLICY.replaces(Optional.empty(), soft, now)).isTrue();
    }

    @Test
    void settingsAreCheckedWithClearMessages() {
        assertThatThrownBy(() -> SuppressionPolicy.builder().softBounces(0, Duration.ofDays(1)))
                .hasMessage("threshold must be >= 1: 0");
        assertThatThrownBy(() -> SuppressionPolicy.builder().softBounces(2, Duration.ZERO))
                .hasMessage("window must be positive: PT0S");
        assertThatThrownBy(() -> SuppressionPolicy.builder().softBounceSpacing(Duration.ofSeconds(-1)))
                .hasMessage("spacing must be >= 0: PT-1S");
        assertThatThrownBy(() -> SuppressionPolicy.builder().expiry(SuppressionKind.HARD_BOUNCE, Duration.ZERO))
                .hasMessage("duration must be positive: PT0S");
        SuppressionPolicy p = SuppressionPolicy.builder().expiry(SuppressionKind.HARD_BOUNCE, Duration.ofDays(365))
                .noExpiry(SuppressionKind.SOFT_BOUNCES).build();
        assertThat(p.expiry(SuppressionKind.HARD_BOUNCE)).contains(Duration.ofDays(365));
        assertThat(p.expiry(SuppressionKind.SOFT_BOUNCES)).isEmpty();
        assertThat(p.toBuilder().build().expiry(SuppressionKind.HARD_BOUNCE)).contains(Duration.ofDays(365));
    }

    @Test
    void addressesAreKeyedInLowerCaseAndNonAddressesRefused() {
        assertThat(Addresses.key("  Bob@Example.COM ")).isEqualTo("bob@example.com");
        for (String bad : List.of("", "bob", "@example.com", "bob@", "bo b@example.com", "bob@x\r\ny.com",
                "a".repeat(320) + "@x.test")) {
            assertThatThrownBy(() -> Addresses.key(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("not an address").hasMessageNotContaining("\r");
        }
    }

    private static Evidence outcome(DeliveryOutcome outcome) {
        return new Evidence.Outcome(Optional.of("send1"), Optional.empty(), outcome, T0);
    }

    private static SoftBounce full(Instant at, String notice) {
        return new SoftBounce("full@lab.test", Reason.MAILBOX_FULL, at, new Evidence.Bounce("send-" + notice, notice,
                DeliveryOutcome.classify(Stage.RCPT, "552 5.2.2 Mailbox full"), at));
    }
}
