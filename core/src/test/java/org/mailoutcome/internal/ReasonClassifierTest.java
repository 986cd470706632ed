package org.mailoutcome.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailoutcome.EnhancedStatus;
import org.mailoutcome.Reason;
import org.mailoutcome.SmtpReply;
import org.mailoutcome.Transcripts;

class ReasonClassifierTest {

    /**
     * Clear cases: reply (lines joined by a literal \n) | reason | where the reply comes from. "P" = captured from
     * Postfix 3.7.11 (replies/postfix-3.7.tsv); vendor rows are the vendors' documented or widely quoted texts.
     */
    private static final String CLEAR_CASES = """
            250 2.1.5 Ok | NONE | P
            221 2.0.0 Bye | NONE | P
            252 2.0.0 <alice@lab.test> | NONE | P (VRFY)
            354 End data with <CR><LF>.<CR><LF> | NONE | P
            450 4.2.1 <tmp450@lab.test>: Recipient address rejected: Mailbox temporarily unavailable | MAILBOX_DISABLED | P (X.2.1 mailbox disabled)
            450 4.7.1 <defer@lab.test>: Recipient address rejected: Access denied | POLICY | P
            450 4.7.1 <deferif@lab.test>: Recipient address rejected: Service unavailable | POLICY | P (defer_if_permit)
            451 4.3.5 Server configuration error | SYSTEM | P
            451 4.7.1 <grey@lab.test>: Recipient address rejected: Greylisted, please try again later | GREYLISTED | P
            452 4.2.2 <full452@lab.test>: Recipient address rejected: Mailbox full, try again later | MAILBOX_FULL | P
            452 4.5.3 Error: too many recipients | TOO_MANY_RECIPIENTS | P
            500 5.5.2 Error: command not recognized | SYNTAX | P
            501 5.5.4 Syntax: VRFY address [SMTPUTF8] | SYNTAX | P
            502 5.5.1 VRFY command is disabled | SYNTAX | P
            503 5.5.1 Error: need MAIL command | SYNTAX | P
            504 5.5.2 <alice>: Recipient address rejected: need fully-qualified address | SYNTAX | P
            504 5.5.2 <nosuch>: Recipient address rejected: need fully-qualified address | SYNTAX | P
            550 5.1.1 <nosuch@lab.test>: Recipient address rejected: User unknown in local recipient table | USER_UNKNOWN | P
            550 5.1.1 <okunknown@lab.test>: Recipient address rejected: User unknown in local recipient table | USER_UNKNOWN | P
            550 5.1.6 <moved@lab.test>: Recipient address rejected: User has moved to alice@new.example | MOVED | P (relocated_maps)
            550 5.1.6 <gone@lab.test>: Recipient address rejected: User has moved to Bob Smith <bob@new.example> | MOVED | P
            551 5.1.6 <moved551@lab.test>: Recipient address rejected: User not local; please try <moved551@new.example> | MOVED | P
            552 5.2.2 <full552@lab.test>: Recipient address rejected: Mailbox full | MAILBOX_FULL | P
            552 5.3.4 Message size exceeds fixed limit | MESSAGE_TOO_BIG | P
            553 5.1.3 <bad553@lab.test>: Recipient address rejected: Mailbox name not allowed | SYNTAX | P
            554 5.5.1 Error: no valid recipients | SYNTAX | P
            554 5.7.1 <reject@lab.test>: Recipient address rejected: Access denied | POLICY | P (access map REJECT)
            554 5.7.1 <reject2@lab.test>: Recipient address rejected: no mail for you | POLICY | P (access map, own text)
            554 5.7.1 <someone@remote.example>: Relay access denied | RELAY_DENIED | P
            450 4.7.25 Client host rejected: cannot find your hostname, [192.0.2.1] | POLICY | Postfix reject_unknown_client_hostname
            450 4.7.1 Client host rejected: cannot find your hostname, [192.0.2.1] | POLICY | Postfix before 3.x (X.7.1 form)
            554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org | POLICY | Postfix reject_rbl_client
            454 4.7.1 <x@remote.example>: Relay access denied | RELAY_DENIED | Postfix defer_unauth_destination
            450 4.1.8 <a@nx.example>: Sender address rejected: Domain not found | POLICY | Postfix reject_unknown_sender_domain
            450 4.1.2 <b@nx.example>: Recipient address rejected: Domain not found | HOST_UNKNOWN | Postfix reject_unknown_recipient_domain
            421 4.7.0 mx.example.com Error: too many connections from 192.0.2.1 | RATE_LIMITED | Postfix anvil connection limit
            452 4.3.1 Insufficient system storage | SYSTEM | Postfix queue_minfree
            501 5.1.7 Bad sender address syntax | SYNTAX | Postfix
            535 5.7.8 Error: authentication failed: authentication failure | AUTH_REQUIRED | Postfix SASL
            530 5.7.0 Must issue a STARTTLS command first | AUTH_REQUIRED | Postfix smtpd_tls_auth_only
            550-5.1.1 The email account that you tried to reach does not exist. Please try\\n550-5.1.1 double-checking the recipient's email address for typos or\\n550-5.1.1 unnecessary spaces. Learn more at\\n550 5.1.1  https://support.google.com/mail/?p=NoSuchUser a1si123 - gsmtp | USER_UNKNOWN | Gmail
            452-4.2.2 The email account that you tried to reach is over quota. Please direct\\n452-4.2.2 the recipient to\\n452 4.2.2  https://support.google.com/mail/?p=OverQuotaTemp a1si123 - gsmtp | MAILBOX_FULL | Gmail
            552-5.2.2 The recipient's inbox is out of storage space and inactive. Please direct\\n552 5.2.2 the recipient to https://support.google.com/mail/?p=OverQuotaPerm | MAILBOX_FULL | Gmail
            421-4.7.0 [192.0.2.1] Our system has detected an unusual rate of\\n421-4.7.0 unsolicited mail originating from your IP address. To protect our\\n421-4.7.0 users from spam, mail sent from your IP address has been temporarily\\n421 4.7.0 rate limited. https://support.google.com/mail/?p=UnsolicitedRateLimitError | RATE_LIMITED | Gmail (older X.7.0 form)
            421-4.7.28 [192.0.2.1] Our system has detected an unusual rate of\\n421 4.7.28 unsolicited mail originating from your IP address. | RATE_LIMITED | Gmail (X.7.28 form)
            450-4.2.1 The user you are trying to contact is receiving mail at a rate that\\n450 4.2.1 prevents additional messages from being delivered. | RATE_LIMITED | Gmail
            550-5.7.26 This mail has been blocked because the sender is unauthenticated.\\n550-5.7.26 Gmail requires all senders to authenticate with either SPF or DKIM.\\n550-5.7.26\\n550 5.7.26 DKIM = did not pass | POLICY | Gmail
            550-5.7.1 [192.0.2.1] Our system has detected that this message is\\n550 5.7.1 likely unsolicited mail. | POLICY | Gmail
            550-5.7.25 [192.0.2.1] The IP address sending this message does not have a\\n550 5.7.25 PTR record setup | POLICY | Gmail
            552-5.3.4 Your message exceeded Google's message size limits. | MESSAGE_TOO_BIG | Gmail
            550 5.4.5 Daily user sending quota exceeded. | RATE_LIMITED | Gmail (sending account)
            530-5.7.0 Authentication Required. Learn more at\\n530 5.7.0  https://support.google.com/mail/?p=WantAuthError | AUTH_REQUIRED | Gmail submission
            550-5.2.1 The email account that you tried to reach is disabled. | MAILBOX_DISABLED | Gmail
            550 Mailbox is frozen. See http://mail.i.ua/err/3/ | MAILBOX_DISABLED | i.ua (Sisimai suspend)
            550 5.5.0 Le compte du destinataire est bloque. The recipient account is blocked. LPN007_426 | MAILBOX_DISABLED | Orange (Sisimai suspend)
            550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup | USER_UNKNOWN | Microsoft 365
            550 5.4.1 Recipient address rejected: Access denied. AS(201806281) | USER_UNKNOWN | Microsoft 365 directory-based edge blocking
            550 5.7.606 Access denied, banned sending IP [192.0.2.1]. To request removal from this list please visit https://sender.office.com/ | POLICY | Microsoft 365
            550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP. | POLICY | Microsoft 365
            550 5.7.509 Access denied, sending domain [EXAMPLE.COM] does not pass DMARC verification and has a DMARC policy of reject. | POLICY | Microsoft 365
            550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain | RELAY_DENIED | Microsoft 365
            452 4.5.3 Too many recipients | TOO_MANY_RECIPIENTS | Microsoft 365
            451 4.7.650 The mail server [192.0.2.1] has been temporarily rate limited due to IP reputation. | POLICY | Microsoft 365 (reputation wins, as in Sisimai)
            530 5.7.57 Client not authenticated to send mail. | AUTH_REQUIRED | Microsoft 365 submission
            550 5.2.2 STOREDRV.Deliver: mailbox full. | MAILBOX_FULL | Microsoft Exchange
            421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes | POLICY | Yahoo (reputation; Sisimai badreputation)
            554 5.7.9 Message not accepted for policy reasons.  See https://postmaster.yahooinc.com/error-codes | POLICY | Yahoo
            552 1 Requested mail action aborted, mailbox not found | USER_UNKNOWN | Yahoo
            553 5.7.1 [BL21] Connections will not be accepted from 192.0.2.1, because the ip is in Spamhaus's list | POLICY | Yahoo
            550 Unrouteable address | NETWORK | Exim 4 (router found no route; Sisimai hostunknown)
            451 Temporary local problem - please try later | SYSTEM | Exim 4
            550 relay not permitted | RELAY_DENIED | Exim 4 default ACL
            550 Unknown user | USER_UNKNOWN | Exim 4 default ACL
            550 Administrative prohibition | POLICY | Exim 4 ACL deny
            552 Message size exceeds maximum permitted | MESSAGE_TOO_BIG | Exim 4 message_size_limit
            550 5.1.1 <nosuch@example.com>... User unknown | USER_UNKNOWN | Sendmail 8
            553 5.1.8 <a@nx.example>... Domain of sender address a@nx.example does not exist | POLICY | Sendmail 8
            550 5.7.1 <x@remote.example>... Relaying denied. Proper authentication required. | RELAY_DENIED | Sendmail 8
            452 4.4.5 Insufficient disk space; try again later | SYSTEM | Sendmail 8
            552 5.2.3 Message size exceeds fixed maximum message size (10485760) | MESSAGE_TOO_BIG | Sendmail 8
            553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1) | RELAY_DENIED | qmail
            550 sorry, no mailbox here by that name. (#5.1.1) | USER_UNKNOWN | qmail
            552 sorry, that message size exceeds my databytes limit (#5.3.4) | MESSAGE_TOO_BIG | qmail
            250 OK | NONE | RFC 5321 D.1
            251 User not local; will forward to <forward@example.net> | MOVED | RFC 5321 4.2.2
            551 User not local; please try <forward@example.net> | MOVED | RFC 5321 3.4
            550 No such user here | USER_UNKNOWN | RFC 5321 D.3
            421 mx.example.com Service not available, closing transmission channel | SYSTEM | RFC 5321 4.2.2
            450 Requested mail action not taken: mailbox unavailable | UNKNOWN | RFC 5321 4.2.2 (busy or blocked: nothing finer)
            451 Requested action aborted: local error in processing | SYSTEM | RFC 5321 4.2.2
            452 Requested action not taken: insufficient system storage | SYSTEM | RFC 5321 4.2.2
            500 Syntax error, command unrecognized | SYNTAX | RFC 5321 4.2.2
            503 Bad sequence of commands | SYNTAX | RFC 5321 4.2.2
            550 Requested action not taken: mailbox unavailable | USER_UNKNOWN | RFC 5321 4.2.2 (weak phrase)
            552 Requested mail action aborted: exceeded storage allocation | MAILBOX_FULL | RFC 5321 4.2.2
            552 Too many recipients | TOO_MANY_RECIPIENTS | RFC 5321 4.5.3.1.10
            553 Requested action not taken: mailbox name not allowed | SYNTAX | RFC 5321 4.2.2
            554 Transaction failed | UNKNOWN | RFC 5321 4.2.2 (nothing finer)
            521 mx.example.com does not accept mail | NETWORK | RFC 7504
            556 5.1.10 Recipient address has null MX | NETWORK | RFC 7505
            535 5.7.8 Authentication credentials invalid | AUTH_REQUIRED | RFC 4954
            534 5.7.9 Authentication mechanism is too weak | AUTH_REQUIRED | RFC 4954
            454 4.7.0 Temporary authentication failure | AUTH_REQUIRED | RFC 4954
            550 5.1.3 <jdoe@example.com>: The recipient does not exist | USER_UNKNOWN | issue 25: X.1.3 sent for a well-formed address naming no mailbox
            501 5.1.3 Bad recipient address syntax | SYNTAX | RFC 3463 X.1.3 as registered
            550 <jdoe@example.com> is not a known user | USER_UNKNOWN | issue 25 unknown-user wording
            550 jdoe@example.com is not an active address at this host | USER_UNKNOWN | issue 25 unknown-user wording
            550 Bad recipient | USER_UNKNOWN | issue 25 unknown-user wording
            550 Sorry, no mailbox here by that name. | USER_UNKNOWN | qmail without its status
            552 Requested mail action aborted: mailbox would exceed its size limit | MAILBOX_FULL | issue 25 mailbox-size wording
            452 Mailbox size exceeded, try again later | MAILBOX_FULL | issue 25 mailbox-size wording
            550 5.7.1 Your message is too big to be delivered | MESSAGE_TOO_BIG | issue 25: a size refusal under X.7.1
            554 5.7.1 The message was rejected because it is larger than the maximum allowed size | MESSAGE_TOO_BIG | issue 25: a size refusal under X.7.1
            552 5.6.0 Headers too large (32768 max) | POLICY | Sendmail 8 (content, not the message's size)
            550 5.7.1 Relaying to <jdoe@example.org> denied | RELAY_DENIED | issue 25 relay refusal
            554 5.7.1 This server does not relay for example.org | RELAY_DENIED | issue 25 relay refusal
            550 5.7.1 Relaying is not allowed from your address | RELAY_DENIED | issue 25 relay refusal
            550 5.5.0 Requested action not taken: mailbox unavailable | USER_UNKNOWN | Hotmail (X.5.0 says nothing about the recipient)
            550 5.5.0 domain mismatches client ip | SYNTAX | X.5.0 with no phrase keeps its default
            554 delivery error: dd Requested mailbox is not available - mta1234.mail.example | USER_UNKNOWN | Yahoo (weak phrase)
            """;

