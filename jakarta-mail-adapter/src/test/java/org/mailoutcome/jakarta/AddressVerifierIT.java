package org.mailoutcome.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailoutcome.testsupport.FreePorts;
import org.mailoutcome.DeliveryOutcome.AcceptedUnverified;
import org.mailoutcome.DeliveryOutcome.ConnectionLost;
import org.mailoutcome.Reason;
import org.mailoutcome.Stage;
import org.mailoutcome.testkit.Gate;
import org.mailoutcome.testkit.SmtpServer;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.testkit.SmtpSession;
import org.mailoutcome.testkit.Verb;

/** VRFY and RCPT probes against the scripted server and GreenMail: every reply, batches, broken connections. */
class AddressVerifierIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private AddressVerifier verifier;

    @AfterEach
    void closeVerifier() {
        if (verifier != null) verifier.close();
    }

    private AddressVerifier verifier(ProbeMethod method) {
        verifier = AddressVerifier.builder(Mails.session(smtp.server())).method(method).build();
        return verifier;
    }

    static Stream<Arguments> vrfyReplies() {
        return Stream.of(
                Arguments.of(List.of("250 2.1.5 Alice <alice@example.test>"), "Accepted 250 NONE -"),
                Arguments.of(List.of("251 2.1.5 User not local; will forward to <alice@new.example>"),
                        "WillForward 251 MOVED alice@new.example"),
                Arguments.of(List.of("252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery"),
                        "AcceptedUnverified 252 NONE -"),
                Arguments.of(List.of("550 5.1.1 <alice@example.test>: Recipient address rejected: User unknown"),
                        "MailboxUnavailable 550 USER_UNKNOWN -"),
                Arguments.of(List.of("551 5.1.6 User not local; please try <alice@new.example>"),
                        "NotLocalNoRelay 551 MOVED alice@new.example"),
                Arguments.of(List.of("553 5.1.3 Mailbox name not allowed"), "MailboxNameNotAllowed 553 SYNTAX -"),
                Arguments.of(List.of("502 5.5.1 VRFY command is disabled"), "ProtocolError 502 SYNTAX -"),
                Arguments.of(List.of("500 5.5.2 Syntax error, command unrecognized"), "ProtocolError 500 SYNTAX -"),
                Arguments.of(List.of("530 5.7.0 Authentication required"), "PermanentFailure 530 AUTH_REQUIRED -"),
                Arguments.of(List.of("250-Alice Example", "250 <alice@example.test>"), "Accepted 250 NONE -"),
                Arguments.of(List.of("553-5.1.4 Ambiguous; possibilities are", "553-5.1.4 Alice One <a1@example.test>",
                        "553 5.1.4 Alice Two <a2@example.test>"), "MailboxNameNotAllowed 553 USER_UNKNOWN -"));
    }

    @ParameterizedTest
    @MethodSource("vrfyReplies")
    void eachVrfyReplyBecomesItsTypedOutcomeAtStageVrfy(List<String> reply, String expected) {
        smtp.on(Verb.VRFY, "alice@example.test").reply(reply.toArray(String[]::new));
        ProbeResult result = verifier(ProbeMethod.VRFY).verify("alice@example.test");
        assertThat(summary(result)).isEqualTo(expected);
        assertThat(result.outcome().stage()).isEqualTo(Stage.VRFY);
        assertThat(result.method()).isEqualTo(ProbeMethod.VRFY);
        assertThat(result.outcome().reply().orElseThrow().lines()).hasSize(reply.size());
        assertThat(smtp.sessions().get(0).commands()).contains("VRFY alice@example.test");
    }

    @Test
    void connectionIsReusedAcrossVerifyCalls() {
        verifier(ProbeMethod.VRFY);
        for (String a : List.of("a@example.test", "b@example.test", "c@example.test")) {
            assertThat(verifier.verify(a).outcome()).isInstanceOf(AcceptedUnverified.class);
        }
        assertThat(smtp.server().connectionsAccepted()).isEqualTo(1);
        assertThat(smtp.sessions().get(0).commands()).filteredOn(c -> c.startsWith("VRFY")).hasSize(3);
    }

    @Test
    void serviceUnavailableIsReportedAndThatConnectionIsNotReused() {
        smtp.on(Verb.VRFY, "a@example.test").serviceUnavailable();
        assertThat(summary(verifier(ProbeMethod.VRFY).verify("a@example.test"))).startsWith("ServiceUnavailable 421");
        assertThat(verifier.verify("b@example.test").outcome()).isInstanceOf(AcceptedUnverified.class);
        assertThat(smtp.server().connectionsAccepted()).isEqualTo(2);
    }

    @Test
    void lostConnectionIsConnectionLostAndTheNextVerifyWorksOnANewConnection() {
        smtp.on(Verb.VRFY, "a@example.test").closeBeforeReply();
        ProbeResult lost = verifier(ProbeMethod.VRFY).verify("a@example.test");
        assertThat(lost.outcome()).isInstanceOfSatisfying(ConnectionLost.class, l -> {
            assertThat(l.stage()).isEqualTo(Stage.VRFY);
            assertThat(l.isMaybeDelivered()).isFalse();
        });
        assertThat(verifier.verify("b@example.test").outcome()).isInstanceOf(AcceptedUnverified.class);
        assertThat(smtp.server().connectionsAccepted()).isEqualTo(2);
    }

    @Test
    void connectionLostMidBatchGivesEveryUnansweredAddressTheLoss() {
        smtp.on(Verb.VRFY, "b@example.test").closeBeforeReply();
        List<ProbeResult> results = verifier(ProbeMethod.VRFY).verifyAll(
                List.of("a@example.test", "b@example.test", "c@example.test"));
        assertThat(results).extracting(AddressVerifierIT::summary).containsExactly("AcceptedUnverified 252 NONE -",
                "ConnectionLost - NETWORK -", "ConnectionLost - NETWORK -");
        assertThat(results).extracting(ProbeResult::address)
                .containsExactly("a@example.test", "b@example.test", "c@example.test");
    }

    @Test
    void garbageReplyIsUnexpectedAndTheNextVerifyWorks() {
        smtp.on(Verb.VRFY, "a@example.test").garbage();
        assertThat(summary(verifier(ProbeMethod.VRFY).verify("a@example.test"))).startsWith("Unexpected -");
        assertThat(verifier.verify("b@example.test").outcome()).isInstanceOf(AcceptedUnverified.class);
    }

    @Test
    void replyLateBeyondTheReadTimeoutIsConnectionLost() {
        Gate gate = new Gate();
        smtp.on(Verb.VRFY).holdUntil(gate);
        verifier = AddressVerifier.builder(Mails.session(smtp.server())).readTimeout(Duration.ofMillis(500)).build();
        ProbeResult result = verifier.verify("a@example.test");
        gate.release();
        assertThat(result.outcome()).isInstanceOfSatisfying(ConnectionLost.class,
                l -> assertThat(l.detail()).containsIgnoringCase("timed out"));
    }

    @Test
    void pooledConnectionTheServerDroppedWhileIdleIsReplacedTransparently() {
        try (SmtpServer server = SmtpServer.builder().readTimeout(Duration.ofMillis(300)).start();
                AddressVerifier v = AddressVerifier.create(Mails.session(server))) {
            assertThat(v.verify("a@example.test").outcome()).isInstanceOf(AcceptedUnverified.class);
            server.awaitOpenConnections(0, WAIT);
            assertThat(v.verify("b@example.test").outcome()).isInstanceOf(AcceptedUnverified.class);
            assertThat(server.connectionsAccepted()).isEqualTo(2);
        }
    }

    @Test
    void rcptProbeSendsMailRcptAndRsetButNeverData() {
        smtp.on(Verb.RCPT, "x@example.test").reply("550 5.1.1 <x@example.test>: Recipient address rejected");
        List<ProbeResult> results = verifier(ProbeMethod.RCPT).verifyAll(List.of("a@example.test", "x@example.test"));
        assertThat(results).extracting(AddressVerifierIT::summary)
                .containsExactly("Accepted 250 NONE -", "MailboxUnavailable 550 USER_UNKNOWN -");
        assertThat(results).allSatisfy(r -> {
            assertThat(r.outcome().stage()).isEqualTo(Stage.RCPT);
            assertThat(r.method()).isEqualTo(ProbeMethod.RCPT);
        });
        assertThat(smtp.sessions().get(0).commands()).containsSubsequence("MAIL FROM:<>", "RCPT TO:<a@example.test>",
                "RCPT TO:<x@example.test>", "RSET");
        assertNoDataEverSent();
        assertThat(smtp.messages()).isEmpty();
    }

    @Test
    void rcptProbeTakesItsSenderFromTheSessionOrTheBuilder() {
        Properties props = smtp.clientProperties();
        props.setProperty("mail.from", "App <app@client.test>");
        try (AddressVerifier fromSession = AddressVerifier.builder(Session.getInstance(props))
                .method(ProbeMethod.RCPT).build();
                AddressVerifier fromBuilder = AddressVerifier.builder(Session.getInstance(props))
                        .method(ProbeMethod.RCPT).mailFrom("probe@client.test").build()) {
            fromSession.verify("a@example.test");
            fromBuilder.verify("a@example.test");
        }
        assertThat(smtp.sessions()).flatExtracting(SmtpSession::commands).filteredOn(c -> c.startsWith("MAIL"))
                .containsExactlyInAnyOrder("MAIL FROM:<app@client.test>", "MAIL FROM:<probe@client.test>");
    }

    @Test
    void refusedSenderIsTheResultOfEveryAddressAtStageMail() {
        smtp.on(Verb.MAIL).reply("553 5.7.1 <>: Sender address rejected: probes not welcome");
        List<ProbeResult> results = verifier(ProbeMethod.RCPT).verifyAll(List.of("a@example.test", "b@example.test"));
        assertThat(results).allSatisfy(r -> {
            assertThat(r.outcome().stage()).isEqualTo(Stage.MAIL);
            assertThat(r.outcome().code()).hasValue(553);
        });
        assertThat(smtp.sessions().get(0).commands()).noneMatch(c -> c.startsWith("RCPT"));
    }

    @Test
    void autoFallsBackToRcptWhenVrfyAnswers252() {
        ProbeResult result = verifier(ProbeMethod.AUTO).verify("a@example.test");
        assertThat(summary(result)).isEqualTo("Accepted 250 NONE -");
        assertThat(result.method()).isEqualTo(ProbeMethod.RCPT);
        assertThat(result.outcome().stage()).isEqualTo(Stage.RCPT);
        assertThat(smtp.sessions().get(0).commands()).containsSubsequence("VRFY a@example.test", "MAIL FROM:<>",
                "RCPT TO:<a@example.test>", "RSET");
        assertNoDataEverSent();
    }

    @Test
    void autoFallsBackToRcptWhenVrfyIsNotImplementedAndStopsAskingVrfy() {
        smtp.on(Verb.VRFY).reply("502 5.5.1 VRFY command is disabled");
        smtp.on(Verb.RCPT, "x@example.test").reply("550 5.1.1 User unknown");
        List<ProbeResult> results = verifier(ProbeMethod.AUTO).verifyAll(
                List.of("a@example.test", "x@example.test", "c@example.test"));
        assertThat(results).extracting(AddressVerifierIT::summary).containsExactly("Accepted 250 NONE -",
                "MailboxUnavailable 550 USER_UNKNOWN -", "Accepted 250 NONE -");
        assertThat(results).extracting(ProbeResult::method).containsOnly(ProbeMethod.RCPT);
        assertThat(smtp.sessions().get(0).commands()).filteredOn(c -> c.startsWith("VRFY")).hasSize(1);
        assertNoDataEverSent();
    }

    @Test
    void autoKeepsAVrfyRejectionWithoutAskingRcpt() {
        smtp.on(Verb.VRFY).reply("550 5.1.1 <x@example.test>: User unknown");
        ProbeResult result = verifier(ProbeMethod.AUTO).verify("x@example.test");
        assertThat(summary(result)).isEqualTo("MailboxUnavailable 550 USER_UNKNOWN -");
        assertThat(result.method()).isEqualTo(ProbeMethod.VRFY);
        assertThat(smtp.sessions().get(0).commands()).noneMatch(c -> c.startsWith("MAIL"));
    }

    @Test
    void batchOfSevenOverARecipientLimitOfThreeGivesSevenResultsInThreeTransactions() {
        try (SmtpServer server = SmtpServer.builder().maxRecipients(3).start();
                AddressVerifier v = AddressVerifier.builder(Mails.session(server)).method(ProbeMethod.RCPT).build()) {
            List<String> addresses = IntStream.rangeClosed(1, 7).mapToObj(i -> "u" + i + "@example.test").toList();
            List<ProbeResult> results = v.verifyAll(addresses);
            assertThat(results).extracting(ProbeResult::address).containsExactlyElementsOf(addresses);
            assertThat(results).extracting(AddressVerifierIT::summary).containsOnly("Accepted 250 NONE -");
            List<String> commands = server.sessions().get(0).commands();
            assertThat(commands).filteredOn(c -> c.startsWith("MAIL FROM")).hasSize(3);
            assertThat(commands).filteredOn(c -> c.startsWith("RSET")).hasSize(3);
            assertThat(commands).noneMatch(c -> c.startsWith("DATA"));
            assertThat(server.connectionsAccepted()).isEqualTo(1);
        }
    }

    @Test
    void invalidAddressIsRejectedBeforeAnyNetworkIo() {
        verifier(ProbeMethod.VRFY);
        for (String bad : List.of("a@example.test\r\nDATA", "<a@example.test>", "no-at-sign", "a@example.test QUIT")) {
            assertThatThrownBy(() -> verifier.verify(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a valid mailbox");
        }
        assertThatThrownBy(() -> verifier.verifyAll(List.of("ok@example.test", "bad\n@example.test")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(smtp.server().connectionsAccepted()).isZero();
    }

    @Test
    void refusedConnectionIsConnectionLostAtConnectForEveryAddress() throws Exception {
        int closedPort = FreePorts.one();
        try (AddressVerifier v = AddressVerifier.create(Mails.session("127.0.0.1", closedPort))) {
            assertThat(v.verifyAll(List.of("a@example.test", "b@example.test"))).allSatisfy(r -> {
                assertThat(r.outcome()).isInstanceOf(ConnectionLost.class);
                assertThat(r.outcome().stage()).isEqualTo(Stage.CONNECT);
            });
        }
    }

    @Test
    void concurrentCallersShareAtMostMaxConnections() throws Exception {
        verifier = AddressVerifier.builder(Mails.session(smtp.server())).maxConnections(2).build();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<ProbeResult>> futures = IntStream.range(0, 20)
                    .mapToObj(i -> threads.submit(() -> verifier.verify("u" + i + "@example.test"))).toList();
            for (Future<ProbeResult> f : futures) {
                assertThat(f.get().outcome()).isInstanceOf(AcceptedUnverified.class);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(smtp.server().connectionsAccepted()).isBetween(1, 2);
    }

    @Test
    void greenMailAnswersVrfyWith252AcceptedUnverified() {
        try (AddressVerifier v = AddressVerifier.create(Mails.session("127.0.0.1", greenMail.getSmtp().getPort()))) {
            ProbeResult result = v.verify("alice@example.test");
            assertThat(result.outcome()).isInstanceOf(AcceptedUnverified.class);
            assertThat(result.outcome().reason()).isEqualTo(Reason.NONE);
            assertThat(result.outcome().code()).hasValue(252);
        }
    }

    @Test
    void greenMailRcptProbeAcceptsAndNoMessageArrives() {
        try (AddressVerifier v = AddressVerifier.builder(Mails.session("127.0.0.1", greenMail.getSmtp().getPort()))
                .method(ProbeMethod.RCPT).mailFrom("probe@client.test").build()) {
            assertThat(summary(v.verify("alice@example.test"))).startsWith("Accepted 250");
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    private static void assertNoDataEverSent() {
        assertThat(smtp.sessions()).flatExtracting(SmtpSession::commands).noneMatch(c -> c.startsWith("DATA"));
    }

    /** "Record code reason forwardPath". */
    private static String summary(ProbeResult r) {
        return r.outcome().name() + " " + (r.outcome().code().isPresent() ? r.outcome().code().getAsInt() : "-")
                + " " + r.outcome().reason() + " " + r.outcome().forwardPath().orElse("-");
    }
}
