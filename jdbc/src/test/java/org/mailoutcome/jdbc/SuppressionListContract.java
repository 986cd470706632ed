package org.mailoutcome.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Reason;
import org.mailoutcome.Stage;
import org.mailoutcome.SuppressionKind;
import org.mailoutcome.testsupport.Concurrently;
import org.mailoutcome.tracking.Evidence;
import org.mailoutcome.tracking.Provider;
import org.mailoutcome.tracking.Suppression;
import org.mailoutcome.tracking.SuppressionChange;
import org.mailoutcome.tracking.SuppressionList;
import org.mailoutcome.tracking.SuppressionPolicy;

/**
 * What every {@link SuppressionList} must do, run on the in-memory list, on H2 and on PostgreSQL: the same
 * evidence counts once, soft bounces add up to a suppression, entries come back equal, concurrent recorders agree.
 */
abstract class SuppressionListContract {
    static final Instant T = Instant.parse("2026-12-01T10:00:00.123456Z");
    static final DeliveryOutcome UNKNOWN = DeliveryOutcome.classify(Stage.RCPT,
            "550 5.1.1 <gone@lab.test>: Recipient address rejected: User unknown in local recipient table");
    static final DeliveryOutcome FULL = DeliveryOutcome.classify(Stage.RCPT,
            "552 5.2.2 <full@lab.test>: Recipient address rejected: Mailbox full");

    /** A new, empty list with this policy. */
    abstract SuppressionList list(SuppressionPolicy policy) throws Exception;

    SuppressionList list() throws Exception {
        return list(SuppressionPolicy.defaults());
    }

    static Evidence outcome(String send, DeliveryOutcome outcome, Instant at) {
        return new Evidence.Outcome(Optional.of(send), Optional.of("<" + send + "@client.test>"), outcome, at);
    }

    static Evidence bounce(String notice, DeliveryOutcome outcome, Instant at) {
        return new Evidence.Bounce("send1", notice, outcome, at);
    }

    @Test
    void aHardBounceSuppressesOnceAndItsEntryComesBackEqual() throws Exception {
        SuppressionList list = list();
        Evidence e = outcome("s1", UNKNOWN, T);

        SuppressionChange first = list.record("Gone@Lab.test", e, T.plusSeconds(1));
        SuppressionChange again = list.record("gone@lab.test", e, T.plusSeconds(2));

        assertThat(first).isInstanceOfSatisfying(SuppressionChange.Suppressed.class, s -> {
            assertThat(s.entry().address()).isEqualTo("gone@lab.test");
            assertThat(s.entry().kind()).isEqualTo(SuppressionKind.HARD_BOUNCE);
            assertThat(s.entry().since()).isEqualTo(T);
        });
        assertThat(again).isInstanceOf(SuppressionChange.AlreadySuppressed.class);
        assertThat(list.find("GONE@lab.test")).contains(((SuppressionChange.Suppressed) first).entry());
        assertThat(list.check(List.of("gone@lab.test", "other@lab.test"), T.plusSeconds(3)))
                .containsOnlyKeys("gone@lab.test");
    }

    @Test
    void evidenceTheSenderCausedIsIgnoredAndNothingIsStored() throws Exception {
        SuppressionList list = list();
        DeliveryOutcome relay = DeliveryOutcome.classify(Stage.RCPT, "554 5.7.1 <x@remote.example>: Relay access denied");

        assertThat(list.record("x@remote.example", outcome("s1", relay, T), T)).isInstanceOf(SuppressionChange.Ignored.class);
        assertThat(list.find("x@remote.example")).isEmpty();
        assertThat(list.softBounces("x@remote.example")).isEmpty();
    }

