package org.mailoutcome.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.DeliveryOutcome.ConnectionLost;
import org.mailoutcome.DeliveryOutcome.ServiceUnavailable;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.RecipientOutcome;

/**
 * Reports of transactions whose message went with BDAT in the flight: the chunks decide the message, and since the
 * end of data went with MAIL and the RCPTs, a reply lost anywhere in the flight leaves the message maybe delivered,
 * unless the server closed before answering anything or a 421 had announced the close.
 */
class ReportBuilderChunkedTest {
    private final Transcript transcript = new Transcript();

    private void exchange(String command, String reply) {
        transcript.commandSent(command);
        if (reply == null) transcript.replyLost(ReadReply.CLOSED);
        else transcript.replyReceived(reply);
    }

    private List<DeliveryOutcome> outcomes(String... addresses) throws AddressException {
        List<InternetAddress> envelope = new ArrayList<>();
        for (String a : addresses) envelope.add(new InternetAddress(a));
        DeliveryReport report = ReportBuilder.report(envelope, transcript.exchanges(), Failure.NONE, Optional.empty());
        return report.recipients().stream().map(RecipientOutcome::outcome).toList();
    }

    private void flight(String mailReply, String rcpt1, String rcpt2, String lastChunk) {
        transcript.clear();
        exchange("MAIL FROM:<s@client.test>", mailReply);
        exchange("RCPT TO:<a@example.test>", rcpt1);
        exchange("RCPT TO:<b@example.test>", rcpt2);
        exchange("BDAT 300 LAST", lastChunk);
    }

    @Test
    void theLastChunksReplyIsTheMessageOutcomeOfTheAcceptedRecipients() throws Exception {
        flight("250 2.1.0 Ok", "250 2.1.5 Ok", "550 5.1.1 unknown", "250 2.0.0 Ok: 300 bytes queued as Q1");
        List<DeliveryOutcome> outcomes = outcomes("a@example.test", "b@example.test");
        assertThat(outcomes.get(0).code()).hasValue(250);
        assertThat(outcomes.get(1).code()).hasValue(550);
    }

    @Test
    void aReplyLostAfterTheServerAnsweredLeavesTheMessageMaybeDelivered() throws Exception {
        flight("250 2.1.0 Ok", "250 2.1.5 Ok", null, null);
        assertThat(outcomes("a@example.test", "b@example.test")).allSatisfy(o -> assertThat(o)
                .isInstanceOfSatisfying(ConnectionLost.class, lost -> assertThat(lost.isMaybeDelivered()).isTrue()));
    }

    @Test
    void aServerThatClosedBeforeAnsweringAnythingTookNothing() throws Exception {
        flight(null, null, null, null);
        assertThat(outcomes("a@example.test", "b@example.test")).allSatisfy(o -> assertThat(o)
                .isInstanceOfSatisfying(ConnectionLost.class, lost -> assertThat(lost.isMaybeDelivered()).isFalse()));
    }

    @Test
    void aServiceUnavailableExplainsTheRepliesLostAfterIt() throws Exception {
        flight("250 2.1.0 Ok", "421 4.3.2 Service not available, closing transmission channel", null, null);
        assertThat(outcomes("a@example.test", "b@example.test")).allSatisfy(o -> assertThat(o)
                .isInstanceOf(ServiceUnavailable.class));
    }

    @Test
    void anUnparseableReplyToTheLastChunkIsAsIfNoneCame() throws Exception {
        flight("250 2.1.0 Ok", "250 2.1.5 Ok", "250 2.1.5 Ok", "zzz garbage");
        assertThat(outcomes("a@example.test", "b@example.test")).allSatisfy(o -> assertThat(o)
                .isInstanceOfSatisfying(ConnectionLost.class, lost -> assertThat(lost.isMaybeDelivered()).isTrue()));
    }

    @Test
    void aLastChunkThatCouldNotBeWrittenIsNoDelivery() throws Exception {
        transcript.clear();
        exchange("MAIL FROM:<s@client.test>", "250 2.1.0 Ok");
        exchange("RCPT TO:<a@example.test>", "250 2.1.5 Ok");
        transcript.commandSent("BDAT 300 LAST");
        transcript.commandFailed(new java.io.IOException("Broken pipe"));
        assertThat(outcomes("a@example.test")).singleElement().isInstanceOfSatisfying(ConnectionLost.class,
                lost -> {
                    assertThat(lost.isMaybeDelivered()).isFalse();
                    assertThat(lost.cause()).hasValueSatisfying(c -> assertThat(c.message()).isEqualTo("Broken pipe"));
                });
    }
}
