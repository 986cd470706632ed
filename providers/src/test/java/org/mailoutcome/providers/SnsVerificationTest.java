package org.mailoutcome.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailoutcome.providers.ProviderEvent.SubscriptionConfirmation.Confirmation;
import org.mailoutcome.tracking.Provider;

/** SNS signatures: what is accepted, and every way a forged, stale or replayed message is refused. */
class SnsVerificationTest {
    private final SnsFixture sns = new SnsFixture();
    private final ProviderEvents events = sns.events();
    private final String record = Payloads.text("ses/bounce-permanent.json");

    private ParseResult parse(JsonObject message) {
        return events.parse(Provider.SES, SnsSigner.bytes(message), Map.of());
    }

    private static Refusal refusal(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Refused.class);
        return ((ParseResult.Refused) result).refusal();
    }

    @Nested
    class Accepted {
        @ParameterizedTest(name = "SignatureVersion {0}")
        @ValueSource(ints = {1, 2})
        void bothSignatureVersionsVerify(int version) {
            sns.signer.version(version);
            assertThat(parse(sns.signer.notification("m-v" + version, record, Payloads.NOW, null)))
                    .isInstanceOf(ParseResult.Accepted.class);
        }

        @Test
        void aSubjectIsPartOfTheSignedString() {
            JsonObject m = sns.signer.notification("m-s", record, Payloads.NOW, "Amazon SES Email Event Notification");
            assertThat(parse(m)).isInstanceOf(ParseResult.Accepted.class);
            m.addProperty("Subject", "Another subject");
            assertThat(refusal(events.parse(Provider.SES, SnsSigner.bytes(m), Map.of()))).isEqualTo(Refusal.FORGED);
        }

        @Test
        void theCertificateIsFetchedOnceThenCached() {
            for (int i = 0; i < 3; i++) parse(sns.signer.notification("m-c" + i, record, Payloads.NOW, null));
            assertThat(sns.fetcher.requested).containsExactly(URI.create(SnsSigner.CERT_URL));
            assertThat(events.counters().accepted(Provider.SES)).isEqualTo(3);
        }

        @Test
        void withoutTrustAnchorsTheHttpsFetchFromAnSnsHostIsTheProof() {
            ProviderEvents plain = ProviderEvents.builder().clock(Payloads.CLOCK)
                    .verify(Provider.SES, Verification.sns(SnsSigner.TOPIC).withFetcher(sns.fetcher)).build();
            assertThat(plain.parse(Provider.SES, SnsSigner.bytes(sns.signer.notification("m-p", record, Payloads.NOW,
                    null)), Map.of())).isInstanceOf(ParseResult.Accepted.class);
        }
    }

    @Nested
    class Forged {
        @Test
        void aMessageAlteredAfterSigningIsRefused() {
            JsonObject m = sns.signer.notification("m-f", record, Payloads.NOW, null);
            m.addProperty("Message", record.replace("gone@example.net", "innocent@example.net"));
            assertThat(refusal(parse(m))).isEqualTo(Refusal.FORGED);
            assertThat(events.counters().refused(Provider.SES, Refusal.FORGED)).isEqualTo(1);
            assertThat(events.counters().accepted(Provider.SES)).isZero();
        }

        @Test
        void aMessageSignedWithAnotherKeyIsRefused() {
            SnsSigner attacker = new SnsSigner(TestCa.rsa().getPrivate());
            assertThat(refusal(parse(attacker.notification("m-k", record, Payloads.NOW, null))))
                    .isEqualTo(Refusal.FORGED);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "http://sns.eu-west-1.amazonaws.com/SimpleNotificationService-0123456789abcdef.pem",
            "https://sns.eu-west-1.amazonaws.com.evil.example/cert.pem",
            "https://evil.example/sns.eu-west-1.amazonaws.com/cert.pem",
            "https://sns.s3.amazonaws.com/cert.pem",
            "https://sns.s3-external-1.amazonaws.com/cert.pem",
            "https://sns.eu-west-1.amazonaws.com:8443/cert.pem",
            "https://user@sns.eu-west-1.amazonaws.com/cert.pem",
            "file:///etc/passwd",
            "not a url at all",
        })
        void aCertificateUrlThatIsNotHttpsOnAnSnsHostIsRefusedWithoutFetchingIt(String url) {
            sns.signer.certUrl(url);
            assertThat(refusal(parse(sns.signer.notification("m-u", record, Payloads.NOW, null))))
                    .isEqualTo(Refusal.UNTRUSTED_CERTIFICATE);
            assertThat(sns.fetcher.requested).isEmpty();
        }

        @Test
        void aCertificateFromAnotherCaIsRefusedWhenTrustAnchorsAreSet() {
            TestCa rogue = new TestCa("Rogue CA");
            KeyPair keys = TestCa.rsa();
            X509Certificate cert = rogue.issueSigning(keys, Instant.parse("2024-01-01T00:00:00Z"), Duration.ofDays(365),
                    true);
            String url = "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-rogue.pem";
            sns.fetcher.answer(url, TestCa.pem(cert, rogue.certificate));
            SnsSigner signer = new SnsSigner(keys.getPrivate()).certUrl(url);
            assertThat(refusal(parse(signer.notification("m-r", record, Payloads.NOW, null))))
                    .isEqualTo(Refusal.UNTRUSTED_CERTIFICATE);
        }

        @Test
        void anExpiredCertificateOrOneNotForSignaturesIsRefused() {
            KeyPair keys = TestCa.rsa();
            X509Certificate expired = SnsFixture.CA.issueSigning(keys, Instant.parse("2023-01-01T00:00:00Z"),
                    Duration.ofDays(30), true);
            X509Certificate encipherOnly = SnsFixture.CA.issueSigning(keys, Instant.parse("2024-01-01T00:00:00Z"),
                    Duration.ofDays(365), false);
            sns.fetcher.answer("https://sns.us-west-2.amazonaws.com/a.pem", TestCa.pem(expired));
            sns.fetcher.answer("https://sns.us-west-2.amazonaws.com/b.pem", TestCa.pem(encipherOnly));
            for (String url : List.of("https://sns.us-west-2.amazonaws.com/a.pem", "https://sns.us-west-2.amazonaws.com/b.pem")) {
                SnsSigner signer = new SnsSigner(keys.getPrivate()).certUrl(url);
                assertThat(refusal(parse(signer.notification("m-e" + url.length(), record, Payloads.NOW, null))))
                        .isEqualTo(Refusal.UNTRUSTED_CERTIFICATE);
            }
        }

        @Test
        void aMessageFromATopicNotConfiguredIsRefusedThoughGenuinelySigned() {
            sns.signer.topic("arn:aws:sns:eu-west-1:999999999999:somebody-elses-topic");
            assertThat(refusal(parse(sns.signer.notification("m-t", record, Payloads.NOW, null))))
                    .isEqualTo(Refusal.UNEXPECTED_TOPIC);
            assertThat(sns.fetcher.requested).isEmpty();
        }

        @Test
        void aMessageWithoutSignatureOrWithAnUnknownVersionIsRefused() {
            JsonObject m = sns.signer.notification("m-n", record, Payloads.NOW, null);
            m.remove("Signature");
            assertThat(refusal(parse(m))).isEqualTo(Refusal.MISSING_CREDENTIALS);
            JsonObject v = sns.signer.notification("m-v", record, Payloads.NOW, null);
            v.addProperty("SignatureVersion", "3");
            assertThat(refusal(parse(v))).isEqualTo(Refusal.FORGED);
        }

        @Test
        void rawMessageDeliveryCannotBeVerifiedAndIsRefused() {
            assertThat(refusal(events.parse(Provider.SES, Payloads.bytes("ses/complaint.json"), Map.of())))
                    .isEqualTo(Refusal.MISSING_CREDENTIALS);
        }

        @Test
        void aTruncatedMessageIsMalformed() {
            byte[] whole = SnsSigner.bytes(sns.signer.notification("m-x", record, Payloads.NOW, null));
            byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
            assertThat(events.parse(Provider.SES, half, Map.of())).isInstanceOf(ParseResult.Malformed.class);
            assertThat(events.counters().malformed(Provider.SES)).isEqualTo(1);
        }
    }

    @Nested
    class StaleAndReplayed {
        @ParameterizedTest(name = "{0} s from now")
        @ValueSource(longs = {-7200, -3901, 3901})
        void aMessageOutsideTheWindowIsStale(long offset) {
            assertThat(refusal(parse(sns.signer.notification("m-o" + offset, record, Payloads.NOW.plusSeconds(offset),
                    null)))).isEqualTo(Refusal.STALE);
        }

        @Test
        void anSnsRetryWithinItsHourIsStillAccepted() {
            assertThat(parse(sns.signer.notification("m-h", record, Payloads.NOW.minusSeconds(3599), null)))
                    .isInstanceOf(ParseResult.Accepted.class);
        }

        @Test
        void theSameMessageTwiceIsRefusedAsReplayedUnlessReleased() {
            byte[] body = SnsSigner.bytes(sns.signer.notification("m-same", record, Payloads.NOW, null));
            ParseResult first = events.parse(Provider.SES, body, Map.of());
            assertThat(((ParseResult.Accepted) first).replayToken()).contains("m-same");
            assertThat(refusal(events.parse(Provider.SES, body, Map.of()))).isEqualTo(Refusal.REPLAYED);
            events.release((ParseResult.Accepted) first);
            assertThat(events.parse(Provider.SES, body, Map.of())).isInstanceOf(ParseResult.Accepted.class);
            assertThat(events.counters().refused(Provider.SES, Refusal.REPLAYED)).isEqualTo(1);
        }

        @Test
        void aCertificateThatCannotBeFetchedIsATransientRefusal() {
            sns.fetcher.failure = new IOException("connect timed out");
            ParseResult result = parse(sns.signer.notification("m-503", record, Payloads.NOW, null));
            assertThat(refusal(result)).isEqualTo(Refusal.CERTIFICATE_UNAVAILABLE);
            assertThat(result.httpStatus()).isEqualTo(503);
            sns.fetcher.failure = null;
            assertThat(parse(sns.signer.notification("m-503", record, Payloads.NOW, null)))
                    .isInstanceOf(ParseResult.Accepted.class);
        }
    }

    @Nested
    class Subscriptions {
        private static final String SUBSCRIBE = "https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription"
                + "&TopicArn=arn:aws:sns:eu-west-1:123456789012:ses-events&Token=2336412f37fb687f5d51e6e2";

        private ProviderEvent.SubscriptionConfirmation confirm(ProviderEvents with, String url) {
            byte[] body = SnsSigner.bytes(sns.signer.confirmation("SubscriptionConfirmation", "c-1", url, Payloads.NOW));
            return (ProviderEvent.SubscriptionConfirmation) Payloads.only(with.parse(Provider.SES, body, Map.of()));
        }

        @Test
        void aConfirmationIsReportedAndNotVisitedUnlessConfigured() {
            ProviderEvent.SubscriptionConfirmation c = confirm(events, SUBSCRIBE);
            assertThat(c.confirmation()).isEqualTo(Confirmation.NOT_CONFIGURED);
            assertThat(c.topicArn()).isEqualTo(SnsSigner.TOPIC);
            assertThat(c.subscribeUrl()).isEqualTo(URI.create(SUBSCRIBE));
            assertThat(sns.fetcher.requested).doesNotContain(URI.create(SUBSCRIBE));
        }

        @Test
        void configuredTheSubscribeUrlIsVisited() {
            sns.fetcher.answer(SUBSCRIBE, "<ConfirmSubscriptionResponse/>");
            ProviderEvents confirming = ProviderEvents.builder().clock(Payloads.CLOCK)
                    .verify(Provider.SES, sns.verification().withConfirmSubscriptions(true)).build();
            assertThat(confirm(confirming, SUBSCRIBE).confirmation()).isEqualTo(Confirmation.CONFIRMED);
            assertThat(sns.fetcher.requested).contains(URI.create(SUBSCRIBE));
        }

        @Test
        void aSubscribeUrlOffAnSnsHostIsNeverVisited() {
            ProviderEvents confirming = ProviderEvents.builder().clock(Payloads.CLOCK)
                    .verify(Provider.SES, sns.verification().withConfirmSubscriptions(true)).build();
            ProviderEvent.SubscriptionConfirmation c = confirm(confirming, "https://evil.example/confirm");
            assertThat(c.confirmation()).isEqualTo(Confirmation.FAILED);
            assertThat(sns.fetcher.requested).doesNotContain(URI.create("https://evil.example/confirm"));
        }

        @Test
        void aForgedConfirmationIsRefusedAndNothingVisited() {
            ProviderEvents confirming = ProviderEvents.builder().clock(Payloads.CLOCK)
                    .verify(Provider.SES, sns.verification().withConfirmSubscriptions(true)).build();
            JsonObject m = sns.signer.confirmation("SubscriptionConfirmation", "c-2", SUBSCRIBE, Payloads.NOW);
            m.addProperty("SubscribeURL", SUBSCRIBE + "&other=1");
            assertThat(refusal(confirming.parse(Provider.SES, SnsSigner.bytes(m), Map.of())))
                    .isEqualTo(Refusal.FORGED);
            assertThat(sns.fetcher.requested).noneMatch(u -> u.toString().startsWith("https://sns.eu-west-1.amazonaws.com/?"));
        }

        @Test
        void anUnsubscribeConfirmationIsReportedAsUnknown() {
            byte[] body = SnsSigner.bytes(sns.signer.confirmation("UnsubscribeConfirmation", "c-3", SUBSCRIBE,
                    Payloads.NOW));
            assertThat(Payloads.only(events.parse(Provider.SES, body, Map.of())))
                    .isInstanceOf(ProviderEvent.Unknown.class);
        }
    }
}
