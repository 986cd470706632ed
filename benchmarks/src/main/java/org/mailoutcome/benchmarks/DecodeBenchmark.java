package org.mailoutcome.benchmarks;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.ExceptionDecoder;
import org.mailoutcome.testkit.SmtpServer;
import org.mailoutcome.testkit.Verb;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code ExceptionDecoder.decode(Message, MessagingException)} of exceptions that Angus really threw, made once in
 * the setup by a static {@code Transport.send} to the testkit server (real chains, real stack traces, which the
 * decoder reads for I/O failures). Four recipients: one accepted, a 551 with a forward path, a 550 5.1.1 and a
 * greylisting 451.
 *
 * <ul>
 *   <li>{@code invalidAddresses}: Angus's default; {@code SendFailedException("Invalid Addresses")} chaining one
 *       {@code SMTPAddressFailedException} per refused recipient, nothing sent;</li>
 *   <li>{@code sendPartial}: {@code mail.smtp.sendpartial=true}; the {@code "."} 250 {@code SMTPSendFailedException}
 *       with the same chain, the message sent to the accepted one;</li>
 *   <li>{@code lostAfterData}: every recipient accepted, the server closes instead of answering the end of data.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class DecodeBenchmark {
    private static final List<String> TO = List.of("ok@example.test", "moved@example.test", "unknown@example.test",
            "grey@example.test");

    /** Which failure: {@code invalidAddresses}, {@code sendPartial} or {@code lostAfterData}. */
    @Param({"invalidAddresses", "sendPartial", "lostAfterData"})
    public String failure;

    private MimeMessage message;
    private MessagingException thrown;

    /**
     * Sends once to a scripted server and keeps what Angus threw.
     *
     * @throws MessagingException if the message cannot be built
     */
    @Setup
    public void fail() throws MessagingException {
        try (SmtpServer server = SmtpServer.start()) {
            server.on(Verb.RCPT, "moved@*").reply("551 5.1.6 User not local; please try <moved@new.example>");
            server.on(Verb.RCPT, "unknown@*").reply("550 5.1.1 <unknown@example.test>: Recipient address rejected: "
                    + "User unknown in local recipient table");
            server.on(Verb.RCPT, "grey@*").reply("451 4.7.1 <grey@example.test>: Recipient address rejected: "
                    + "Greylisted, please try again later");
            if (failure.equals("lostAfterData")) {
                server.reset();
                server.on(Verb.END_OF_DATA).closeBeforeReply();
            }
            Properties properties = server.clientProperties();
            properties.setProperty("mail.smtp.sendpartial", Boolean.toString(failure.equals("sendPartial")));
            Session session = Session.getInstance(properties);
            message = new Messages(TO, 2048).create(session);
            try {
                Transport.send(message);
            } catch (MessagingException e) {
                thrown = e;
            }
        }
        if (thrown == null) throw new IllegalStateException("the send did not fail: nothing to decode");
        DeliveryReport report = ExceptionDecoder.decode(message, thrown);
        if (report.recipients().size() != TO.size()) throw new IllegalStateException("bad report: " + report);
    }

    /**
     * Decodes the exception against the message's recipients.
     *
     * @return the report
     */
    @Benchmark
    public DeliveryReport decode() {
        return ExceptionDecoder.decode(message, thrown);
    }
}
