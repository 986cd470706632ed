package org.mailoutcome.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailoutcome.testkit.SmtpServer;
import org.mailoutcome.testkit.Verb;
import org.mailoutcome.tracking.Suppression;
import org.mailoutcome.tracking.SuppressionList;

/**
 * The console over real HTTP (Tomcat on a free port): its page from the jar, its API, read-only and read-write;
 * and the {@code mailoutcome} Actuator endpoint.
 */
class ConsoleIT {
    private static SmtpServer smtp;
    private static ConsoleApp readWrite;
    private static ConsoleApp readOnly;

    @BeforeAll
    static void start() {
        smtp = SmtpServer.start();
        smtp.on(Verb.RCPT, "gone@example.test").reply("550 5.1.1 <gone@example.test>: User unknown");
        readWrite = ConsoleApp.start(smtp, "mail.outcome.console.enabled=true", "mail.outcome.console.read-only=false",
                "mail.outcome.console.path=/ops/mail", "mail.outcome.tracking.enabled=true",
                "mail.outcome.suppressions.enabled=true", "management.endpoints.web.exposure.include=mailoutcome");
        readOnly = ConsoleApp.start(smtp, "mail.outcome.console.enabled=true", "mail.outcome.suppressions.enabled=true");
    }

    @AfterAll
    static void stop() {
        if (readWrite != null) readWrite.close();
        if (readOnly != null) readOnly.close();
        if (smtp != null) smtp.close();
    }

    @Test
    void thePageAndItsFilesAreServedFromTheJarUnderTheConfiguredPath() throws Exception {
        HttpResponse<String> page = readWrite.get("/ops/mail/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<title>mail-outcome console</title>").contains("src=\"console.js\"");
        assertThat(readWrite.get("/ops/mail/console.js").body()).contains("'use strict';");
        assertThat(readWrite.get("/ops/mail/console.css").statusCode()).isEqualTo(200);
        HttpResponse<String> bare = readWrite.get("/ops/mail");
        assertThat(bare.statusCode()).isEqualTo(308);
        assertThat(bare.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("mail/"));
    }

    @Test
    void recentSendsShowEveryRecipientsOutcome() throws Exception {
        readWrite.context.getBean(OutcomeJavaMailSender.class).sendAndReport(Fixtures.mail("ok@example.test",
                "gone@example.test"));
        String sends = readWrite.get("/ops/mail/api/sends").body();
        assertThat(sends).contains("\"address\":\"ok@example.test\"", "\"outcome\":\"Accepted\"",
                "\"address\":\"gone@example.test\"", "\"outcome\":\"MailboxUnavailable\"", "\"reason\":\"user unknown\"");
        assertThat(readWrite.get("/ops/mail/api/chart?days=7").body()).contains("\"name\":\"refused: user unknown\"");
    }

    @Test
    void theReadWriteConsoleRemovesAnAddressFromTheSuppressionList() throws Exception {
        SuppressionList list = readWrite.context.getBean(SuppressionList.class);
        list.put(Suppression.manual("held@example.test", "asked to stop", Instant.now(), Optional.empty()));
        assertThat(readWrite.get("/ops/mail/api/suppressions").body()).contains("\"address\":\"held@example.test\"",
                "\"kind\":\"manual\"", "asked to stop");

        HttpResponse<String> removed = readWrite.delete("/ops/mail/api/suppressions?address=Held@Example.test");

        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(removed.body()).isEqualTo("{\"removed\":true}");
        assertThat(list.find("held@example.test")).isEmpty();
    }

    @Test
    void theReadOnlyConsoleHasNoRemoval() throws Exception {
        SuppressionList list = readOnly.context.getBean(SuppressionList.class);
        list.put(Suppression.manual("kept@example.test", "complained by phone", Instant.now(), Optional.empty()));
        assertThat(readOnly.get("/mail-outcome/api/overview").body()).contains("\"readOnly\":true");

        HttpResponse<String> refused = readOnly.delete("/mail-outcome/api/suppressions?address=kept@example.test");

        assertThat(refused.statusCode()).isIn(404, 405);
        assertThat(list.find("kept@example.test")).isPresent();
    }

    @Test
    void anArgumentThatIsNoAddressIsABadRequestWithTheReason() throws Exception {
        HttpResponse<String> bad = readWrite.get("/ops/mail/api/address?address=no-at-sign");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("not an address");
        assertThat(readWrite.get("/ops/mail/api/address").statusCode()).isEqualTo(400);
        assertThat(readWrite.get("/ops/mail/api/sends?limit=0").statusCode()).isEqualTo(400);
    }

    @Test
    void theEndpointListsAddsAndRemovesSuppressions() throws Exception {
        HttpResponse<String> added = readWrite.postJson("/actuator/mailoutcome/bob@example.test",
                "{\"note\":\"asked by support ticket 42\"}");
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(readWrite.get("/actuator/mailoutcome").body()).contains("bob@example.test", "ticket 42");
        assertThat(readWrite.get("/actuator/mailoutcome/bob@example.test").body()).contains("\"kind\":\"manual\"");

        assertThat(readWrite.delete("/actuator/mailoutcome/bob@example.test").body()).contains("\"removed\":true");
        assertThat(readWrite.get("/actuator/mailoutcome").body()).doesNotContain("bob@example.test");
        assertThat(readWrite.get("/actuator/mailoutcome/nobody").statusCode()).isEqualTo(400);
    }

    @Test
    void theEndpointIsNotExposedUnlessActuatorIsToldTo() throws Exception {
        assertThat(readOnly.get("/actuator/mailoutcome").statusCode()).isEqualTo(404);
    }
}
