package org.mailoutcome.spring.sample;

import java.util.stream.Stream;
import org.mailoutcome.testkit.SmtpServer;
import org.mailoutcome.testkit.Verb;

/** The embedded server of a run without {@code spring.mail.host}: replies as real servers give them. */
final class DemoServer {
    private DemoServer() {
    }

    static SmtpServer start() {
        SmtpServer server = SmtpServer.start();
        server.on(Verb.RCPT, "carol@example.test").reply("252 2.1.5 Cannot VRFY user, but will accept message");
        server.on(Verb.RCPT, "dave@example.test").reply("551 5.1.6 User not local; please try <dave@new.example>");
        server.on(Verb.RCPT, "erin@example.test").reply("550 5.1.1 <erin@example.test>: User unknown");
        server.on(Verb.RCPT, "frank@example.test").reply("451 4.7.1 Greylisted, please try again later");
        return server;
    }

    static String[] arguments(SmtpServer server, String[] args) {
        return Stream.concat(Stream.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + server.port()),
                Stream.of(args)).toArray(String[]::new);
    }
}
