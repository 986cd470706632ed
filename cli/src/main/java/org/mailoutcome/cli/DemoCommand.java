package org.mailoutcome.cli;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.mailoutcome.Backoff;
import org.mailoutcome.ForwardPolicy;
import org.mailoutcome.RetryPolicy;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.tracking.Tracking;
import org.mailoutcome.testkit.SmtpServer;
import org.mailoutcome.testkit.Verb;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code demo}: the main job on an embedded default. Starts the testkit's scripted SMTP server on 127.0.0.1,
 * scripts it with replies real servers give (Postfix 3.7 phrasing, RFC 5321), sends one message to eight
 * recipients through {@code OutcomeMailer} with a same-domain forward policy and a short retry policy, and prints
 * each recipient's typed outcome (with the forward and the greylisting retry) and what the server received. The
 * send is tracked; in text format a last step bounces the 252 recipient ({@link DemoBounce}).
 */
@Command(name = "demo", description = "Send one message through an embedded scripted SMTP server to eight "
        + "recipients and print each one's typed outcome.")
final class DemoCommand implements Callable<Integer> {
    @Mixin FormatOption formatOption = new FormatOption(OutcomeFormat.TEXT);

    private final Console console;

    DemoCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        OutcomeFormat format = formatOption.format();
        try (SmtpServer server = SmtpServer.start()) {
            script(server);
            DemoBounce.script(server);
            Tracking tracking = Tracking.inMemory();
            Session session = Session.getInstance(server.clientProperties());
            MimeMessage message = Messages.create(session, "sender@client.test", List.of("alice@lab.test",
                    "fwd@lab.test", "unverified@lab.test", "grey@lab.test", "moved@lab.test", "gone@lab.test",
                    "nosuch@lab.test", "full@lab.test"), "mail-outcome demo", "Hello from the mail-outcome demo.\n");
            DeliveryReport report;
            try (OutcomeMailer mailer = OutcomeMailer.builder(session)
                    .forwardPolicy(ForwardPolicy.enabled().build()) // same domain only, one hop
                    .retryPolicy(RetryPolicy.builder().backoff(Backoff.fixed(Duration.ofMillis(200))).build())
                    .tracking(tracking)
                    .build()) {
                report = mailer.send(message);
            }
            if (format == OutcomeFormat.TEXT) {
                console.out().println("Sent one message through OutcomeMailer to an embedded SMTP server on "
                        + server.host() + ":" + server.port() + ":\n");
            }
            ReportPrinter.print(report, format, true, console.out());
            if (format == OutcomeFormat.TEXT) {
                console.out().println("\nWhat the server received, transaction by transaction:");
                server.messages().forEach(m -> console.out().println("  " + m.envelopeRecipients()));
                DemoBounce.run(server, tracking, report, console.out());
            }
        }
        return 0;
    }

    /** Replies as real servers word them. */
    private static void script(SmtpServer server) {
        server.on(Verb.RCPT, "fwd@lab.test").reply("251 2.1.5 User not local; will forward to <alice@new.example>");
        server.on(Verb.RCPT, "unverified@lab.test")
                .reply("252 2.1.5 Cannot VRFY user, but will accept message and attempt delivery");
        server.on(Verb.RCPT, "grey@lab.test").times(1)
                .reply("451 4.7.1 <grey@lab.test>: Recipient address rejected: Greylisted, please try again later");
        server.on(Verb.RCPT, "moved@lab.test").reply(
                "551 5.1.6 <moved@lab.test>: Recipient address rejected: User not local; please try <moved.new@lab.test>");
        server.on(Verb.RCPT, "gone@lab.test").reply("550 5.1.6 <gone@lab.test>: Recipient address rejected: "
                + "User has moved to Bob Smith <bob@new.example>");
        server.on(Verb.RCPT, "nosuch@lab.test").reply("550 5.1.1 <nosuch@lab.test>: Recipient address rejected: "
                + "User unknown in local recipient table");
        server.on(Verb.RCPT, "full@lab.test")
                .reply("552 5.2.2 <full@lab.test>: Recipient address rejected: Mailbox full");
    }
}
