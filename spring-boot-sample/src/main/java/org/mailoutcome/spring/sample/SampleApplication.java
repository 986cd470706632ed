package org.mailoutcome.spring.sample;

import org.mailoutcome.testkit.SmtpServer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot application that mails its address book and keeps it up to date from the outcome events. With
 * {@code --spring.mail.host=...} it sends to that server; without, to an embedded testkit server that answers like
 * a real one (a 252, a moved user, an unknown user, a greylisting).
 */
@SpringBootApplication
public class SampleApplication {

    /** Created by Spring. */
    public SampleApplication() {
    }

    /**
     * Starts the application, mails the address book once and prints what happened.
     *
     * @param args Spring Boot arguments, e.g. {@code --spring.mail.host=smtp.example.com}
     */
    public static void main(String[] args) {
        boolean embedded = java.util.Arrays.stream(args).noneMatch(a -> a.startsWith("--spring.mail.host="));
        try (SmtpServer server = embedded ? DemoServer.start() : null;
                ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class,
                        embedded ? DemoServer.arguments(server, args) : args)) {
            System.out.println(context.getBean(Newsletter.class).send("Hello", "News of the month.")
                    .map(Object::toString).orElse("every recipient accepted"));
            System.out.println("address book now: " + context.getBean(AddressBook.class).addresses());
        }
    }
}
