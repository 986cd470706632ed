package org.mailoutcome.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.testkit.Verb;

/** The durable-retry suite on PostgreSQL 15 (started by test-support's {@code PostgresServer}), a schema per test. */
class PostgresDurableRetriesIT extends DurableRetriesContract {
    private static final int RECIPIENTS = 200;

    @Override
    Database open(ExtensionContext context) {
        return new Database(PostgresExtension.server(context).freshSchemaUrl());
    }

    @Test
    void twoWorkerJvmsOnOneDatabaseDeliverEachOf200DeferredRecipientsExactlyOnce() throws Exception {
        for (int i = 0; i < RECIPIENTS; i++) smtp.on(Verb.RCPT, "r" + i + "@example.test").times(1).reply(GREYLISTED);
        JdbcRetries retries = retries();
        List<ChildJvm> workers = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                workers.add(ChildJvm.start("work", db.url(), Integer.toString(smtp.server().port())));
            }
            for (ChildJvm w : workers) w.awaitLine("started", WAIT);
            List<String> ids = new ArrayList<>();
            try (OutcomeMailer mailer = mailer(retries, policy(Duration.ofMillis(500)))) {
                for (int i = 0; i < RECIPIENTS; i++) {
                    ids.add(sendId(mailer.send(WorkerProcess.message(session(), "r" + i + "@example.test"))));
                }
            }
            Poll.until(Duration.ofSeconds(120), "all 200 recipients done", () -> retries.pending().isEmpty());
            int rounds = 0;
            for (ChildJvm w : workers) {
                w.stop();
                String line = w.awaitLine("rounds ", WAIT);
                System.out.println("jdbc: worker JVM ran " + line);
                rounds += Integer.parseInt(line.substring("rounds ".length()));
            }
            assertThat(rounds).as("retry rounds run by the two JVMs").isEqualTo(RECIPIENTS);
            assertThat(ids).hasSize(RECIPIENTS).doesNotHaveDuplicates();
        } finally {
            for (ChildJvm w : workers) w.close();
        }
        assertThat(smtp.messages()).hasSize(RECIPIENTS);
        assertThat(IntStream.range(0, RECIPIENTS).mapToLong(i -> received("r" + i + "@example.test")))
                .containsOnly(1L);
    }
}
