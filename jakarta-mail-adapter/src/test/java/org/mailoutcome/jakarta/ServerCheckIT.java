package org.mailoutcome.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Stage;
import org.mailoutcome.testkit.Gate;
import org.mailoutcome.testkit.SmtpServer;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.testkit.Verb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ServerCheckIT {
    @RegisterExtension
    SmtpServerExtension smtp = new SmtpServerExtension(SmtpServer.builder().auth("app", "secret"));

    private OutcomeMailer mailer() {
        return OutcomeMailer.builder(Mails.session(smtp.server())).credentials("app", "secret").build();
    }

    @Test
    void checkConnectsOnceAndThenSendsNoopOnThePooledConnection() {
        try (OutcomeMailer mailer = mailer()) {
            ServerCheck first = mailer.pool().check(Duration.ofSeconds(5));
            ServerCheck second = mailer.pool().check(Duration.ofSeconds(5));

            assertThat(first.isUp()).isTrue();
            assertThat(first.reusedConnection()).isFalse();
            assertThat(second.outcome()).isInstanceOf(DeliveryOutcome.Accepted.class);
            assertThat(second.outcome().stage()).isEqualTo(Stage.NOOP);
            assertThat(second.reusedConnection()).isTrue();
        }
        assertThat(smtp.server().connectionsAccepted()).isEqualTo(1);
        assertThat(smtp.sessions().get(0).commands()).filteredOn(c -> c.startsWith("AUTH")).hasSize(1);
        assertThat(smtp.sessions().get(0).commands()).filteredOn(c -> c.equals("NOOP")).hasSize(2);
    }

    @Test
    void checkedConnectionCarriesTheNextSend() {
        try (OutcomeMailer mailer = mailer()) {
            mailer.pool().check(Duration.ofSeconds(5));
            assertThat(mailer.send(Mails.message(Mails.session(smtp.server()), "a@example.test")).isFullyAccepted()).isTrue();
        }
        assertThat(smtp.server().connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void refusingGreetingIsReportedWithItsReply() {
        smtp.on(Verb.CONNECT).serviceUnavailable();
        try (OutcomeMailer mailer = mailer()) {
            ServerCheck check = mailer.pool().check(Duration.ofSeconds(5));

            assertThat(check.isUp()).isFalse();
            assertThat(check.outcome()).isInstanceOf(DeliveryOutcome.ServiceUnavailable.class);
            assertThat(check.outcome().reply().orElseThrow().toString()).startsWith("421 4.3.2");
        }
    }

    @Test
    void serverThatNeverAnswersFailsTheCheckWithinItsTimeout() {
        Gate gate = new Gate();
        smtp.on(Verb.CONNECT).holdUntil(gate);
        try (OutcomeMailer mailer = mailer()) {
            ServerCheck first = mailer.pool().check(Duration.ofMillis(300));
            ServerCheck second = mailer.pool().check(Duration.ofMillis(300));

            assertThat(first.isUp()).isFalse();
            assertThat(first.outcome()).isInstanceOf(DeliveryOutcome.ConnectionLost.class);
            assertThat(first.elapsed()).isLessThan(Duration.ofSeconds(5));
            assertThat(second.isUp()).isFalse();
            assertThat(smtp.server().connectionsAccepted()).as("the second check waits for the first").isEqualTo(1);
        } finally {
            gate.release();
        }
    }

    @Test
    void poolStatsCountTheIdleConnectionAfterASend() {
        try (OutcomeMailer mailer = OutcomeMailer.builder(Mails.session(smtp.server())).credentials("app", "secret")
                .maxConnections(3).build()) {
            assertThat(mailer.pool().stats()).isEqualTo(new PoolStats(3, 0, 0));
            mailer.send(Mails.message(Mails.session(smtp.server()), "a@example.test"));
            assertThat(mailer.pool().stats()).isEqualTo(new PoolStats(3, 0, 1));
        }
    }
}