    @ParameterizedTest(name = "{2}: {0}")
    @MethodSource("clearCases")
    void clearCasesGetTheirReason(String raw, Reason expected, String source) {
        SmtpReply reply = SmtpReply.parse(raw);

        assertThat(ReasonClassifier.reasonOf(reply.code(), reply.enhancedStatus(), reply.text())).isEqualTo(expected);
    }

    @Test
    void everyFailureCapturedFromPostfixIsAClearCase() {
        Set<String> table = clearCases().map(arguments -> (String) arguments.get()[0]).collect(Collectors.toSet());

        Transcripts.rows("postfix-3.7.tsv").stream().map(row -> row[2]).filter(reply -> reply.charAt(0) >= '4')
                .forEach(reply -> assertThat(table).as("clear cases").contains(reply));
    }

    @Test
    void onlyTheFirstFourKibOfTextAreReadForTheReason() {
        String filler = "lorem ipsum dolor sit amet ".repeat(ReasonClassifier.MAX_WORDS / 27 + 1);
        assertThat(reasonOf(550, "5.0.0", "No such user " + filler)).isEqualTo(Reason.USER_UNKNOWN);
        assertThat(reasonOf(550, "5.0.0", filler + "No such user")).isEqualTo(Reason.UNKNOWN);
        assertThat(reasonOf(550, "5.0.0", "550-No such\n550 user")).as("lines joined").isEqualTo(Reason.USER_UNKNOWN);
    }

