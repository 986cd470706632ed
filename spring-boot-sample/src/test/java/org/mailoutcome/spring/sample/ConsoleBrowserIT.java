package org.mailoutcome.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.testkit.SmtpServer;
import org.mailoutcome.tracking.Suppression;
import org.mailoutcome.tracking.SuppressionList;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The console of the sample application, in a real headless Chromium, against the testkit: the newsletter is sent
 * twice (the unknown user is suppressed the second time), then the page is read and used as a person would.
 */
class ConsoleBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static SmtpServer server;
    private static ConfigurableApplicationContext context;
    private static Browser browser;
    private static String console;

    @BeforeAll
    static void start() throws Exception {
        server = DemoServer.start();
        context = SpringApplication.run(SampleApplication.class, "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + server.port(), "--spring.main.banner-mode=off", "--server.port=0");
        Newsletter newsletter = context.getBean(Newsletter.class);
        newsletter.send("Hello", "News of the month.");
        newsletter.send("Hello again", "More news.");
        console = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort()
                + "/mail-outcome/";
        browser = Browser.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.close();
        if (context != null) context.close();
        if (server != null) server.close();
    }

    @BeforeEach
    void open() {
        browser.driver.get(console);
        waitFor().until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "true"));
    }

    @Test
    void thePageLoadsWithTheRecentSendsAndTheSuppressionList() throws Exception {
        assertThat(browser.driver.getTitle()).isEqualTo("mail-outcome console");
        assertThat(texts("#sends-rows tr[data-address='erin@example.test'] td:nth-child(4)"))
                .anySatisfy(t -> assertThat(t).startsWith("MailboxUnavailable at RCPT (550"))
                .anySatisfy(t -> assertThat(t).startsWith("Suppressed at RCPT"));
        assertThat(texts("#suppressions-rows tr[data-address='erin@example.test'] td"))
                .contains("hard bounce", "user unknown");
        assertThat(browser.driver.findElements(By.cssSelector("#chart-svg rect"))).isNotEmpty();
        assertThat(browser.driver.findElement(By.id("error")).isDisplayed()).isFalse();
        Path screenshot = Path.of("target", "console-screenshot.png");
        Files.write(screenshot, browser.driver.getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(screenshot)).isPositive();
    }

    @Test
    void aSearchShowsTheAddresssTimeline() throws Exception {
        search("Erin@Example.test");
        waitFor().until(ExpectedConditions.textToBe(By.id("address-name"), "erin@example.test"));
        assertThat(status()).startsWith("Suppressed (hard bounce, user unknown) since ");
        List<String> events = texts("#timeline li .what");
        List<String> lines = texts("#timeline li .text");
        assertThat(events).containsSubsequence("Sent", "Suppressed", "Sent");
        assertThat(lines.get(events.indexOf("Sent"))).contains("MailboxUnavailable at RCPT (550");
        assertThat(lines.get(events.indexOf("Suppressed"))).startsWith("hard bounce, user unknown, until removed; cause: RCPT 550 5.1.1");
        assertThat(lines.get(events.lastIndexOf("Sent"))).contains("Suppressed at RCPT");
        Files.write(Path.of("target", "console-timeline-screenshot.png"),
                browser.driver.getScreenshotAs(OutputType.BYTES));

        search("dave@example.test");
        waitFor().until(ExpectedConditions.textToBe(By.id("address-name"), "dave@example.test"));
        assertThat(status()).startsWith("Not suppressed; moved to dave@new.example");
    }

    private static void search(String address) {
        WebElement field = browser.driver.findElement(By.id("search-address"));
        field.clear();
        field.sendKeys(address);
        browser.driver.findElement(By.cssSelector("#search button")).click();
    }

    private static String status() {
        return browser.driver.findElement(By.id("address-status")).getText();
    }

    @Test
    void aRemovalTakesEffectOnTheNextSend() {
        SuppressionList list = context.getBean(SuppressionList.class);
        list.put(Suppression.manual("alice@example.test", "asked to pause", Instant.now(), Optional.empty()));
        open();
        By aliceRow = By.cssSelector("#suppressions-rows tr[data-address='alice@example.test']");
        browser.driver.findElement(aliceRow).findElement(By.cssSelector("button.remove")).click();
        waitFor().until(ExpectedConditions.alertIsPresent()).accept();
        waitFor().until(ExpectedConditions.invisibilityOfElementLocated(aliceRow));

        assertThat(list.find("alice@example.test")).isEmpty();
        DeliveryReport report = context.getBean(Newsletter.class).send("After the removal", "Hi").orElseThrow();
        assertThat(report.recipient("alice@example.test").orElseThrow().outcome())
                .isInstanceOf(DeliveryOutcome.Accepted.class);
    }

    private static WebDriverWait waitFor() {
        return new WebDriverWait(browser.driver, WAIT);
    }

    private static List<String> texts(String css) {
        return browser.driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }
}
