package org.mailoutcome.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailoutcome.testkit.Verb;

class CommandTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "EHLO client.test | EHLO", "ehlo client.test | EHLO", "HELO x | HELO", "STARTTLS | STARTTLS",
        "AUTH PLAIN | AUTH", "MAIL FROM:<a@b> | MAIL", "rcpt to:<a@b> | RCPT", "DATA | DATA", "RSET | RSET",
        "BDAT 5 LAST | BDAT", "bdat 0 | BDAT", "NOOP | NOOP", "VRFY alice | VRFY", "EXPN list | EXPN", "QUIT | QUIT",
        "XCLIENT ADDR=1.2.3.4 | UNKNOWN", "MAILFROM:<a@b> | UNKNOWN", "'' | UNKNOWN",
    })
    void verbIsTheFirstWordIgnoringCase(String line, Verb verb) {
        assertThat(Command.parse(line).verb()).isEqualTo(verb);
    }

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiter = '|', value = {
        "MAIL FROM:<alice@example.test> | alice@example.test",
        "MAIL FROM:<> | ''",
        "MAIL FROM: <alice@example.test> SIZE=100 | alice@example.test",
        "mail from:alice@example.test BODY=8BITMIME | alice@example.test",
        "RCPT TO:<Bob@Example.Test> NOTIFY=SUCCESS,FAILURE | Bob@Example.Test",
        "RCPT garbage | garbage",
        "VRFY <alice@example.test> | alice@example.test",
        "VRFY alice | alice",
        "EXPN <list> | list",
        "EHLO client.test | client.test",
        "AUTH PLAIN AGFsaWNlAHB3 | PLAIN AGFsaWNlAHB3",
        "XCLIENT ADDR=1.2.3.4 | XCLIENT ADDR=1.2.3.4",
        "NOOP | ''",
        "BDAT 1000 LAST | 1000 LAST",
        "BDAT  5  last | 5  last",
    })
    void subjectIsWhatArgumentPatternsAreMatchedAgainst(String line, String subject) {
        assertThat(Command.parse(line).subject()).isEqualTo(subject);
    }

    @Test
    void endOfDataIsAnEventWithTheDotAsLine() {
        Command command = Command.event(Verb.END_OF_DATA);
        assertThat(command.line()).isEqualTo(".");
        assertThat(command.subject()).isEmpty();
    }

    @Test
    void chunkDataIsAMessageDataEventMatchedOnTheBdatArgument() {
        Command command = Command.parse("BDAT 21 LAST").chunkData();
        assertThat(command.verb()).isEqualTo(Verb.MESSAGE_DATA);
        assertThat(command.subject()).isEqualTo("21 LAST");
    }

    @Test
    void pathParametersAreKeyedInUpperCase() {
        PathArgument path = Command.parse("MAIL FROM:<a@b> size=1234 body=8BITMIME SMTPUTF8").path().orElseThrow();
        assertThat(path.parameters()).isEqualTo(Map.of("SIZE", "1234", "BODY", "8BITMIME", "SMTPUTF8", ""));
        assertThat(path.size()).hasValue(1234);
    }

    @Test
    void sizeThatIsNoNumberIsIgnored() {
        assertThat(Command.parse("MAIL FROM:<a@b> SIZE=big").path().orElseThrow().size()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"MAIL alice@b", "MAIL FROM:", "MAIL FROM:<unclosed", "RCPT TO:", "RCPT <a@b>"})
    void malformedPathHasNoPath(String line) {
        assertThat(Command.parse(line).path()).isEmpty();
    }
}
