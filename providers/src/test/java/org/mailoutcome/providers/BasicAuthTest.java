package org.mailoutcome.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.mailoutcome.tracking.Provider;

/** Basic authentication, as Postmark, SparkPost and Mailjet send the credentials put in the webhook URL. */
class BasicAuthTest {
    private static final String USER = "hooks";
    private static final String PASSWORD = "c0rrect-h0rse";

    private static ProviderEvents events(Provider provider) {
        return ProviderEvents.builder().verify(provider, Verification.basicAuth(USER, PASSWORD)).build();
    }

    static Map<String, List<String>> authorization(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return Payloads.headers("authorization", "Basic " + token);
    }

    private static byte[] body(Provider provider) {
        return Payloads.bytes(switch (provider) {
            case POSTMARK -> "postmark/delivery.json";
            case SPARKPOST -> "sparkpost/ping.json";
            default -> "mailjet/sent.json";
        });
    }

    @ParameterizedTest
    @EnumSource(value = Provider.class, names = {"POSTMARK", "SPARKPOST", "MAILJET"})
    void theRightCredentialsAreAccepted(Provider provider) {
        assertThat(events(provider).parse(provider, body(provider), authorization(USER, PASSWORD)))
                .isInstanceOf(ParseResult.Accepted.class);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "POSTMARK,  hooks,  c0rrect-h0rsE, FORGED",
        "SPARKPOST, hookz,  c0rrect-h0rse, FORGED",
        "MAILJET,   hooks,  c0rrect-h0rse-and-more, FORGED",
        "POSTMARK,  hooks,  '',            FORGED",
    })
    void wrongCredentialsAreForged(Provider provider, String user, String password, Refusal expected) {
        ProviderEvents events = events(provider);
        ParseResult result = events.parse(provider, body(provider), authorization(user, password));
        assertThat(result).isInstanceOfSatisfying(ParseResult.Refused.class, r -> {
            assertThat(r.refusal()).isEqualTo(expected);
            assertThat(r.detail()).doesNotContain(PASSWORD).doesNotContain(password.isEmpty() ? "\u0000" : password);
        });
        assertThat(result.httpStatus()).isEqualTo(401);
        assertThat(events.counters().refused(provider, expected)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = Provider.class, names = {"POSTMARK", "SPARKPOST", "MAILJET"})
    void aRequestWithoutCredentialsOrWithAnotherSchemeIsRefused(Provider provider) {
        ProviderEvents events = events(provider);
        assertThat(((ParseResult.Refused) events.parse(provider, body(provider), Map.of())).refusal())
                .isEqualTo(Refusal.MISSING_CREDENTIALS);
        assertThat(((ParseResult.Refused) events.parse(provider, body(provider),
                Payloads.headers("Authorization", "Bearer abc"))).refusal()).isEqualTo(Refusal.MISSING_CREDENTIALS);
        assertThat(((ParseResult.Refused) events.parse(provider, body(provider),
                Payloads.headers("Authorization", "Basic %%%"))).refusal()).isEqualTo(Refusal.FORGED);
    }

    @ParameterizedTest
    @EnumSource(value = Provider.class, names = {"POSTMARK", "SPARKPOST", "MAILJET"})
    void aTruncatedBodyWithGoodCredentialsIsMalformed(Provider provider) {
        byte[] whole = body(provider);
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - 2);
        assertThat(events(provider).parse(provider, truncated, authorization(USER, PASSWORD)))
                .isInstanceOf(ParseResult.Malformed.class);
    }

    @ParameterizedTest
    @EnumSource(value = Provider.class, names = {"POSTMARK", "SPARKPOST", "MAILJET"})
    void theConfiguredPasswordIsNeverPrinted(Provider provider) {
        assertThat(Verification.basicAuth(USER, PASSWORD).toString()).doesNotContain(PASSWORD);
        assertThat(events(provider).verification(provider)).hasValueSatisfying(v ->
                assertThat(v.toString()).doesNotContain(PASSWORD));
    }
}
