package org.mailoutcome.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The jar the build makes is the one command the README gives: {@code java -jar} runs the application on its
 * embedded testkit server, mails the address book and prints what happened.
 */
class RunnableJarIT {
    private static final Path JAR = Path.of("target", "mail-outcome-spring-boot-sample.jar");

    @Test
    void theJarRunsOnTheEmbeddedServerAndPrintsEveryRecipientsOutcome() throws IOException, InterruptedException {
        assertThat(JAR).as("made by spring-boot-maven-plugin's repackage in the package phase").isRegularFile();
        Path output = Files.createTempFile("sample-jar", ".txt");
        try {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", JAR.toString(), "--spring.main.banner-mode=off").redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            boolean ended = process.waitFor(120, TimeUnit.SECONDS);
            if (!ended) process.destroyForcibly();
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(ended).as("ended within 120 s:%n%s", printed).isTrue();
            assertThat(process.exitValue()).as(printed).isZero();
            assertThat(printed).contains("2 accepted, 1 deferred, 2 rejected")
                    .contains("dave@example.test: NotLocalNoRelay at RCPT")
                    .contains("address book now: [alice@example.test, carol@example.test, dave@new.example,");
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
