package org.mailoutcome.testkit;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.mailoutcome.testsupport.RawClient;

/** What the CHUNKING tests share: a server offering CHUNKING and PIPELINING, and a raw client in a transaction. */
abstract class ChunkingFixture {

    static final Duration WAIT = Duration.ofSeconds(5);

    SmtpServer server = SmtpServer.builder().chunking(true).pipelining(true).start();

    @AfterEach
    void close() {
        server.close();
    }

    /** Replaces the server by one with other options. */
    void restart(SmtpServer.Builder builder) {
        server.close();
        server = builder.start();
    }

    /** A client after EHLO, {@code MAIL FROM:<sender@client.test>} and {@code RCPT TO:<a@example.test>}. */
    RawClient inTransaction() throws IOException {
        return RawClient.greeted(server.host(), server.port()).startTransaction("sender@client.test", "a@example.test");
    }
}
