package org.mailoutcome.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The jar the build makes is the one command the README gives: {@code java -jar} runs the application on its
 * embedded testkit server, mails the address book twice, prints what happened, and serves the console.
 */
class RunnableJarIT {
    private static final Duration START = Duration.ofSeconds(120);

    @Test
    void theJarMailsTwiceOnTheEmbeddedServerAndSuppressesTheUnknownUserTheSecondTime() throws Exception {
        assertThat(JarProcess.JAR).as("made by spring-boot-maven-plugin's repackage in the package phase")
                .isRegularFile();
        try (JarProcess jar = JarProcess.start("--spring.main.web-application-type=none")) {
            assertThat(jar.awaitExit(START)).as(jar.printed()).isZero();
            assertThat(jar.printed()).contains("first send: DeliveryReport[")
                    .contains("erin@example.test: MailboxUnavailable at RCPT")
                    .contains("address book now: [alice@example.test, carol@example.test, dave@new.example,")
                    .contains("erin@example.test: Suppressed at RCPT");
        }
    }

    @Test
    void theJarServesTheConsoleUntilStopped() throws Exception {
        try (JarProcess jar = JarProcess.start("--server.port=0")) {
            String line = jar.awaitLine(l -> l.startsWith("console: http://127.0.0.1:"), START);
            URI console = URI.create(line.substring("console: ".length()).split(" ")[0]);
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(console)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<title>mail-outcome console</title>");
        }
    }
}
