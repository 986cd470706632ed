package org.mailoutcome;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ForwardPathTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "551 User not local; please try <forward@example.net>|forward@example.net",
        "251 User not local; will forward to <forward@example.net>|forward@example.net",
        "550 5.1.6 <moved@lab.test>: Recipient address rejected: User has moved to alice@new.example|alice@new.example",
        "550 5.1.6 <gone@lab.test>: Recipient address rejected: User has moved to Bob Smith <bob@new.example>|bob@new.example",
        "551 please try <@relay.example,@relay2.example:user@host.example>|user@host.example",
        "551 5.1.6 Mailbox moved to \"john q\"@new.example.|\"john q\"@new.example",
        "550 5.1.6 This address has been replaced by carol@new.example.|carol@new.example",
        "550 5.1.6 New address is <dave@new.example>|dave@new.example",
        "551 5.1.6 forward to erin@new.example, thanks|erin@new.example",
        "551 5.1.6 User not local; please try <frank@new.example|frank@new.example",
        "550 5.1.6 User has moved to δοκιμή@παράδειγμα.δοκιμή|δοκιμή@παράδειγμα.δοκιμή",
        "551 5.1.6 Moved to [192.0.2.1] user: please try <gina@[192.0.2.1]>|gina@[192.0.2.1]",
        "551-5.1.6 This user is not local.\\n551 5.1.6 Please try <hank@new.example> instead|hank@new.example",
    })
    void forwardPathIsTakenAfterTheServersPhrase(String reply, String expected) {
        assertThat(ForwardPath.extract(SmtpReply.parse(reply.replace("\\n", "\n")))).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "451 4.7.1 <grey@lab.test>: Recipient address rejected: Greylisted, please try again later",
        "550-5.1.1 The email account that you tried to reach does not exist. Please try\n"
            + "550 5.1.1 double-checking the recipient's email address",
        "551 5.1.6 <moved@lab.test>: User not local",
        "550 5.1.6 User has moved to an unknown place",
        "551 please try <bad address@example.com>",
        "551 please try <a@b\u0007c.example>",
        "551 please try <x@-bad-.example>",
        "551 please try again later or contact <postmaster@example.com>",
    })
    void noForwardPathInProseOrEchoOrInvalidMailbox(String reply) {
        SmtpReply parsed = SmtpReply.parse(reply);
        assertThat(ForwardPath.extract(parsed)).isEmpty();
    }

    @Test
    void echoedRecipientIsNeverReturnedEvenWhenNamedAgain() {
        SmtpReply reply = SmtpReply.parse("551 <moved@lab.test>: User not local; please try <moved@lab.test>");
        assertThat(ForwardPath.extract(reply)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "551 5.1.6 User <old@example.com> not here; resend to <new@example.net>|new@example.net",
        "551 Mail for <old@example.com> is not taken here. <new@example.net> is where to write|new@example.net",
        "550 5.1.6 Recipient <old@example.com> relocated: <new@example.net>|new@example.net",
        "251 User <old@example.com> not local; mail goes to <new@example.net>|new@example.net",
    })
    void aMovedReplyAboutARecipientNamesTheOneOtherBracketedMailboxWhateverTheWords(String reply, String expected) {
        DeliveryOutcome outcome = DeliveryOutcome.classify(Stage.RCPT, SmtpReply.parse(reply), "old@example.com");
        assertThat(outcome.forwardPath()).contains(expected);
        assertThat(outcome.reason()).isEqualTo(Reason.MOVED);
        assertThat(DeliveryOutcome.classify(Stage.RCPT, SmtpReply.parse(reply)).forwardPath())
                .as("without the recipient two mailboxes are ambiguous").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "551 5.1.6 please try <OLD@example.com>",
        "551 5.1.6 User <old@example.com> not local; contact <postmaster@example.net>",
        "551 5.1.6 User <old@example.com> not local; <a@example.net> or <b@example.net>",
        "551 5.1.6 User <old@example.com> not local; <a b@example.net>",
        "550 5.1.1 User <old@example.com> unknown; <new@example.net>",
    })
    void theRecipientARoleMailboxTwoMailboxesAnInvalidOneOrAReplyThatIsNoMoveNameNoForwardPath(String reply) {
        assertThat(DeliveryOutcome.classify(Stage.RCPT, SmtpReply.parse(reply), "old@example.com").forwardPath())
                .isEmpty();
    }

    @Test
    void mailboxLimitsAreEnforced() {
        assertThat(ForwardPath.isValidMailbox("a".repeat(64) + "@example.com")).isTrue();
        assertThat(ForwardPath.isValidMailbox("a".repeat(65) + "@example.com")).isFalse();
        String label = "d".repeat(63);
        String domain250 = label + "." + label + "." + label + "." + "d".repeat(58);
        assertThat(ForwardPath.isValidMailbox("a@" + domain250)).isTrue();
        assertThat(ForwardPath.isValidMailbox("abcd@" + domain250)).as("path over 256 octets").isFalse();
        assertThat(ForwardPath.isValidMailbox("a@" + "d".repeat(64) + ".example")).as("label over 63").isFalse();
        assertThat(ForwardPath.isValidMailbox("é".repeat(33) + "@example.com")).as("66 UTF-8 octets").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "@example.com", "a@", "a..b@example.com", ".a@example.com",
        "a.@example.com", "a b@example.com", "a@exa mple.com", "a\r\n@example.com", "a@example.com\r\nBcc: x@y.z",
        "a@b@c.example", "\"unterminated@example.com", "a@example..com", "a@[192.0.2.1"})
    void invalidMailboxesAreRefused(String candidate) {
        assertThat(ForwardPath.isValidMailbox(candidate)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@example.com", "first.last+tag@sub.example.co.uk", "\"john doe\"@example.com",
        "\"a\\\"b\"@example.com", "user@[192.0.2.1]", "user@[IPv6:2001:db8::1]", "jürgen@bücher.example",
        "o'brien@example.ie", "x@localhost"})
    void validMailboxesAreAccepted(String candidate) {
        assertThat(ForwardPath.isValidMailbox(candidate)).isTrue();
    }

    @Test
    void manyRepeatedPhrasesStayLinear() {
        String text = "551 " + "please try again later ".repeat(50_000) + "please try <z@new.example>";
        assertThat(ForwardPath.extract(SmtpReply.parse(text))).contains("z@new.example");
    }
}
