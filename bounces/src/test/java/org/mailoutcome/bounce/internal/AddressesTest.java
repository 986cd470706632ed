package org.mailoutcome.bounce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailoutcome.bounce.tracking.internal.Correlator;

/** The module's one address pattern (issue 27): field values, text bounce lines and the tracker read alike. */
class AddressesTest {

    @ParameterizedTest(name = "\"{0}\" gives {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "rfc822; <jdoe@example.com>                           | jdoe@example.com",
        "rfc822;jdoe@example.com                              | jdoe@example.com",
        "\"Doe, John\" <jdoe@example.com>                     | jdoe@example.com",
        "'jdoe@example.com'                                   | jdoe@example.com",
        "jdoe@example.com... User unknown                     | jdoe@example.com",
        "mailto:jdoe@example.com                              | jdoe@example.com",
        "SRS0=HHH=TT=example.org=jdoe@forwarder.example       | SRS0=HHH=TT=example.org=jdoe@forwarder.example",
        "IMCEASMTP-jdoe+40example+2Ecom@exchange.example.org  | jdoe@example.com",
        "kijitora@example.jp您好                              | kijitora@example.jp",
        "user@[192.0.2.1]                                     | user@[192.0.2.1]",
        "root@localhost                                       | root@localhost",
        "o'brien+tag@example.co.uk.                           | o'brien+tag@example.co.uk",
        "(jdoe@example.com)                                   | jdoe@example.com",
        "see <http://example.com/a/jdoe@example.com>          | jdoe@example.com",
        "δοκιμή@παράδειγμα.example                            | δοκιμή@παράδειγμα.example"})
    void readsTheAddressInText(String text, String expected) {
        assertThat(Addresses.first(text)).contains(expected);
    }

    @Test
    void findsNoAddressWithoutALocalPartOrDomain() {
        assertThat(Addresses.first("no address @ here, nor at@")).isEmpty();
        assertThat(Addresses.first("@example.com")).isEmpty();
    }

    @Test
    void fieldValuesTextLinesAndTheTrackerReadTheSameAddresses() {
        String value = "rfc822; \"Doe, John\" <JDoe@Example.com>, other@example.net";
        assertThat(Addresses.all(value)).containsExactly("JDoe@Example.com", "other@example.net");
        assertThat(Correlator.addresses(value)).isEqualTo(Addresses.all(value));
        assertThat(Fields.address(value)).contains("JDoe@Example.com");
        assertThat(Fields.anyAddress(value)).isEqualTo(Addresses.first(value));
    }

    @Test
    void aBareLocalPartFieldIsKeptAsWritten() {
        assertThat(Fields.address("rfc822; jdoe")).contains("jdoe");
        assertThat(Fields.address("rfc822; <>")).isEmpty();
    }
}