    @Test
    void everyKindOfEvidenceComesBackEqual() throws Exception {
        SuppressionList list = list();
        List<Suppression> entries = List.of(
                new Suppression("a@lab.test", SuppressionKind.HARD_BOUNCE, Reason.USER_UNKNOWN, T, Optional.empty(),
                        new Evidence.Outcome(Optional.empty(), Optional.empty(), UNKNOWN, T)),
                new Suppression("b@lab.test", SuppressionKind.HARD_BOUNCE, Reason.USER_UNKNOWN, T, Optional.empty(),
                        bounce("<n1@mx.test>", UNKNOWN, T)),
                new Suppression("c@lab.test", SuppressionKind.COMPLAINT, Reason.UNKNOWN, T, Optional.empty(),
                        new Evidence.Complaint(Optional.of("s9"), "<fbl@isp.test>", "abuse", T)),
                new Suppression("d@lab.test", SuppressionKind.SOFT_BOUNCES, Reason.MAILBOX_FULL, T,
                        Optional.of(T.plus(Duration.ofDays(30))), new Evidence.Delivery("s8", "<d@mx.test>", T)),
                Suppression.manual("e@lab.test", "asked on the phone, ticket #12", T, Optional.empty()),
                new Suppression("f@lab.test", SuppressionKind.HARD_BOUNCE, Reason.NETWORK, T, Optional.empty(),
                        outcome("s7", new DeliveryOutcome.ConnectionLost(Stage.RCPT, false, "Read timed out"), T)),
                new Suppression("g@lab.test", SuppressionKind.PROVIDER, Reason.UNKNOWN, T, Optional.empty(),
                        new Evidence.Reported(Provider.SPARKPOST, Optional.of("s6"), "sparkpost:9f2c",
                                "policy_rejection: 554 5.7.1 recipient address suppressed due to customer policy", T)));
        entries.forEach(list::put);

        for (Suppression e : entries) assertThat(list.find(e.address())).contains(e);
    }

    @Test
    void softBouncesCountOncePerEvidenceAndSuppressAtTheThreshold() throws Exception {
        SuppressionList list = list();
        Instant now = T.plus(Duration.ofDays(5));
        for (int day = 0; day < 3; day++) {
            Evidence e = bounce("<f" + day + "@mx.test>", FULL, T.plus(Duration.ofDays(day)));
            SuppressionChange change = list.record("full@lab.test", e, now);
            SuppressionChange again = list.record("full@lab.test", e, now);
            if (day < 2) {
                assertThat(change).isInstanceOf(SuppressionChange.Counted.class);
                assertThat(((SuppressionChange.Counted) change).softBounces()).hasSize(day + 1);
                assertThat(((SuppressionChange.Counted) again).softBounces()).hasSize(day + 1);
            } else {
                assertThat(change).isInstanceOf(SuppressionChange.Suppressed.class);
                assertThat(again).isInstanceOf(SuppressionChange.AlreadySuppressed.class);
            }
        }
        Suppression entry = list.find("full@lab.test").orElseThrow();
        assertThat(entry.kind()).isEqualTo(SuppressionKind.SOFT_BOUNCES);
        assertThat(entry.since()).isEqualTo(T.plus(Duration.ofDays(2)));
        assertThat(entry.until()).contains(T.plus(Duration.ofDays(32)));
        assertThat(list.softBounces("full@lab.test")).extracting(b -> b.cause().key())
                .containsExactly("notice:<f0@mx.test>", "notice:<f1@mx.test>", "notice:<f2@mx.test>");
    }

    @Test
    void aDeliveryClearsTheSoftBouncesAndTheSuppressionTheyMadeButNotAHardOne() throws Exception {
        SuppressionList list = list(SuppressionPolicy.builder().softBounces(1, Duration.ofDays(1)).build());
        list.record("full@lab.test", bounce("<f@mx.test>", FULL, T), T);
        list.record("gone@lab.test", outcome("s1", UNKNOWN, T), T);
        assertThat(list.find("full@lab.test")).isPresent();

        Evidence delivered = new Evidence.Delivery("s2", "<ok@mx.test>", T.plusSeconds(60));
        assertThat(list.record("full@lab.test", delivered, T.plusSeconds(60)))
                .isEqualTo(new SuppressionChange.Cleared(1, true));
        assertThat(list.record("gone@lab.test", delivered, T.plusSeconds(60)))
                .isEqualTo(new SuppressionChange.Cleared(0, false));

        assertThat(list.find("full@lab.test")).isEmpty();
        assertThat(list.softBounces("full@lab.test")).isEmpty();
        assertThat(list.find("gone@lab.test")).isPresent();
    }

