package org.mailoutcome.interop;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.DeliveryOutcome.Accepted;
import org.mailoutcome.Disposition;
import org.mailoutcome.EnhancedStatus;
import org.mailoutcome.Reason;
import org.mailoutcome.Stage;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.jakarta.RecipientOutcome;
import org.mailoutcome.testsupport.EximServer;

/**
 * Every way the suite's Exim answers a recipient at RCPT: the local users it accepts, an alias its redirect router
 * expands, an unknown user, its redirect router's {@code :fail:} and {@code :defer:} (with and without a code of
 * their own, among them the 551 "please try" of a relocated user), the RCPT ACL's 551, and a relay refusal; alone
 * and all in one message with alice, whom Exim then delivers.
 */
@ExtendWith(EximExtension.class)
class EximRecipientRepliesIT {
    private static final Duration LOG_WAIT = Duration.ofSeconds(10);

    /** What the report must say for each refused recipient: the whole reply Exim gives, and its reading. */
    record Refusal(String address, String reply, String record, Reason reason, Optional<String> forwardPath) {
        @Override
        public String toString() {
            return address + " " + reply;
        }
    }

    static Stream<Refusal> refusals() {
        return Stream.of(
            // Exim's default for an address no router accepts, a local user as much as a domain it cannot route:
            // core reads the phrase as a routing problem.
            refusal("nobody@lab.test", "550 Unrouteable address", "MailboxUnavailable", Reason.NETWORK, null),
            refusal("moved@lab.test", "551 5.1.6 User not local; please try <moved@new.example>", "NotLocalNoRelay",
                    Reason.MOVED, "moved@new.example"),
            refusal("relocated@lab.test", "551 User not local; please try <relocated@new.example>",
                    "NotLocalNoRelay", Reason.MOVED, "relocated@new.example"),
            refusal("former@lab.test", "550 No such user here", "MailboxUnavailable", Reason.USER_UNKNOWN, null),
            refusal("full@lab.test", "552 5.2.2 Mailbox full", "StorageExceeded", Reason.MAILBOX_FULL, null),
            refusal("locked@lab.test", "451 Mailbox locked, try again later", "LocalError", Reason.SYSTEM, null),
            refusal("quota@lab.test", "452 4.2.2 Over quota, try again later", "InsufficientStorage",
                    Reason.MAILBOX_FULL, null),
            refusal("someone@other.test", "550 relay not permitted", "MailboxUnavailable", Reason.RELAY_DENIED,
                    null));
    }

    private static Refusal refusal(String address, String reply, String record, Reason reason, String forwardPath) {
        return new Refusal(address, reply, record, reason, Optional.ofNullable(forwardPath));
    }

    private final EximServer exim;
    private final Session session;
    private final OutcomeMailer mailer;

    EximRecipientRepliesIT(EximServer exim) {
        this.exim = exim;
        this.session = Session.getInstance(Mails.properties(exim.port()));
        this.mailer = OutcomeMailer.create(session);
    }

    @AfterEach
    void closeMailer() {
        mailer.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusedRecipientGetsTheTypedOutcomeOfEximsReply(Refusal expected) {
        long mark = exim.mainlog().mark();
        DeliveryReport report = Scenarios.print("exim", mailer.send(Mails.message(session, expected.address())));

        assertThat(report.recipients()).hasSize(1);
        assertRefusal(report.recipients().get(0).outcome(), expected);
        assertThat(report.messageOutcome()).as("no recipient accepted: the message is never offered").isEmpty();

        String refused = expected.reply().startsWith("4") ? "temporarily rejected" : "rejected";
        exim.mainlog().await(mark, Pattern.compile("F=<" + Pattern.quote(Mails.SENDER) + "> " + refused + " RCPT <"
                + Pattern.quote(expected.address()) + ">: "), 1, LOG_WAIT);
    }

    @Test
    void aliceAndAnAliasOfHersAreAcceptedAndExpandedToOneDelivery() throws IOException {
        long mark = exim.mainlog().mark();
        DeliveryReport report = Scenarios.print("exim", mailer.send(Mails.message(session, "bob@lab.test",
                "alias@lab.test")));

        assertThat(report.recipients()).allSatisfy(r -> {
            assertThat(r.outcome()).isInstanceOf(Accepted.class);
            assertThat(r.outcome().reply().orElseThrow()).hasToString("250 Accepted");
        });
        String id = report.queueId().orElseThrow();
        List<String> deliveries = exim.mainlog().await(mark, Pattern.compile(id + " => "), 2, LOG_WAIT);
        assertThat(deliveries).anyMatch(line -> line.contains(" => bob <bob@lab.test> "))
                .anyMatch(line -> line.contains(" => alice <alias@lab.test> ") && line.contains(" R=local_users "));
        assertThat(Files.readString(exim.mailbox("alice"), StandardCharsets.US_ASCII))
                .contains("Envelope-to: alias@lab.test");
    }

    @Test
    void acceptedRecipientGetsTheMessageWhenEveryOtherRecipientIsRefused() {
        List<Refusal> refused = refusals().toList();
        String[] envelope = Stream.concat(Stream.of("carol@lab.test"), refused.stream().map(Refusal::address))
                .toArray(String[]::new);
        long mark = exim.mainlog().mark();
        DeliveryReport report = Scenarios.print("exim-mixed", mailer.send(Mails.message(session, envelope)));

        assertThat(report.recipients()).extracting(r -> r.address().getAddress()).containsExactly(envelope);
        assertThat(report.accepted()).extracting(r -> r.address().getAddress()).containsExactly("carol@lab.test");
        Map<String, DeliveryOutcome> outcomes = report.recipients().stream()
                .collect(Collectors.toMap(r -> r.address().getAddress(), RecipientOutcome::outcome));
        assertThat(outcomes.get("carol@lab.test").stage()).isEqualTo(Stage.RCPT);
        refused.forEach(expected -> assertRefusal(outcomes.get(expected.address()), expected));

        String id = report.queueId().orElseThrow();
        assertThat(exim.mainlog().await(mark, Pattern.compile(id + " <= "), 1, LOG_WAIT)).singleElement().asString()
                .contains("for carol@lab.test");
        exim.mainlog().await(mark, Pattern.compile(id + " => carol <carol@lab.test> "), 1, LOG_WAIT);
        exim.mainlog().await(mark, Pattern.compile(id + " Completed"), 1, LOG_WAIT);
    }

    private static void assertRefusal(DeliveryOutcome outcome, Refusal expected) {
        assertThat(outcome.reply().orElseThrow()).as("Exim's reply").hasToString(expected.reply());
        assertThat(outcome.name()).as("record").isEqualTo(expected.record());
        assertThat(outcome.stage()).isEqualTo(Stage.RCPT);
        assertThat(outcome.disposition())
                .isEqualTo(expected.reply().startsWith("5") ? Disposition.PERMANENT : Disposition.TRANSIENT);
        assertThat(outcome.reason()).as("reason").isEqualTo(expected.reason());
        assertThat(outcome.forwardPath()).as("forward path").isEqualTo(expected.forwardPath());
        String enhanced = expected.reply().split(" ")[1];
        if (enhanced.matches("\\d\\.\\d{1,3}\\.\\d{1,3}")) {
            assertThat(outcome.enhancedStatus()).contains(EnhancedStatus.parse(enhanced));
        } else {
            assertThat(outcome.enhancedStatus()).as("Exim sends no enhanced status of its own").isEmpty();
        }
    }
}
