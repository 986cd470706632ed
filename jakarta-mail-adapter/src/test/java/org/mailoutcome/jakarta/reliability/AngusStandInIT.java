package org.mailoutcome.jakarta.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.NoSuchProviderException;
import jakarta.mail.Provider;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.jakarta.internal.MailerAccess;
import org.mailoutcome.jakarta.internal.Pipelining;
import org.mailoutcome.jakarta.internal.RecordingTransport;
import org.mailoutcome.testkit.ReceivedMessage;
import org.mailoutcome.testkit.SmtpServer;
import org.mailoutcome.testkit.SmtpSession;
import org.mailoutcome.testkit.Verb;

/**
 * A transport that writes its transaction differently from Angus 2.0.5 stands in for a future Angus (or the one a
 * dependency manager chose): the pipelined flight carries that transport's own lines, whatever they are, so a
 * different RCPT spelling changes nothing but the bytes; and a transaction of another shape (here a NOOP among the
 * RCPTs) is dropped before anything of it is written, the mailer says so once and goes on in lock-step, and that
 * transaction is sent again: every recipient gets its true outcome, and the message arrives once. For every
 * recipient position, with and without accepted recipients before it.
 */
class AngusStandInIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final List<String> ENVELOPE = Messages.recipients(3);
    private static final String REFUSED = "550 5.1.1 Recipient address rejected: User unknown";

    /** Writes the RCPT at {@code test.standin.position} as {@code test.standin.kind} says. */
    public static class StandIn extends RecordingTransport {
        private final int position;
        private final String kind;
        private int rcpt;

        /**
         * Jakarta Mail's constructor.
         *
         * @param session the session
         * @param urlname the URL name
         */
        public StandIn(Session session, URLName urlname) {
            super(session, urlname);
            this.position = Integer.parseInt(session.getProperty("test.standin.position"));
            this.kind = session.getProperty("test.standin.kind");
        }

        @Override
        protected void sendCommand(String command) throws MessagingException {
            if (command.startsWith("MAIL")) rcpt = 0;
            if (command.startsWith("RCPT TO:") && ++rcpt == position) {
                if (kind.equals("spelling")) {
                    command = "Rcpt To:" + command.substring("RCPT TO:".length());
                } else {
                    super.sendCommand("NOOP");
                    readServerResponse();
                }
            }
            super.sendCommand(command);
        }
    }

    /** What one test's sends left behind, with the WARN lines logged meanwhile. */
    record Run(List<DeliveryReport> reports, List<SmtpSession> sessions, List<ReceivedMessage> messages,
            List<String> warnings, boolean pipeliningLeftOn) {
        List<String> commands() {
            return sessions.stream().flatMap(s -> s.commands().stream()).toList();
        }
    }

    private static Run run(String kind, int position, boolean acceptedBefore) {
        try (SmtpServer server = SmtpServer.builder().pipelining(true).start()) {
            for (int i = 0; i < position - 1; i++) {
                if (!acceptedBefore) server.on(Verb.RCPT, ENVELOPE.get(i)).reply(REFUSED);
            }
            Properties props = server.clientProperties();
            props.setProperty("test.standin.position", Integer.toString(position));
            props.setProperty("test.standin.kind", kind);
            Session session = Session.getInstance(props);
            List<DeliveryReport> reports = new ArrayList<>();
            boolean on;
            List<String> warnings;
            try (OutcomeMailer mailer = OutcomeMailer.builder(session).readTimeout(TIMEOUT).build()) {
                MailerAccess.router(mailer).session().setProvider(new Provider(Provider.Type.TRANSPORT, "smtp",
                        StandIn.class.getName(), "test", "1"));
                warnings = warnings(() -> {
                    reports.add(mailer.send(Messages.message(session, "first", ENVELOPE)));
                    reports.add(mailer.send(Messages.message(session, "second", ENVELOPE)));
                    return null;
                });
                on = ((Pipelining) MailerAccess.router(mailer).session().getProperties().get(Pipelining.PROPERTY))
                        .isOn();
            } catch (NoSuchProviderException e) {
                throw new AssertionError(e);
            }
            server.awaitOpenConnections(0, TIMEOUT);
            for (DeliveryReport report : reports) {
                Invariants.check(report, ENVELOPE, server.messages().stream()
                        .filter(m -> Messages.subject(m).equals(reports.indexOf(report) == 0 ? "first" : "second"))
                        .toList());
            }
            return new Run(reports, server.sessions(), server.messages(), warnings, on);
        }
    }

    /** The WARN lines logged (slf4j-simple writes to System.out here) while {@code sends} runs. */
    private static List<String> warnings(Supplier<Void> sends) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            sends.get();
        } finally {
            System.setOut(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        original.print(text);
        return text.lines().filter(l -> l.contains(" WARN ")).toList();
    }

    private static void assertTrueOutcomes(Run run, int position, boolean acceptedBefore) {
        for (DeliveryReport report : run.reports()) {
            for (int i = 0; i < ENVELOPE.size(); i++) {
                int code = report.recipients().get(i).outcome().reply().orElseThrow().code();
                assertThat(code).as("recipient %d of %s", i + 1, report).isEqualTo(
                        i < position - 1 && !acceptedBefore ? 550 : 250);
            }
            assertThat(report.messageOutcome().orElseThrow().code()).hasValue(250);
        }
        List<String> delivered = new ArrayList<>(ENVELOPE.subList(acceptedBefore ? 0 : position - 1, 3));
        assertThat(run.messages()).extracting(ReceivedMessage::envelopeRecipients)
                .as("each message once, to its accepted recipients").containsExactly(delivered, delivered);
    }

    @ParameterizedTest(name = "RCPT {0} of 3, accepted before it: {1}")
    @CsvSource({"1, true", "2, true", "3, true", "2, false", "3, false"})
    void anRcptSpelledAnotherWayGoesInTheFlightAsThatTransportWroteIt(int position, boolean acceptedBefore) {
        Run run = run("spelling", position, acceptedBefore);
        assertTrueOutcomes(run, position, acceptedBefore);
        String spelled = "Rcpt To:<" + ENVELOPE.get(position - 1) + ">";
        List<String> flight = new ArrayList<>();
        flight.add("MAIL FROM:<" + Messages.SENDER + ">");
        for (int i = 0; i < ENVELOPE.size(); i++) {
            flight.add(i == position - 1 ? spelled : "RCPT TO:<" + ENVELOPE.get(i) + ">");
        }
        flight.add("DATA");
        assertThat(run.sessions().get(0).flights()).as("both transactions in one flight each")
                .containsSubsequence(flight, flight);
        assertThat(run.warnings()).isEmpty();
        assertThat(run.pipeliningLeftOn()).isTrue();
    }

    @ParameterizedTest(name = "NOOP before RCPT {0} of 3, accepted before it: {1}")
    @CsvSource({"1, true", "2, true", "3, true", "2, false", "3, false"})
    void aTransactionOfAnotherShapeIsSentAgainInLockStepAndTheMailerSaysSoOnce(int position,
            boolean acceptedBefore) {
        Run run = run("noop", position, acceptedBefore);
        assertTrueOutcomes(run, position, acceptedBefore);
        assertThat(run.commands()).as("nothing of the dropped flight reached the server")
                .filteredOn(c -> c.startsWith("MAIL")).hasSize(2);
        assertThat(run.sessions()).flatExtracting(SmtpSession::flights).as("lock-step from then on")
                .allMatch(f -> f.size() == 1);
        assertThat(run.warnings()).singleElement().asString().contains("Angus Mail 2.0.5")
                .contains("\"NOOP\"").contains("RCPT TO or DATA after").contains("lock-step")
                .doesNotContain(ENVELOPE.get(0)).doesNotContain("@example.test");
        assertThat(run.pipeliningLeftOn()).isFalse();
        assertThat(run.sessions()).as("the connection was kept").hasSize(1);
    }
}
