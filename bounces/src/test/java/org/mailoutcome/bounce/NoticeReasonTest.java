package org.mailoutcome.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mailoutcome.Reason;
import org.mailoutcome.Stage;

/** What a notice adds to the reason of the reply it quotes, on real mails of the Sisimai corpus. */
class NoticeReasonTest {
    private static BouncedRecipient first(String name) {
        return ((Bounce) BounceParser.defaults().parse(Corpus.bytes(name))).recipients().get(0);
    }

    @Test
    void userUnknownInReplyToEndOfDataIsAFilterDecision() {
        BouncedRecipient r = first("lhost-postfix-03.eml");
        assertThat(r.diagnostic()).hasValueSatisfying(d -> assertThat(d).contains("Unknown user"));
        assertThat(r.outcome().stage()).isEqualTo(Stage.MESSAGE);
        assertThat(r.reason()).isEqualTo(Reason.POLICY);
    }

    @Test
    void userUnknownAfterDataInASendmailTranscriptIsAFilterDecision() {
        BouncedRecipient r = first("lhost-sendmail-19.eml");
        assertThat(r.outcome().stage()).isEqualTo(Stage.MESSAGE);
        assertThat(r.reason()).isEqualTo(Reason.POLICY);
    }

    @Test
    void userUnknownInReplyToRcptStaysUserUnknown() {
        BouncedRecipient r = first("lhost-postfix-02.eml");
        assertThat(r.outcome().stage()).isEqualTo(Stage.RCPT);
        assertThat(r.reason()).isEqualTo(Reason.USER_UNKNOWN);
    }

    @Test
    void failureOnAConnectionThatTimedOutIsExpired() {
        BouncedRecipient r = first("lhost-postfix-08.eml");
        assertThat(r.action()).isEqualTo(Action.FAILED);
        assertThat(r.outcome().reason()).isEqualTo(Reason.NETWORK);
        assertThat(r.reason()).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void failureOnAConnectionLostWithoutTimeoutStaysNetwork() {
        BouncedRecipient r = first("lhost-postfix-56.eml");
        assertThat(r.action()).isEqualTo(Action.FAILED);
        assertThat(r.reason()).isEqualTo(Reason.NETWORK);
    }

    @Test
    void failureOnANameTheDnsDoesNotKnowIsHostUnknown() {
        BouncedRecipient r = first("lhost-postfix-06.eml");
        assertThat(r.outcome().reason()).isEqualTo(Reason.NETWORK);
        assertThat(r.reason()).isEqualTo(Reason.HOST_UNKNOWN);
    }

    @Test
    void userUnknownAfterACommandLabelledDataIsAFilterDecision() {
        BouncedRecipient r = first("lhost-mfilter-01.eml");
        assertThat(r.outcome().stage()).isEqualTo(Stage.MESSAGE);
        assertThat(r.reason()).isEqualTo(Reason.POLICY);
    }

    @Test
    void badMailboxStatusAfterDataStaysUserUnknown() {
        BouncedRecipient r = first("lhost-mfilter-02.eml");
        assertThat(r.status().subject()).isEqualTo(1);
        assertThat(r.outcome().stage()).isEqualTo(Stage.MESSAGE);
        assertThat(r.reason()).isEqualTo(Reason.USER_UNKNOWN);
    }

    @Test
    void failureAfterTheRecipientServerRefusedToConnectIsExpired() {
        BouncedRecipient r = first("lhost-gmail-10.eml");
        assertThat(r.outcome().reason()).isEqualTo(Reason.UNKNOWN);
        assertThat(r.reason()).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void reportingServersRecipientNameIsNotRecognizedIsUserUnknown() {
        assertThat(first("lhost-exchange2003-05.eml").reason()).isEqualTo(Reason.USER_UNKNOWN);
    }

    @Test
    void textBounceReadsTheTranscriptBelowADashedHeading() {
        BouncedRecipient r = first("lhost-activehunter-01.eml");
        assertThat(r.diagnostic()).hasValueSatisfying(d -> assertThat(d).contains("no mailbox here by that name"));
        assertThat(r.reason()).isEqualTo(Reason.USER_UNKNOWN);
    }
}
