package org.mailoutcome.jakarta.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.Disposition;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.ExceptionDecoder;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.jakarta.OutcomeMailerBuilder;
import org.mailoutcome.jakarta.internal.ConnectionPool;
import org.mailoutcome.jakarta.internal.DeliveryRun;
import org.mailoutcome.testkit.SmtpServer;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.testkit.Verb;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.simple.SimpleLogger;

/**
 * A server that echoes the credentials back, or refuses them: the password, in clear or base64, appears in no log
 * line (SLF4J at TRACE, captured from the slf4j-simple binding the tests use, which writes to System.out), no report,
 * no {@code toString()}, and no exception text.
 */
class CredentialLeakIT {
    static final String USER = "leak-user";
    static final String PASSWORD = "S3cret-Pa55word-0x7f";

    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension(SmtpServer.builder().auth(USER, PASSWORD));

    private static final AtomicInteger cases = new AtomicInteger();
    private static final AtomicInteger logLines = new AtomicInteger();

    @AfterAll
    static void printCounts() {
        System.out.println("reliability: credentials: " + cases + " hostile AUTH cases tried, " + logLines
                + " log lines captured at TRACE, 0 with a secret");
    }

    static List<String> secrets() {
        Base64.Encoder b64 = Base64.getEncoder();
        return List.of(PASSWORD, b64.encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString(("\0" + USER + "\0" + PASSWORD).getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString((USER + "\0" + USER + "\0" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void echoedCredentialsInARefusalAppearNowhere() {
        smtp.on(Verb.AUTH).reply("535 5.7.8 Authentication failed for " + String.join(" ", secrets()));
        DeliveryReport report = sendCapturing(mailer -> { });
        assertThat(report.recipients()).allSatisfy(r -> assertThat(r.disposition()).isNotEqualTo(Disposition.SUCCESS));
    }

    @Test
    void echoedCredentialsInASuccessAppearNowhere() {
        smtp.on(Verb.AUTH).reply("235 2.7.0 Welcome " + USER + ", your password is " + String.join(" ", secrets()));
        DeliveryReport report = sendCapturing(mailer -> { });
        assertThat(report.isFullyAccepted()).isTrue();
    }

    @Test
    void echoedCredentialsInAMultiLineReplyAppearNowhere() {
        smtp.on(Verb.AUTH).reply("535-5.7.8 You sent " + secrets().get(2), "535 5.7.8 which decodes to " + PASSWORD);
        sendCapturing(mailer -> { });
    }

    @Test
    void wrongPasswordRefusedByTheServerLeaksNothingOfTheWrongPassword() {
        DeliveryReport report = sendCapturing(Builder.WRONG_PASSWORD);
        assertThat(report.recipients().get(0).outcome().code()).hasValue(535);
    }

    @Test
    void loginExchangeWithChallengesLeaksNothing() {
        DeliveryReport report = sendCapturing(mailer -> { });
        assertThat(report.isFullyAccepted()).isTrue();
        assertThat(smtp.sessions().get(0).authenticated()).isTrue();
    }

    @Test
    void decodingAnAngusAuthFailureLeaksNothing() throws Exception {
        smtp.on(Verb.AUTH).reply("535 5.7.8 Authentication failed for " + String.join(" ", secrets()));
        Session session = Session.getInstance(smtp.clientProperties());
        jakarta.mail.internet.MimeMessage message = Messages.message(session, "decode", List.of("r@example.test"));
        String logged = capturingOutput(() -> {
            try {
                Transport.send(message, USER, PASSWORD);
            } catch (MessagingException e) {
                DeliveryReport report = ExceptionDecoder.decode(message, e);
                assertNoSecret("decoded report", report.toString() + report.recipients());
            }
        });
        assertNoSecret("log", logged);
        cases.incrementAndGet();
    }

    /** A builder change for one case. */
    interface Builder extends Consumer<OutcomeMailerBuilder> {
        Builder WRONG_PASSWORD = b -> b.credentials(USER, "Wrong-" + PASSWORD);
    }

    private DeliveryReport sendCapturing(Consumer<OutcomeMailerBuilder> change) {
        cases.incrementAndGet();
        Session session = Session.getInstance(smtp.clientProperties());
        DeliveryReport[] report = new DeliveryReport[1];
        String logged = capturingOutput(() -> {
            OutcomeMailerBuilder builder = OutcomeMailer.builder(session).credentials(USER, PASSWORD)
                    .readTimeout(Duration.ofSeconds(2));
            change.accept(builder);
            try (OutcomeMailer mailer = builder.build()) {
                assertNoSecret("mailer", mailer.toString());
                report[0] = mailer.send(Messages.message(session, "credentials", List.of("r@example.test")));
                report[0].recipients().forEach(r -> r.attempts().forEach(a -> {
                    assertNoSecret("outcome", a.outcome().toString());
                    a.outcome().reply().ifPresent(reply -> assertNoSecret("reply", reply.toString()));
                    assertNoSecret("describe", DeliveryReport.describe(a.outcome()));
                }));
                assertNoSecret("report", report[0].toString());
            }
        });
        assertThat(logged).as("the capture saw the mailer's own log lines").contains("leak-user", "DEBUG", "C: AUTH");
        assertNoSecret("log", logged);
        return report[0];
    }

    static void assertNoSecret(String where, String text) {
        for (String secret : secrets()) {
            assertThat(text).as("%s must not contain a credential", where).doesNotContain(secret);
        }
        assertThat(text).as("%s must not contain the password, even with a prefix", where)
                .doesNotContain(PASSWORD.substring(3));
    }

    /** Runs with every mail-outcome logger at TRACE and System.out and System.err captured. */
    private static String capturingOutput(Runnable action) {
        Map<Logger, Integer> levels = loggersAtTrace();
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            LoggerFactory.getLogger("org.mailoutcome.jakarta.smtp").debug("capture started for {}", USER);
            action.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
            restore(levels);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        logLines.addAndGet((int) text.lines().count());
        return text;
    }

    /**
     * slf4j-simple fixes a logger's level when it is created, from simplelogger.properties (INFO here); the
     * loggers of the adapter are set to TRACE for the capture through the binding's level field.
     */
    private static Map<Logger, Integer> loggersAtTrace() {
        List<Logger> loggers = new ArrayList<>();
        for (String name : List.of("org.mailoutcome.jakarta.smtp", "org.mailoutcome.jakarta.OutcomeMailer",
                ConnectionPool.class.getName(), DeliveryRun.class.getName(),
                "org.mailoutcome.jakarta.OutcomeHandler", "org.mailoutcome.jakarta.OutcomeTransportListener",
                "org.mailoutcome.jakarta.internal.WatchedSocketFactory")) {
            loggers.add(LoggerFactory.getLogger(name));
        }
        Map<Logger, Integer> previous = new HashMap<>();
        for (Logger logger : loggers) {
            previous.put(logger, level(logger, 0));
        }
        return previous;
    }

    private static void restore(Map<Logger, Integer> levels) {
        levels.forEach(CredentialLeakIT::level);
    }

    private static int level(Logger logger, int level) {
        try {
            Field field = SimpleLogger.class.getDeclaredField("currentLogLevel");
            field.setAccessible(true);
            int before = field.getInt(logger);
            field.setInt(logger, level);
            return before;
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new AssertionError("the tests use slf4j-simple; cannot set the level of " + logger.getName(), e);
        }
    }
}