    @Test
    void enhancedCodeThatDecidesWinsOverTheText() {
        assertThat(reasonOf(550, "5.1.1", "Mailbox full")).isEqualTo(Reason.USER_UNKNOWN);
        assertThat(reasonOf(552, "5.2.2", "User unknown")).isEqualTo(Reason.MAILBOX_FULL);
        assertThat(reasonOf(421, "4.7.28", "Service not available")).isEqualTo(Reason.RATE_LIMITED);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "550 | 5.7.1   | Relay access denied              | RELAY_DENIED",
        "550 | 5.7.1   | User unknown                     | USER_UNKNOWN",
        "550 | 5.7.1   | Go away                          | POLICY",
        "550 | 5.0.0   | Go away                          | UNKNOWN",
        "550 | 5.0.0   | No such user                     | USER_UNKNOWN",
        "451 | 4.3.0   | Greylisting in action            | GREYLISTED",
        "451 | 4.3.0   | Try later                        | SYSTEM",
        "550 | 5.7.606 | Go away                          | POLICY",
        "550 | 5.4.316 | Message expired                  | EXPIRED",
        "550 | 5.9.9   | Mailbox full                     | MAILBOX_FULL",
        "550 | 5.9.9   | Go away                          | UNKNOWN"})
    void genericOrUnregisteredCodeIsRefinedByTheTextElseKeepsItsSubjectDefault(int code, String status, String text,
            Reason expected) {
        assertThat(reasonOf(code, status, text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "500 | Line too long                | SYNTAX",
        "530 | Access denied                | AUTH_REQUIRED",
        "535 | Go away                      | AUTH_REQUIRED",
        "551 | Not our customer             | MOVED",
        "552 | ''                           | MAILBOX_FULL",
        "552 | Message size exceeds limit   | MESSAGE_TOO_BIG",
        "421 | ''                           | SYSTEM",
        "450 | ''                           | UNKNOWN",
        "550 | ''                           | UNKNOWN",
        "554 | Rejected                     | POLICY",
        "110 | User unknown                 | UNKNOWN",
        "354 | Go ahead                     | NONE",
        "251 | Will forward                 | MOVED"})
    void withoutEnhancedCodeTheBasicCodeAndTextDecide(int code, String text, Reason expected) {
        assertThat(ReasonClassifier.reasonOf(code, Optional.empty(), text)).isEqualTo(expected);
    }

    @Test
    void textMatchesCaseInsensitivelyOnWholeWordsOnly() {
        assertThat(reasonOf(550, "5.0.0", "USER UNKNOWN")).isEqualTo(Reason.USER_UNKNOWN);
        assertThat(reasonOf(550, "5.0.0", "superuser unknowns")).isEqualTo(Reason.UNKNOWN);
        assertThat(reasonOf(550, "5.0.0", "cube of tubes")).isEqualTo(Reason.UNKNOWN);
        assertThat(reasonOf(550, "5.0.0", "Greylisted")).isEqualTo(Reason.GREYLISTED);
    }

    @Test
    void phraseWrappedOverContinuationLinesStillMatchesWithOrWithoutTheirCodes() {
        assertThat(reasonOf(421, "4.7.0", "mail has been temporarily rate\nlimited")).isEqualTo(Reason.RATE_LIMITED);
        assertThat(reasonOf(421, "4.7.0", "421-4.7.0 mail has been temporarily rate\r\n421 4.7.0  limited"))
                .isEqualTo(Reason.RATE_LIMITED);
        assertThat(reasonOf(550, "5.0.0", "5.0.0 user\n550-5.0.0\tunknown")).isEqualTo(Reason.USER_UNKNOWN);
    }

    @Test
    void megabyteOfTextIsClassifiedFromItsStartWithoutHanging() {
        String noisy = "user unknowx relay acce rate limix spa ".repeat(1 << 15) + "\n550-5.1.1 mailbox full";

        Reason reason = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> ReasonClassifier.reasonOf(452, Optional.empty(), noisy));

        assertThat(noisy.length()).isGreaterThan(1 << 20);
        // the phrase at the end lies beyond the text read for reasons: 452's own reason stands
        assertThat(reason).isEqualTo(Reason.SYSTEM);
    }

    @Test
    void nullArgumentsAreRejectedNamingThem() {
        assertThatNullPointerException().isThrownBy(() -> ReasonClassifier.reasonOf(550, null, "x"))
                .withMessage("status");
        assertThatNullPointerException().isThrownBy(() -> ReasonClassifier.reasonOf(550, Optional.empty(), null))
                .withMessage("text");
    }

    static Stream<Arguments> clearCases() {
        return CLEAR_CASES.lines().filter(line -> !line.isBlank()).map(line -> {
            String[] cells = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
            return Arguments.of(cells[0].replace("\\n", "\n"), Reason.valueOf(cells[1]), cells[2]);
        });
    }

    private static Reason reasonOf(int code, String status, String text) {
        return ReasonClassifier.reasonOf(code, Optional.of(EnhancedStatus.parse(status)), text);
    }
}