    @Test
    void aLongerEntryReplacesAShorterOneButNotTheOtherWay() throws Exception {
        SuppressionList list = list(SuppressionPolicy.builder().softBounces(1, Duration.ofDays(1)).build());
        list.record("x@lab.test", bounce("<f@mx.test>", FULL, T), T);
        assertThat(list.record("x@lab.test", outcome("s2", UNKNOWN, T.plusSeconds(5)), T.plusSeconds(5)))
                .isInstanceOf(SuppressionChange.Suppressed.class);
        assertThat(list.record("x@lab.test", bounce("<f2@mx.test>", FULL, T.plusSeconds(9)), T.plusSeconds(9)))
                .isInstanceOf(SuppressionChange.AlreadySuppressed.class);
        assertThat(list.find("x@lab.test").orElseThrow().kind()).isEqualTo(SuppressionKind.HARD_BOUNCE);
    }

    @Test
    void putReplacesAndRemoveForgetsTheEntryAndTheSoftBounces() throws Exception {
        SuppressionList list = list();
        list.record("x@lab.test", outcome("s1", UNKNOWN, T), T);
        list.record("y@lab.test", bounce("<f@mx.test>", FULL, T), T);
        Suppression manual = Suppression.manual("x@lab.test", "unsubscribed", T.plusSeconds(1), Optional.empty());
        list.put(manual);
        assertThat(list.find("x@lab.test")).contains(manual);

        assertThat(list.remove("X@lab.test")).isTrue();
        assertThat(list.remove("y@lab.test")).as("soft bounces only").isTrue();
        assertThat(list.remove("x@lab.test")).isFalse();
        assertThat(list.find("x@lab.test")).isEmpty();
        assertThat(list.softBounces("y@lab.test")).isEmpty();
    }

    @Test
    void listPagesTheEntriesInForceInAddressOrderAndExportShowsTheExpiredToo() throws Exception {
        SuppressionList list = list();
        for (String a : List.of("d@lab.test", "a@lab.test", "c@lab.test", "b@lab.test")) {
            list.put(Suppression.manual(a, "", T, Optional.empty()));
        }
        list.put(Suppression.manual("old@lab.test", "", T, Optional.of(T.plusSeconds(1))));
        Instant now = T.plusSeconds(10);

        List<Suppression> first = list.list(now, Optional.empty(), 2);
        List<Suppression> second = list.list(now, Optional.of(first.get(1).address()), 2);
        List<Suppression> third = list.list(now, Optional.of(second.get(1).address()), 2);

        assertThat(first).extracting(Suppression::address).containsExactly("a@lab.test", "b@lab.test");
        assertThat(second).extracting(Suppression::address).containsExactly("c@lab.test", "d@lab.test");
        assertThat(third).isEmpty();
        List<String> exported = new ArrayList<>();
        list.export(e -> exported.add(e.address()));
        assertThat(exported).containsExactly("a@lab.test", "b@lab.test", "c@lab.test", "d@lab.test", "old@lab.test");
        assertThat(list.check(List.of("old@lab.test"), now)).isEmpty();
    }

    @Test
    void twoRecordersOfTheSameBounceAtOnceSuppressOnce() throws Exception {
        SuppressionList list = list();
        for (int round = 0; round < 10; round++) {
            String address = "r" + round + "@lab.test";
            Evidence e = bounce("<same" + round + "@mx.test>", UNKNOWN, T);
            List<SuppressionChange> changes = Concurrently.run(() -> list.record(address, e, T), () -> list.record(address, e, T));
            assertThat(changes).filteredOn(c -> c instanceof SuppressionChange.Suppressed).as(address).hasSize(1);
            assertThat(changes).filteredOn(c -> c instanceof SuppressionChange.AlreadySuppressed).hasSize(1);
        }
    }

    @Test
    void twoRecordersOfDifferentSoftBouncesAtOnceNeverBothMissTheThreshold() throws Exception {
        SuppressionList list = list(SuppressionPolicy.builder().softBounces(2, Duration.ofDays(1))
                .softBounceSpacing(Duration.ZERO).build());
        for (int round = 0; round < 10; round++) {
            String address = "s" + round + "@lab.test";
            Evidence a = bounce("<a" + round + "@mx.test>", FULL, T);
            Evidence b = bounce("<b" + round + "@mx.test>", FULL, T.plusSeconds(1));
            Concurrently.run(() -> list.record(address, a, T.plusSeconds(2)), () -> list.record(address, b, T.plusSeconds(2)));
            assertThat(list.find(address)).as(address).isPresent();
            assertThat(list.softBounces(address)).hasSize(2);
        }
    }
}
