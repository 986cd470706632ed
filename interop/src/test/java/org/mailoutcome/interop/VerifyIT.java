package org.mailoutcome.interop;

import org.mailoutcome.testsupport.PostfixServer;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.DeliveryOutcome.Accepted;
import org.mailoutcome.DeliveryOutcome.AcceptedUnverified;
import org.mailoutcome.DeliveryOutcome.MailboxUnavailable;
import org.mailoutcome.DeliveryOutcome.NotLocalNoRelay;
import org.mailoutcome.DeliveryOutcome.ProtocolError;
import org.mailoutcome.Disposition;
import org.mailoutcome.Reason;
import org.mailoutcome.SmtpReply;
import org.mailoutcome.Stage;
import org.mailoutcome.jakarta.AddressVerifier;
import org.mailoutcome.jakarta.ProbeMethod;
import org.mailoutcome.jakarta.ProbeResult;

/**
 * {@link AddressVerifier} against Postfix: VRFY on the trusted port ({@code disable_vrfy_command = no}), and on the
 * second port, where VRFY is disabled (502) and AUTO falls back to RCPT. Postfix answers VRFY from the same
 * recipient checks as RCPT, so a known user is 252 (it never confirms), an unknown one 550 5.1.1, a relocated one
 * 550 5.1.6 with the new address in the text.
 */
@ExtendWith(PostfixExtension.class)
class VerifyIT {
    private final PostfixServer postfix;

    VerifyIT(PostfixServer postfix) {
        this.postfix = postfix;
    }

    @Test
    void vrfyOfAKnownUserIs252NeverAConfirmation() {
        try (AddressVerifier verifier = verifier(postfix.port(), ProbeMethod.VRFY)) {
            ProbeResult alice = print(verifier.verify("alice@lab.test"));
            assertThat(alice.method()).isEqualTo(ProbeMethod.VRFY);
            assertThat(alice.outcome()).isInstanceOf(AcceptedUnverified.class);
            assertThat(alice.outcome().stage()).isEqualTo(Stage.VRFY);
            assertThat(alice.outcome().reply()).map(SmtpReply::toString).hasValue("252 2.0.0 alice@lab.test");
            assertThat(alice.outcome().disposition()).isEqualTo(Disposition.SUCCESS);
        }
    }

    @Test
    void vrfyOfAnUnknownAndARelocatedUserGivesTheirTypedRefusals() {
        try (AddressVerifier verifier = verifier(postfix.port(), ProbeMethod.VRFY)) {
            List<ProbeResult> results = verifier.verifyAll(List.of("nosuch@lab.test", "moved@lab.test",
                    "moved551@lab.test"));
            results.forEach(VerifyIT::print);

            DeliveryOutcome nosuch = results.get(0).outcome();
            assertThat(nosuch).isInstanceOf(MailboxUnavailable.class);
            assertThat(nosuch.code()).hasValue(550);
            assertThat(nosuch.reason()).isEqualTo(Reason.USER_UNKNOWN);

            DeliveryOutcome moved = results.get(1).outcome();
            assertThat(moved).isInstanceOf(NotLocalNoRelay.class);
            assertThat(moved.code()).hasValue(550);
            assertThat(moved.forwardPath()).contains("alice@new.example");

            DeliveryOutcome moved551 = results.get(2).outcome();
            assertThat(moved551).isInstanceOf(NotLocalNoRelay.class);
            assertThat(moved551.code()).hasValue(551);
            assertThat(moved551.forwardPath()).contains("moved551@new.example");
            assertThat(results).allSatisfy(r -> assertThat(r.outcome().stage()).isEqualTo(Stage.VRFY));
        }
    }

    @Test
    void disabledVrfyIs502AndAutoFallsBackToRcptWithoutSendingAMessage() {
        long mark = postfix.maillog().mark();
        try (AddressVerifier vrfyOnly = verifier(postfix.untrustedPort(), ProbeMethod.VRFY);
                AddressVerifier auto = verifier(postfix.untrustedPort(), ProbeMethod.AUTO)) {
            ProbeResult refused = print(vrfyOnly.verify("alice@lab.test"));
            assertThat(refused.outcome()).isInstanceOf(ProtocolError.class);
            assertThat(refused.outcome().code()).hasValue(502);

            List<ProbeResult> results = auto.verifyAll(List.of("alice@lab.test", "nosuch@lab.test"));
            results.forEach(VerifyIT::print);
            assertThat(results).allSatisfy(r -> {
                assertThat(r.method()).isEqualTo(ProbeMethod.RCPT);
                assertThat(r.outcome().stage()).isEqualTo(Stage.RCPT);
            });
            assertThat(results.get(0).outcome()).isInstanceOf(Accepted.class);
            assertThat(results.get(1).outcome()).isInstanceOf(MailboxUnavailable.class);
            assertThat(results.get(1).outcome().reason()).isEqualTo(Reason.USER_UNKNOWN);
        }
        // Postfix logs the rejected RCPT probe; a message would have shown as a qmgr "from=" line.
        postfix.maillog().await(mark, Pattern.compile("reject: RCPT from .* to=<nosuch@lab\\.test>"), 1,
                Duration.ofSeconds(10));
        assertThat(postfix.maillog().linesSince(mark)).noneMatch(l -> l.contains("qmgr[") && l.contains("from=<"));
    }

    @Test
    void rcptProbesOfMoreAddressesThanTheRecipientLimitAllGetAnAnswer() {
        List<String> five = List.of("alice@lab.test", "bob@lab.test", "carol@lab.test", "nosuch@lab.test",
                "erin@lab.test");
        try (AddressVerifier verifier = verifier(postfix.port(), ProbeMethod.RCPT)) {
            List<ProbeResult> results = verifier.verifyAll(five);
            results.forEach(VerifyIT::print);
            assertThat(results).extracting(ProbeResult::address).containsExactlyElementsOf(five);
            // smtpd_recipient_limit = 3: the 4th RCPT of a transaction would get 452 4.5.3; none is reported
            assertThat(results).noneMatch(r -> r.outcome().code().orElse(0) == 452);
            assertThat(results).extracting(r -> r.outcome().getClass().getSimpleName())
                    .containsExactly("Accepted", "Accepted", "Accepted", "MailboxUnavailable", "Accepted");
        }
    }

    private static AddressVerifier verifier(int port, ProbeMethod method) {
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", PostfixServer.HOST);
        props.setProperty("mail.smtp.port", Integer.toString(port));
        Session session = Session.getInstance(props);
        return AddressVerifier.builder(session).method(method).mailFrom(Mails.SENDER)
                .readTimeout(Duration.ofSeconds(10)).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static ProbeResult print(ProbeResult r) {
        String reply = r.outcome().reply().map(SmtpReply::toString).orElse("(no reply)");
        System.out.printf("interop: %-10s %-22s %s -> %s%n", "verify-" + r.method().name().toLowerCase(),
                r.address(), reply, Scenarios.describe(r.outcome()));
        return r;
    }
}
