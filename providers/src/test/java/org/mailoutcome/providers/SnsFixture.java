package org.mailoutcome.providers;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.mailoutcome.tracking.Provider;

/** A test CA, an SNS signing certificate it issued, served by a fake fetcher at the SNS URL; a signer. */
final class SnsFixture {
    static final TestCa CA = new TestCa("Test SNS CA");
    static final KeyPair SIGNING_KEYS = TestCa.rsa();
    static final X509Certificate SIGNING = CA.issueSigning(SIGNING_KEYS, Instant.parse("2024-01-01T00:00:00Z"),
            Duration.ofDays(365), true);
    final FakeSnsFetcher fetcher = new FakeSnsFetcher().answer(SnsSigner.CERT_URL, TestCa.pem(SIGNING));
    final SnsSigner signer = new SnsSigner(SIGNING_KEYS.getPrivate());

    Verification.Sns verification() {
        return Verification.sns(SnsSigner.TOPIC).withFetcher(fetcher).withTrustAnchors(List.of(CA.certificate));
    }

    ProviderEvents events() {
        return ProviderEvents.builder().verify(Provider.SES, verification()).clock(Payloads.CLOCK).build();
    }

    /** A signed notification carrying a documented SES record, published a minute before the tests' now. */
    byte[] notification(String sesResource) {
        return SnsSigner.bytes(signer.notification(UUID.randomUUID().toString(), Payloads.text(sesResource),
                Payloads.NOW.minusSeconds(60), null));
    }
}
