package org.mailoutcome.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailoutcome.testsupport.RawClient;

/**
 * Replays the client side of BDAT dialogues recorded from a real Postfix 3.7 against the testkit, configured as
 * that Postfix was ({@code message_size_limit = 1000000}, {@code reject@lab.test} refused), and expects the same
 * replies: the default dialogue of CHUNKING is Postfix's. Queue ids differ, and of the EHLO reply only CHUNKING as
 * its last keyword is compared (Postfix offers more extensions).
 */
class PostfixBdatTranscriptIT {

    static Stream<PostfixTranscript> transcripts() {
        return Stream.of("one-last-chunk", "several-chunks", "pipelined-group", "no-mail", "no-rcpt",
                "every-rcpt-rejected", "every-rcpt-rejected-pipelined", "syntax-letters", "syntax-missing",
                "syntax-negative", "syntax-huge", "syntax-not-last", "syntax-extra-word", "syntax-lenient",
                "data-after-bdat", "rcpt-after-bdat", "mail-after-bdat", "bdat-inside-data", "rset-between-chunks",
                "ehlo-between-chunks", "quit-between-chunks", "bdat-after-last", "null-chunk",
                "null-chunk-then-mail", "chunk-over-size", "chunks-over-size", "dots-are-octets", "not-advertised")
                .map(PostfixTranscript::load);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void testkitAnswersAsPostfixDid(PostfixTranscript transcript) throws IOException {
        SmtpServer.Builder builder = SmtpServer.builder().pipelining(true).maxMessageSize(1_000_000)
                .chunking(!transcript.name().equals("not-advertised"));
        try (SmtpServer server = builder.start();
                RawClient client = RawClient.greeted(server.host(), server.port())) {
            server.on(Verb.RCPT, "reject@lab.test")
                    .reply("554 5.7.1 <reject@lab.test>: Recipient address rejected: Access denied");
            for (PostfixTranscript.Exchange exchange : transcript.exchanges()) {
                client.write(exchange.write());
                for (String expected : exchange.replies()) {
                    if (expected.equals(PostfixTranscript.CLOSED)) {
                        assertThat(client.isClosedByServer()).as("closed after %s", exchange.replies()).isTrue();
                    } else {
                        assertThat(normalized(client.readReply())).isEqualTo(normalized(expected));
                    }
                }
            }
        }
    }

    private static String normalized(String reply) {
        if (reply.startsWith("250-")) {
            return "an EHLO reply " + (reply.endsWith("\n250 CHUNKING") ? "ending with CHUNKING" : "without it");
        }
        return reply.replaceAll("queued as [0-9A-F]+$", "queued as <id>");
    }
}
