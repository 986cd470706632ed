package org.mailoutcome.spring.sample;

import java.util.Arrays;
import org.mailoutcome.testkit.SmtpServer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * A Spring Boot application that mails its address book twice and keeps it up to date from the outcome events.
 * The first send meets a 252, a moved user, an unknown user and a greylisting; the second leaves the unknown user
 * out (suppressed). Then it serves the console at {@code http://127.0.0.1:8080/mail-outcome/} until stopped
 * ({@code --spring.main.web-application-type=none}: it ends after the sends). With
 * {@code --spring.mail.host=...} it sends to that server; without, to an embedded testkit server that answers as
 * real servers do.
 */
@SpringBootApplication
public class SampleApplication {

    /** Created by Spring. */
    public SampleApplication() {
    }

    /**
     * Starts the application, mails the address book twice, prints what happened and where the console is.
     *
     * @param args Spring Boot arguments, e.g. {@code --spring.mail.host=smtp.example.com}
     */
    public static void main(String[] args) {
        boolean embedded = Arrays.stream(args).noneMatch(a -> a.startsWith("--spring.mail.host="));
        SmtpServer server = embedded ? DemoServer.start() : null;
        ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class,
                embedded ? DemoServer.arguments(server, args) : args);
        if (server != null) context.addApplicationListener((ApplicationListener<ContextClosedEvent>) e -> server.close());
        Newsletter newsletter = context.getBean(Newsletter.class);
        System.out.println("first send: " + newsletter.send("Hello", "News of the month.")
                .map(Object::toString).orElse("every recipient accepted"));
        System.out.println("address book now: " + context.getBean(AddressBook.class).addresses());
        System.out.println("second send: " + newsletter.send("Hello again", "More news.")
                .map(Object::toString).orElse("every recipient accepted"));
        if (context instanceof WebServerApplicationContext web) {
            System.out.println("console: http://127.0.0.1:" + web.getWebServer().getPort() + "/mail-outcome/"
                    + " (Ctrl-C to stop)");
        } else {
            context.close();
        }
    }
}
