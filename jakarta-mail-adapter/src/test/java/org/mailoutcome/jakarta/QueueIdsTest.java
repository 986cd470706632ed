package org.mailoutcome.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailoutcome.SmtpReply;
import org.mailoutcome.jakarta.internal.QueueIds;

/** The queue id in end-of-data replies of real servers. */
class QueueIdsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "250 2.0.0 Ok: queued as 4XyZ12|4XyZ12",
        "250 Ok: queued as 4Xh1yS0qz9z9kLM|4Xh1yS0qz9z9kLM",
        "250 2.0.0 Ok: Queued as: 4XyZ12|4XyZ12",
        "250 OK id=1rAbCd-000123-4x|1rAbCd-000123-4x",
        "250 2.0.0 7AQ8hX9s012345 Message accepted for delivery|7AQ8hX9s012345",
        "250 2.6.0 <msgid@host> [InternalId=123, Hostname=x] Queued mail for delivery|123",
        "250 2.0.0 OK  1700000000 a1si123456abc.12 - gsmtp|a1si123456abc.12",
        "250 ok 1700000000 qp 12345|12345",
        "250 2.0.0 Ok: queued as <4XyZ12>.|4XyZ12",
        "250 Ok 0100018c2f1e4b7a-5d3c1f0e-9a8b-4c7d-8e6f-1a2b3c4d5e6f-000000|"
            + "0100018c2f1e4b7a-5d3c1f0e-9a8b-4c7d-8e6f-1a2b3c4d5e6f-000000",
        "250 2.0.0 Ok <0100018c2f1e4b7a-000000>|0100018c2f1e4b7a-000000",
    })
    void queueIdIsFoundInEachServersPhrasing(String reply, String id) {
        assertThat(QueueIds.from(SmtpReply.parse(reply))).contains(id);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "250 2.0.0 Ok",
        "250 OK",
        "250 2.0.0 Ok: queued as",
        "250 2.0.0 Message accepted for delivery",
        "250 2.0.0 OK 1700000000 - gsmtp",
        "250 ok qp",
        "250 ok 1700000000 qp notanumber",
        "250 2.6.0 <msgid@host> Queued mail for delivery",
        "250 Ok 2.0.0",
        "250 Ok thanks very much",
    })
    void replyWithoutQueueIdGivesEmpty(String reply) {
        assertThat(QueueIds.from(SmtpReply.parse(reply))).isEmpty();
    }

    @Test
    void queueIdIsFoundOnALaterLineOfAMultiLineReply() {
        assertThat(QueueIds.from(SmtpReply.parse("250-2.0.0 Thanks\n250 2.0.0 Ok: queued as ABC123")))
                .isEqualTo(Optional.of("ABC123"));
    }

    @Test
    void aTokenTooLongToBeAQueueIdIsIgnored() {
        assertThat(QueueIds.from(SmtpReply.parse("250 Ok: queued as " + "x".repeat(129)))).isEmpty();
    }

    @Test
    void hugeRepliesFullOfNearMatchesAreScannedInLinearTime() {
        String hostile = "250 " + "queued - qp id= Message accepted ".repeat(40_000);
        Optional<String> id = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> QueueIds.from(SmtpReply.parse(hostile)));
        assertThat(id).isEmpty();
    }
}
