package org.mailoutcome.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The correlation header of each provider, and reading the send id back from it. */
class ProviderTest {
    private static final String ID = "s7x2kq9pabcdefghijklmnopqr";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "SES|X-SES-MESSAGE-TAGS|mail-outcome-id=" + ID,
        "SENDGRID|X-SMTPAPI|{\"unique_args\":{\"mail-outcome-id\":\"" + ID + "\"}}",
        "MAILGUN|X-Mailgun-Variables|{\"mail-outcome-id\":\"" + ID + "\"}",
        "POSTMARK|X-PM-Metadata-mail-outcome-id|" + ID,
        "SPARKPOST|X-MSYS-API|{\"metadata\":{\"mail-outcome-id\":\"" + ID + "\"}}",
        "MAILJET|X-MJ-CustomID|" + ID,
    })
    void eachProviderCarriesTheSendIdInItsDocumentedHeader(Provider provider, String name, String value) {
        assertThat(provider.header(ID)).isEqualTo(new Provider.Header(name, value));
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void theSendIdIsReadBackFromTheHeaderAsABounceMailReturnsIt(Provider provider) {
        Provider.Header header = provider.header(ID);

        assertThat(provider.trackingId(header.name().toLowerCase(java.util.Locale.ROOT), " " + header.value()))
                .contains(ID);
        assertThat(provider.trackingId("X-Other", header.value())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "SENDGRID|X-SMTPAPI|{\"unique_args\": {\"customer\": \"42\", \"mail-outcome-id\" : \"abc123\"}}|abc123",
        "SES|X-SES-MESSAGE-TAGS|campaign=spring, mail-outcome-id=abc123|abc123",
        "MAILGUN|X-Mailgun-Variables|{\"mail-outcome-id\": \"not an id!\"}|",
        "MAILJET|X-MJ-CustomID|order-42|",
    })
    void headersWrittenByOthersAreReadLeniently(Provider provider, String name, String value, String id) {
        assertThat(provider.trackingId(name, value).orElse(null)).isEqualTo(id);
    }

    @Test
    void metadataComesBackUnderTheTrackingKeyAndForMailjetAsItsCustomId() {
        assertThat(Provider.MAILGUN.trackingId(Map.of(Provider.TRACKING_KEY, ID))).contains(ID);
        assertThat(Provider.MAILJET.trackingId(Map.of("CustomID", ID))).contains(ID);
        assertThat(Provider.MAILJET.trackingId(Map.of(Provider.TRACKING_KEY, ID))).isEmpty();
        assertThat(Provider.SES.trackingId(Map.of(Provider.TRACKING_KEY, "x y"))).isEmpty();
    }

    @Test
    void aValueThatIsNoSendIdIsRefused() {
        assertThatThrownBy(() -> Provider.SENDGRID.header("a\"b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesParseIgnoringCase() {
        assertThat(Provider.parse("SendGrid")).isEqualTo(Provider.SENDGRID);
        assertThat(Provider.tryParse("smtp2go")).isEmpty();
        assertThatThrownBy(() -> Provider.parse("smtp2go")).hasMessageContaining("ses, sendgrid");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "email-smtp.us-east-1.amazonaws.com|SES",
        "email-smtp.eu-west-1.amazonaws.com|SES",
        "email-smtp-fips.us-gov-west-1.amazonaws.com|SES",
        "smtp.sendgrid.net|SENDGRID",
        "SMTP.SendGrid.NET.|SENDGRID",
        "smtp.mailgun.org|MAILGUN",
        "smtp.eu.mailgun.org|MAILGUN",
        "smtp.postmarkapp.com|POSTMARK",
        "smtp-broadcasts.postmarkapp.com|POSTMARK",
        "smtp.sparkpostmail.com|SPARKPOST",
        "smtp.eu.sparkpostmail.com|SPARKPOST",
        "in-v3.mailjet.com|MAILJET",
        "in.mailjet.com|MAILJET",
    })
    void theDocumentedSmtpRelayOfEachProviderIsRecognised(String host, Provider provider) {
        assertThat(Provider.ofSmtpHost(host)).contains(provider);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"smtp.sendgrid.net.example.com",
        "evil-smtp.sendgrid.net", "email-smtp.us-east-1.amazonaws.com.example.com", "email-smtp.amazonaws.com",
        "smtp.gmail.com", "127.0.0.1", "localhost", ""})
    void otherHostsAndLookAlikesAreNone(String host) {
        assertThat(Provider.ofSmtpHost(host)).isEmpty();
        assertThat(Provider.ofSmtpHost(null)).isEmpty();
    }

    @Test
    void aNamedProviderWinsDetectionCanBeTurnedOffAndATrackingCopyKeepsTheSetting() {
        Tracking detecting = Tracking.inMemory();
        Tracking named = Tracking.builder(new InMemoryDeliveryStore()).provider(Provider.MAILGUN).build();
        Tracking off = Tracking.builder(new InMemoryDeliveryStore()).detectProvider(false).build();

        assertThat(detecting.providerFor("smtp.sendgrid.net")).contains(Provider.SENDGRID);
        assertThat(detecting.providerFor("mx.example.com")).isEmpty();
        assertThat(named.providerFor("smtp.sendgrid.net")).contains(Provider.MAILGUN);
        assertThat(off.providerFor("smtp.sendgrid.net")).isEmpty();
        assertThat(off.toBuilder().build().providerFor("smtp.sendgrid.net")).isEmpty();
    }
}
