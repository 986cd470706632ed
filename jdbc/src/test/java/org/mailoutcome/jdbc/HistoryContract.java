package org.mailoutcome.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.EnhancedStatus;
import org.mailoutcome.Stage;
import org.mailoutcome.jdbc.internal.DeliveryRecords;
import org.mailoutcome.jdbc.internal.Transactions;
import org.mailoutcome.tracking.Evidence;
import org.mailoutcome.tracking.Fate;
import org.mailoutcome.tracking.HistoryEvent;
import org.mailoutcome.tracking.MovedAddress;
import org.mailoutcome.tracking.ReportedFate;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.TrackedRecipient;

/** The history of an address, read from the JDBC stores on H2 and on PostgreSQL. */
abstract class HistoryContract extends OnADatabase {
    static final Instant T = Instant.parse("2026-12-01T10:00:00.123456Z");
    static final DeliveryOutcome OK = DeliveryOutcome.classify(Stage.RCPT, "250 2.1.5 Ok");
    static final DeliveryOutcome GREY = DeliveryOutcome.classify(Stage.RCPT, "451 4.7.1 Greylisted, try again later");
    static final DeliveryOutcome UNKNOWN = DeliveryOutcome.classify(Stage.RCPT,
            "550-5.1.1 The email account that you tried to reach does not exist.\n550 5.1.1 Please check");


    static Instant at(int minutes) {
        return T.plus(Duration.ofMinutes(minutes));
    }

    static SentMessage send(String id, Instant at, String address, String finalAddress, DeliveryOutcome... outcomes) {
        List<TrackedRecipient.Attempt> attempts = new java.util.ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            attempts.add(new TrackedRecipient.Attempt(i == outcomes.length - 1 ? finalAddress : address, outcomes[i], 0,
                    at));
        }
        return new SentMessage(id, Optional.of("<" + id + "@client.test>"), Optional.of(id), Optional.empty(), at,
                "127.0.0.1:25", List.of(TrackedRecipient.sent(address, attempts),
                        TrackedRecipient.sent("other@lab.test", List.of(new TrackedRecipient.Attempt("other@lab.test",
                                OK, 0, at)))));
    }

    @Test
    void everyEventOfAnAddressComesBackOldestFirst() throws Exception {
        JdbcDeliveryStore store = JdbcDeliveryStore.create(db.dataSource());
        Clock fixed = Clock.fixed(at(30), ZoneOffset.UTC);
        JdbcSuppressionList list = JdbcSuppressionList.builder(db.dataSource()).clock(fixed).build();
        JdbcAddressBook book = JdbcAddressBook.create(db.dataSource());
        store.record(send("s1", at(0), "bob@lab.test", "bob@lab.test", OK));
        store.update(new ReportedFate("s1", "bob@lab.test", new Fate.Delayed(at(10),
                Optional.of(EnhancedStatus.parse("4.4.1"))), "<d1@mx>"));
        store.update(new ReportedFate("s1", "bob@lab.test", new Fate.Bounced(UNKNOWN, at(20)), "<b1@mx>"));
        store.update(new ReportedFate("s1", "bob@lab.test", new Fate.Delayed(at(21), Optional.empty()), "<d2@mx>"));
        list.record("bob@lab.test", new Evidence.Bounce("s1", "<b1@mx>", UNKNOWN, at(20)), at(30));
        JdbcSuppressionList.builder(db.dataSource()).clock(Clock.fixed(at(40), ZoneOffset.UTC)).build()
                .remove("bob@lab.test");
        book.learn(new MovedAddress("bob@lab.test", "robert@lab.test", new Evidence.Manual("new job", at(50))));
        store.record(send("s2", at(60), "bob@lab.test", "robert@lab.test", GREY));
        Transactions.inTransaction(db.dataSource(), c -> DeliveryRecords.retried(c, "s2", "bob@lab.test",
                new TrackedRecipient.Attempt("robert@lab.test", OK, 1, at(70))));

        List<HistoryEvent> bob = JdbcHistory.create(db.dataSource()).of("Bob@Lab.test");

        assertThat(bob).extracting(e -> e.name() + " " + e.sendId().orElse("-")).containsExactly("Sent s1",
                "Noticed s1", "Noticed s1", "Noticed s1", "Suppressed s1", "Unsuppressed -", "Moved -", "Sent s2",
                "Retried s2");
        assertThat(bob).extracting(HistoryEvent::at).isSorted();
        assertThat(bob.get(0)).isInstanceOfSatisfying(HistoryEvent.Sent.class, s -> {
            assertThat(s.at()).isEqualTo(at(0));
            assertThat(s.messageId()).contains("<s1@client.test>");
            assertThat(s.outcome()).isEqualTo(OK);
            assertThat(s.attempts()).hasSize(1);
        });
        assertThat(bob.subList(1, 4)).extracting(e -> ((HistoryEvent.Noticed) e).fate().name() + " "
                + ((HistoryEvent.Noticed) e).applied()).containsExactly("Delayed true", "Bounced true", "Delayed false");
        assertThat(bob.get(4)).isInstanceOfSatisfying(HistoryEvent.Suppressed.class, s -> {
            assertThat(s.at()).isEqualTo(at(30));
            assertThat(s.entry().cause().key()).isEqualTo("notice:<b1@mx>");
        });
        assertThat(bob.get(5)).isEqualTo(new HistoryEvent.Unsuppressed(at(40), "removed"));
        assertThat(bob.get(7)).isInstanceOfSatisfying(HistoryEvent.Sent.class,
                s -> assertThat(s.outcome()).isEqualTo(GREY));
        assertThat(bob.get(8)).isInstanceOfSatisfying(HistoryEvent.Retried.class, r -> {
            assertThat(r.attempt().address()).isEqualTo("robert@lab.test");
            assertThat(r.attempt().round()).isEqualTo(1);
        });

        assertThat(JdbcHistory.create(db.dataSource()).of("robert@lab.test")).extracting(HistoryEvent::name)
                .containsExactly("Moved", "Sent", "Retried");
        assertThat(JdbcHistory.create(db.dataSource()).of("nobody@lab.test")).isEmpty();
    }
}
