package org.mailoutcome.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Stage;

class InMemoryDeliveryStoreTest {
    private static final Instant T = Instant.parse("2026-12-02T10:00:00Z");
    private static final Fate BOUNCED = new Fate.Bounced(DeliveryOutcome.classify(Stage.RCPT, "550 5.1.1 gone"), T);

    static SentMessage sent(String id, String messageId) {
        return new SentMessage(id, Optional.of(messageId), Optional.of("env" + id), Optional.of("verp" + id), T,
                "127.0.0.1:25", List.of(
                        TrackedRecipient.sent("a@x.test", "a@x.test", DeliveryOutcome.classify(Stage.RCPT, "250 ok")),
                        TrackedRecipient.sent("b@x.test", "b@x.test", DeliveryOutcome.classify(Stage.RCPT, "550 no"))));
    }

    @Test
    void aSendIsFoundByEachOfItsKeys() {
        InMemoryDeliveryStore store = new InMemoryDeliveryStore();
        SentMessage one = sent("s1", "<m@x>");
        store.record(one);

        assertThat(store.find("s1")).contains(one);
        assertThat(store.findByEnvelopeId("envs1")).contains(one);
        assertThat(store.findByVerpToken("verps1")).contains(one);
        assertThat(store.findByMessageId("<m@x>")).containsExactly(one);
        assertThat(store.find("nope")).isEmpty();
        assertThat(store.findByMessageId("<other@x>")).isEmpty();
    }

    @Test
    void sendsSharingAMessageIdAreListedNewestFirst() {
        InMemoryDeliveryStore store = new InMemoryDeliveryStore();
        store.record(sent("s1", "<m@x>"));
        store.record(sent("s2", "<m@x>"));

        assertThat(store.findByMessageId("<m@x>")).extracting(SentMessage::id).containsExactly("s2", "s1");
    }

    @Test
    void sendsAreFoundByTheirQueueIdNewestFirstUntilEvicted() {
        InMemoryDeliveryStore store = new InMemoryDeliveryStore(2);
        SentMessage one = sent("s1", "<m1@x>");
        SentMessage two = sent("s2", "<m2@x>");
        store.record(new SentMessage("s1", one.messageId(), one.envelopeId(), one.verpToken(), Optional.of("Q1"),
                T, one.server(), one.recipients()));
        store.record(new SentMessage("s2", two.messageId(), two.envelopeId(), two.verpToken(), Optional.of("Q1"),
                T, two.server(), two.recipients()));

        assertThat(store.findByQueueId("Q1")).extracting(SentMessage::id).containsExactly("s2", "s1");
        store.record(sent("s3", "<m3@x>"));
        assertThat(store.findByQueueId("Q1")).extracting(SentMessage::id).containsExactly("s2");
        assertThat(store.findByQueueId("Q2")).isEmpty();
    }

