package org.mailoutcome.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Reason;
import org.mailoutcome.RetryPolicy;
import org.mailoutcome.SmtpReply;
import org.mailoutcome.Stage;
import org.mailoutcome.jakarta.internal.HandlerDispatch;
import org.mailoutcome.jakarta.retry.RetryHandOff;

/** Programmer errors throw at once, before any connection; callbacks cover every record. */
class OutcomeMailerApiTest {
    private final Session session = Session.getInstance(new Properties());
    private final OutcomeMailer mailer = OutcomeMailer.create(session);

    @AfterEach
    void close() {
        mailer.close();
    }

    @Test
    void nullMessageIsRefused() {
        assertThatThrownBy(() -> mailer.send(null)).isInstanceOf(NullPointerException.class).hasMessage("message");
    }

    @Test
    void messageWithoutRecipientsIsRefused() {
        assertThatThrownBy(() -> mailer.send(new MimeMessage(session)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("message has no recipients");
        assertThatThrownBy(() -> mailer.send(Mails.message(session, "a@example.test"), new Address[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("message has no recipients");
    }

    @Test
    void messageWithoutSenderIsRefused() throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setRecipients(Message.RecipientType.TO, "a@example.test");
        message.setText("x");
        assertThatThrownBy(() -> mailer.send(message)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no sender");
    }

    @Test
    void builderChecksItsArguments() {
        assertThatThrownBy(() -> OutcomeMailer.builder(session).maxConnections(0))
                .hasMessage("maxConnections must be >= 1: 0");
        assertThatThrownBy(() -> OutcomeMailer.builder(session).readTimeout(Duration.ZERO))
                .hasMessage("readTimeout must be positive: PT0S");
    }

    @Test
    void aRetryHandOffWithASingleAttemptPolicyFailsAtBuildNamingBothSettings() {
        RetryHandOff handOff = send -> {
            throw new AssertionError("never called");
        };
        assertThatThrownBy(() -> OutcomeMailer.builder(session).retryHandOff(handOff).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("retryHandOff").hasMessageContaining("retryPolicy");
        assertThatThrownBy(() -> OutcomeMailer.builder(session).retryPolicy(RetryPolicy.none()).retryHandOff(handOff)
                .build()).isInstanceOf(IllegalStateException.class);
        OutcomeMailer.builder(session).retryHandOff(handOff).retryPolicy(RetryPolicy.greylisting()).build().close();
    }

    @Test
    void everyOutcomeRecordHasItsOwnCallback() {
        List<Class<?>> records = new ArrayList<>();
        collect(DeliveryOutcome.class, records);
        for (Class<?> record : records) {
            DeliveryOutcome outcome = sample(record);
            List<String> called = new ArrayList<>();
            OutcomeHandler recorder = (OutcomeHandler) java.lang.reflect.Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {OutcomeHandler.class}, (proxy, method, args) -> {
                        called.add(method.getName());
                        return null;
                    });
            HandlerDispatch.dispatch(recorder, Mails.address("a@example.test"), outcome);
            assertThat(called).as(record.getSimpleName()).containsExactly("onOutcome", "on" + record.getSimpleName());
        }
        assertThat(records).hasSize(17);
    }

    @Test
    void throwingCallbackDoesNotStopTheOthers() {
        List<String> seen = new ArrayList<>();
        OutcomeHandler handler = new OutcomeHandler() {
            @Override
            public void onOutcome(jakarta.mail.internet.InternetAddress recipient, DeliveryOutcome outcome) {
                seen.add(recipient.getAddress());
                throw new IllegalStateException("boom");
            }
        };
        DeliveryOutcome accepted = DeliveryOutcome.classify(Stage.RCPT, "250 ok");
        DeliveryReport report = new DeliveryReport(List.of(RecipientOutcome.of(Mails.address("a@x.test"), accepted),
                RecipientOutcome.of(Mails.address("b@x.test"), accepted)), Optional.empty(), Optional.empty(),
                Optional.empty());
        HandlerDispatch.dispatch(handler, report);
        assertThat(seen).containsExactly("a@x.test", "b@x.test");
    }

    private static DeliveryOutcome sample(Class<?> record) {
        if (record == DeliveryOutcome.ConnectionLost.class) return new DeliveryOutcome.ConnectionLost(Stage.RCPT, false, "x");
        try {
            var ctor = record.getDeclaredConstructors()[0];
            Object[] args = new Object[ctor.getParameterCount()];
            Class<?>[] types = ctor.getParameterTypes();
            for (int i = 0; i < args.length; i++) {
                if (types[i] == Stage.class) args[i] = Stage.RCPT;
                else if (types[i] == Reason.class) args[i] = Reason.UNKNOWN;
                else if (i == 1) args[i] = Optional.of(SmtpReply.parse("250 ok"));
                else args[i] = Optional.empty();
            }
            return (DeliveryOutcome) ctor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static void collect(Class<?> type, List<Class<?>> records) {
        if (type.isRecord()) records.add(type);
        else for (Class<?> sub : type.getPermittedSubclasses()) collect(sub, records);
    }
}
