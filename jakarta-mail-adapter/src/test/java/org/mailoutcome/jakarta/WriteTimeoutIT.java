package org.mailoutcome.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.DeliveryOutcome.ConnectionLost;
import org.mailoutcome.Stage;
import org.mailoutcome.testkit.Gate;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.testkit.Verb;

/**
 * A server that stops reading in the middle of the message: the client's write blocks once the socket buffers are
 * full, and only the write timeout can end it (the read timeout is far longer and no reply is awaited).
 */
class WriteTimeoutIT {
    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    @Test
    void blockedWriteDuringTheMessageEndsAtTheWriteTimeoutAsNotDelivered() throws Exception {
        Gate gate = new Gate();
        smtp.on(Verb.MESSAGE_DATA).holdUntil(gate);        // after the 354 the server reads nothing more
        Session session = Mails.session(smtp.server());
        try (OutcomeMailer mailer = OutcomeMailer.builder(session).writeTimeout(Duration.ofMillis(300))
                .readTimeout(Duration.ofSeconds(30)).build()) {
            MimeMessage message = Mails.message(session, "a@example.test", "b@example.test");
            message.setText("x".repeat(76).concat("\r\n").repeat(200_000)); // about 15 MB: more than any buffer

            long start = System.nanoTime();
            DeliveryReport report = mailer.send(message);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(report.recipients()).hasSize(2).allSatisfy(r -> assertThat(r.outcome())
                    .isInstanceOfSatisfying(ConnectionLost.class, lost -> {
                        assertThat(lost.stage()).isEqualTo(Stage.MESSAGE);
                        assertThat(lost.isMaybeDelivered()).isFalse();
                    }));
            // far below the 30 s read timeout: the write timeout ended it
            assertThat(took).isLessThan(Duration.ofSeconds(15));
        } finally {
            gate.release();
        }
        assertThat(smtp.messages()).isEmpty();
    }
}
