package org.mailoutcome.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mailoutcome.testkit.ReceivedMessage;

class RecordingsTest {

    private final Recordings recordings = new Recordings();

    private ReceivedMessage message(String id) {
        return new ReceivedMessage(id, "", List.of("a@x"), new byte[0], false, new SessionLog(1).snapshot());
    }

    @Test
    void awaitMessagesReturnsOnceEnoughAreRecorded() throws Exception {
        CompletableFuture<List<ReceivedMessage>> waiting =
                CompletableFuture.supplyAsync(() -> recordings.awaitMessages(2, Duration.ofSeconds(5)));
        recordings.add(message("1"), recordings.generation());
        recordings.add(message("2"), recordings.generation());
        assertThat(waiting.get(5, TimeUnit.SECONDS)).extracting(ReceivedMessage::id).containsExactly("1", "2");
    }

    @Test
    void awaitMessagesFailsListingWhatWasRecorded() {
        recordings.add(message("1"), recordings.generation());
        assertThatThrownBy(() -> recordings.awaitMessages(2, Duration.ofMillis(20)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected at least 2 messages within PT0.02S but got [ReceivedMessage[id=1");
    }

    @Test
    void connectionsAreCountedAndSessionsNumberedFromOne() {
        SessionLog first = recordings.connectionOpened();
        recordings.connectionOpened();
        recordings.connectionClosed();
        assertThat(first.snapshot().id()).isEqualTo(1);
        assertThat(recordings.openConnections()).isEqualTo(1);
        assertThat(recordings.connectionsAccepted()).isEqualTo(2);
        assertThat(recordings.sessions()).extracting(s -> s.id()).containsExactly(1, 2);
    }

    @Test
    void clearKeepsOpenConnectionsCounted() {
        recordings.connectionOpened();
        recordings.add(message("1"), recordings.generation());
        recordings.clear();
        assertThat(recordings.sessions()).isEmpty();
        assertThat(recordings.messages()).isEmpty();
        assertThat(recordings.connectionsAccepted()).isZero();
        assertThat(recordings.openConnections()).isEqualTo(1);
    }

    @Test
    void clearFencesOffMessagesOfTransactionsBegunBeforeIt() {
        long before = recordings.generation();
        recordings.clear();
        assertThat(recordings.add(message("late"), before)).isFalse();
        assertThat(recordings.add(message("fresh"), recordings.generation())).isTrue();
        assertThat(recordings.messages()).extracting(ReceivedMessage::id).containsExactly("fresh");
    }

    @Test
    void awaitOpenConnectionsFailsWithTheCount() {
        recordings.connectionOpened();
        assertThatThrownBy(() -> recordings.awaitOpenConnections(0, Duration.ofMillis(20)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("but 1 are open");
    }

    @Test
    void sessionLogAbbreviatesHugeReplies() {
        SessionLog log = new SessionLog(1);
        log.reply(ServerReply.line("250 " + "x".repeat(5000)));
        String recorded = log.snapshot().replies().get(0);
        assertThat(recorded).startsWith("250 xxx").endsWith("...[5004 characters]").hasSize(100 + 20);
    }
}