    @Test
    void aSendCannotBeRecordedTwice() {
        InMemoryDeliveryStore store = new InMemoryDeliveryStore();
        store.record(sent("s1", "<m@x>"));

        assertThatThrownBy(() -> store.record(sent("s1", "<m@x>"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("s1");
    }

    @Test
    void aNoticeMovesTheFateOnceAndIsADuplicateTheSecondTime() {
        InMemoryDeliveryStore store = new InMemoryDeliveryStore();
        store.record(sent("s1", "<m@x>"));

        FateUpdate first = store.update(new ReportedFate("s1", "A@x.test", BOUNCED, "<bounce1@mta>"));
        FateUpdate again = store.update(new ReportedFate("s1", "a@x.test", BOUNCED, "<bounce1@mta>"));

        assertThat(first).isInstanceOfSatisfying(FateUpdate.Applied.class, applied -> {
            assertThat(applied.previous()).isEqualTo(new Fate.Pending());
            assertThat(applied.recipient().fate()).isEqualTo(BOUNCED);
        });
        assertThat(again).isInstanceOf(FateUpdate.Duplicate.class);
        assertThat(store.find("s1").orElseThrow().recipient("a@x.test").orElseThrow().notices())
                .containsExactly("<bounce1@mta>");
    }

    @Test
    void aNoticeThatCannotMoveTheFateIsKeptAndRemembered() {
        InMemoryDeliveryStore store = new InMemoryDeliveryStore();
        store.record(sent("s1", "<m@x>"));
        store.update(new ReportedFate("s1", "a@x.test", BOUNCED, "<bounce1@mta>"));

        FateUpdate delay = store.update(new ReportedFate("s1", "a@x.test", new Fate.Delayed(T, Optional.empty()),
                "<delay1@mta>"));

        assertThat(delay).isInstanceOfSatisfying(FateUpdate.Kept.class,
                kept -> assertThat(kept.recipient().fate()).isEqualTo(BOUNCED));
        assertThat(store.update(new ReportedFate("s1", "a@x.test", BOUNCED, "<delay1@mta>")))
                .isInstanceOf(FateUpdate.Duplicate.class);
    }

    @Test
    void anUnknownSendOrRecipientIsNotFound() {
        InMemoryDeliveryStore store = new InMemoryDeliveryStore();
        store.record(sent("s1", "<m@x>"));

        assertThat(store.update(new ReportedFate("s9", "a@x.test", BOUNCED, "n"))).isInstanceOf(FateUpdate.NotFound.class);
        assertThat(store.update(new ReportedFate("s1", "z@x.test", BOUNCED, "n"))).isInstanceOf(FateUpdate.NotFound.class);
    }

    @Test
    void theOldestSendIsForgottenWhenTheStoreIsFull() {
        InMemoryDeliveryStore store = new InMemoryDeliveryStore(2);
        store.record(sent("s1", "<m1@x>"));
        store.record(sent("s2", "<m2@x>"));
        store.record(sent("s3", "<m3@x>"));

        assertThat(store.size()).isEqualTo(2);
        assertThat(store.find("s1")).isEmpty();
        assertThat(store.findByEnvelopeId("envs1")).isEmpty();
        assertThat(store.findByVerpToken("verps1")).isEmpty();
        assertThat(store.findByMessageId("<m1@x>")).isEmpty();
        assertThat(store.find("s3")).isPresent();
    }

    @Test
    void recentListsTheLastRecordedSendsNewestFirst() {
        InMemoryDeliveryStore store = new InMemoryDeliveryStore();
        store.record(sent("s1", "<m1@x>"));
        store.record(sent("s2", "<m2@x>"));
        store.record(sent("s3", "<m3@x>"));
        store.update(new ReportedFate("s3", "a@x.test", BOUNCED, "n1"));

        assertThat(store.recent(2)).extracting(SentMessage::id).containsExactly("s3", "s2");
        assertThat(store.recent(10)).extracting(SentMessage::id).containsExactly("s3", "s2", "s1");
        assertThatThrownBy(() -> store.recent(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unresolvedListsSendsWithARecipientWhoseFateIsNotFinalOldestFirst() {
        InMemoryDeliveryStore store = new InMemoryDeliveryStore();
        store.record(sent("s1", "<m1@x>"));
        store.record(sent("s2", "<m2@x>"));
        store.update(new ReportedFate("s1", "a@x.test", BOUNCED, "n1"));

        assertThat(store.unresolved(10)).extracting(SentMessage::id).containsExactly("s2");
        store.update(new ReportedFate("s2", "a@x.test", new Fate.Delivered(T), "n2"));
        assertThat(store.unresolved(10)).extracting(SentMessage::id).containsExactly("s2");
        assertThatThrownBy(() -> store.unresolved(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameNoticeIngestedOnManyThreadsAtOnceIsAppliedExactlyOnce() throws Exception {
        InMemoryDeliveryStore store = new InMemoryDeliveryStore();
        store.record(sent("s1", "<m@x>"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<FateUpdate>> tasks = new ArrayList<>();
            for (int i = 0; i < 64; i++) tasks.add(() -> store.update(new ReportedFate("s1", "a@x.test", BOUNCED, "n")));
            List<FateUpdate> results = new ArrayList<>();
            for (Future<FateUpdate> f : pool.invokeAll(tasks)) results.add(f.get());

            assertThat(results).filteredOn(FateUpdate.Applied.class::isInstance).hasSize(1);
            assertThat(results).filteredOn(FateUpdate.Duplicate.class::isInstance).hasSize(63);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSendIdIsLettersAndDigitsOnly() {
        assertThatThrownBy(() -> sent("a+b", "<m@x>")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sent("", "<m@x>")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sent("x".repeat(65), "<m@x>")).isInstanceOf(IllegalArgumentException.class);
    }
}
