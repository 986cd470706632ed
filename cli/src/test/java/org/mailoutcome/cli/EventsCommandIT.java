package org.mailoutcome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.testkit.Verb;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.testsupport.Hmac;

/**
 * {@code events} and {@code send --provider}: saved provider payloads (written from each provider's documented
 * payloads) printed in each format and compared byte for byte with {@code src/test/resources/golden/events-*.txt};
 * a Mailgun payload verified with the key of the environment, a forged one refused; and sends through the testkit
 * playing the provider's endpoint whose events, applied with {@code --store}, move the fates. To capture again after
 * a deliberate change: {@code mvn -q -o verify -pl cli -Dit.test=EventsCommandIT -Dgolden.update=true}.
 */
class EventsCommandIT {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final String EVENTS = "src/test/resources/events/";
    private static final String MAILGUN_KEY = "key-3ax6xnjp29jd6fds4gc373sgvjxteol0";

    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    private final List<String> mismatches = new ArrayList<>();

    @Test
    void savedPayloadsPrintOneRowPerEventInEachFormat() throws IOException {
        golden("events-mailgun-tsv", CliRun.withHeader("events", "--provider", "mailgun", "--no-verify",
                EVENTS + "mailgun-failed-permanent.json", EVENTS + "mailgun-failed-temporary.json",
                EVENTS + "mailgun-delivered.json"));
        golden("events-sendgrid-json", CliRun.of("", "events", "--provider", "SendGrid", "--no-verify", "--format",
                "json", EVENTS + "sendgrid-all-kinds.json"));
        golden("events-ses-text", CliRun.of("", "events", "--provider", "ses", "--no-verify", "--format", "text",
                EVENTS + "ses-bounce-permanent.json"));

        assertThat(mismatches).as("golden files that differ (rerun with -Dgolden.update=true to see the diff)")
                .isEmpty();
    }

    @Test
    void aMailgunPayloadIsVerifiedWithTheKeyOfTheEnvironmentAndAForgedOneIsRefused() throws IOException {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "events")), "signed");
        Path genuine = mailgun(dir.resolve("genuine.json"), MAILGUN_KEY, "Q1w2E3r4");
        Path forged = mailgun(dir.resolve("forged.json"), "key-guessed", "Q1w2E3r4");
        Map<String, String> env = Map.of(EventVerification.MAILGUN_KEY, MAILGUN_KEY);

        CliRun run = CliRun.withEnvironment(env, "", "events", "--provider", "mailgun", genuine.toString(),
                forged.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.lines()).singleElement().asString().startsWith(genuine + "\tgone@example.net\tBounced\t");
        assertThat(run.err()).contains(forged + ": refused, FORGED").doesNotContain(MAILGUN_KEY);
    }

    @Test
    void withoutAKeyOrForAProviderThatSignsNothingVerificationIsAUsageError() {
        CliRun noKey = CliRun.of("", "events", "--provider", "mailgun", EVENTS + "mailgun-delivered.json");
        assertThat(noKey.status()).isEqualTo(2);
        assertThat(noKey.err()).contains("needs " + EventVerification.MAILGUN_KEY);
        CliRun postmark = CliRun.of("", "events", "--provider", "postmark", EVENTS + "mailgun-delivered.json");
        assertThat(postmark.status()).isEqualTo(2);
        assertThat(postmark.err()).contains("read a saved file with --no-verify");
        assertThat(CliRun.of("", "events", "--provider", "smtp2go", "--no-verify", "x").err())
                .contains("not a provider: smtp2go");
    }

    @Test
    void eventsOfSendsThroughTheProviderMoveTheirFatesInTheStore() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "events")), "store");
        String store = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("store");
        String send = "send --server 127.0.0.1:" + smtp.port() + " --from me@client.test --store " + store
                + " --format text --to gone@example.net --provider ";
        CliRun mailgunSend = CliRun.of("", (send + "mailgun").split(" "));
        String mailgunId = sendId(mailgunSend);
        assertThat(smtp.messages().get(0).text()).contains("X-Mailgun-Variables: {\"mail-outcome-id\":\"" + mailgunId);
        smtp.on(Verb.END_OF_DATA).reply("250 Ok 0102018fdd2c0f11-2f4e6a8c-1b3d-4e5f-9a7b-0c1d2e3f4a5b-000000");
        CliRun sesSend = CliRun.of("", (send + "ses").split(" "));
        assertThat(sesSend.out()).contains(", message id 0102018fdd2c0f11-2f4e6a8c-1b3d-4e5f-9a7b-0c1d2e3f4a5b-000000");

        Path mailgunEvent = mailgun(dir.resolve("mailgun.json"), MAILGUN_KEY, mailgunId);
        CliRun mailgun = CliRun.withEnvironment(Map.of(EventVerification.MAILGUN_KEY, MAILGUN_KEY), "", "events",
                "--provider", "mailgun", "--store", store, mailgunEvent.toString());
        CliRun ses = CliRun.of("", "events", "--provider", "ses", "--no-verify", "--store", store,
                EVENTS + "ses-bounce-permanent.json");
        CliRun again = CliRun.of("", "events", "--provider", "ses", "--no-verify", "--store", store,
                EVENTS + "ses-bounce-permanent.json");

        assertThat(mailgun.out()).endsWith("\tTRACKING_ID\t" + mailgunId + "\tApplied\tBounced\tsuppressed HARD_BOUNCE\n");
        assertThat(ses.out()).contains("\tQUEUE_ID\t").contains("\tApplied\tBounced\t");
        assertThat(again.out()).contains("\tQUEUE_ID\t").contains("\tDuplicate\tBounced\t");
        golden("events-store-ses-tsv", ses);
        assertThat(mismatches).isEmpty();
    }

    private static String sendId(CliRun run) {
        Matcher m = Pattern.compile("send ([a-z2-7]{26}): ").matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        return m.group(1);
    }

    /** Mailgun's documented permanent failure for this send, signed now with this key. */
    private static Path mailgun(Path file, String key, String sendId) throws IOException {
        long timestamp = Instant.now().getEpochSecond();
        String token = "8d3ab2ce3b4c4f0d9e1a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d";
        String signature = HexFormat.of().formatHex(Hmac.sha256(key, timestamp + token));
        String body = Files.readString(Path.of(EVENTS + "mailgun-failed-permanent.json")).replace("Q1w2E3r4", sendId)
                .replace("SIGNED_AT", Long.toString(timestamp)).replace("\"TOKEN\"", "\"" + token + "\"")
                .replace("SIGNATURE", signature);
        return Files.writeString(file, body, StandardCharsets.UTF_8);
    }

    private void golden(String name, CliRun run) throws IOException {
        String actual = GoldenOutputIT.mask("exit " + run.status() + "\n--- stdout\n" + run.out() + "--- stderr\n"
                + run.err());
        Path file = GOLDEN.resolve(name + ".txt");
        if (Boolean.getBoolean("golden.update")) Files.writeString(file, actual, StandardCharsets.UTF_8);
        String expected = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(missing)";
        if (!expected.equals(actual)) mismatches.add(name + ":\n" + actual);
    }
}
