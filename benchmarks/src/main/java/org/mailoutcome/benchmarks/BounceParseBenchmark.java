package org.mailoutcome.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.mailoutcome.bounce.BounceParser;
import org.mailoutcome.bounce.ParsedMail;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of parsing one bounce with {@link BounceParser}, on one thread. {@code typical}: a Postfix delivery
 * status notification for one recipient (readable part, delivery-status part, returned header), about 2.3 KB.
 * {@code hundredfold}: the same notice for {@value #MANY} recipients, each with its own diagnostic and a line in
 * the readable part, 100 times the bytes, all of them parsed; equal ns per byte for both means linear cost. The sizes are
 * printed at set-up: ns/byte = ns/op / size.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class BounceParseBenchmark {
    private final BounceParser parser = BounceParser.defaults();
    private byte[] typical;
    private byte[] hundred;

    /** The recipients of the large notice: 100 times the bytes of the typical one. */
    static final int MANY = 460;

    /** Builds the two notices and prints their sizes. */
    @Setup
    public void build() {
        typical = notice(1);
        hundred = notice(MANY);
        System.out.printf("%nBounceParseBenchmark sizes: typical %d bytes, hundredfold %d bytes (%.1fx)%n",
                typical.length, hundred.length, (double) hundred.length / typical.length);
    }

    /**
     * A Postfix-style notice for {@code recipients} recipients, CRLF line endings.
     *
     * @param recipients how many
     * @return the mail
     */
    static byte[] notice(int recipients) {
        StringBuilder readable = new StringBuilder();
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < recipients; i++) {
            String rcpt = "user" + i + "@example.net";
            readable.append("<").append(rcpt).append(">: host mx.example.net[192.0.2.25] said: 550 5.1.1 <")
                    .append(rcpt).append(">: Recipient address rejected: User unknown in local recipient table ")
                    .append("(in reply to RCPT TO command)\n");
            fields.append("\nFinal-Recipient: rfc822; ").append(rcpt).append("\nOriginal-Recipient: rfc822;")
                    .append(rcpt).append("\nAction: failed\nStatus: 5.1.1\nRemote-MTA: dns; mx.example.net\n")
                    .append("Diagnostic-Code: smtp; 550 5.1.1 <").append(rcpt).append(">: Recipient address\n")
                    .append("    rejected: User unknown in local recipient table\n");
        }
        String mail = "Return-Path: <>\nReceived: by mail.example.com (Postfix) id 3F1A51C0A2; Mon,  3 Jun 2024 "
                + "10:00:01 +0000 (UTC)\nDate: Mon,  3 Jun 2024 10:00:01 +0000 (UTC)\n"
                + "From: MAILER-DAEMON@mail.example.com (Mail Delivery System)\n"
                + "Subject: Undelivered Mail Returned to Sender\nTo: sender@example.com\nAuto-Submitted: auto-replied\n"
                + "MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status;\n"
                + "\tboundary=\"3F1A51C0A2.1717408801/mail.example.com\"\nMessage-Id: <20240603100001.3F@mail.example.com>\n"
                + "\nThis is a MIME-encapsulated message.\n\n--3F1A51C0A2.1717408801/mail.example.com\n"
                + "Content-Description: Notification\nContent-Type: text/plain; charset=us-ascii\n\n"
                + "This is the mail system at host mail.example.com.\n\nI'm sorry to have to inform you that your "
                + "message could not\nbe delivered to one or more recipients. It's attached below.\n\n"
                + readable + "\n--3F1A51C0A2.1717408801/mail.example.com\nContent-Description: Delivery report\n"
                + "Content-Type: message/delivery-status\n\nReporting-MTA: dns; mail.example.com\n"
                + "X-Postfix-Queue-ID: 3F1A51C0A2\nX-Postfix-Sender: rfc822; sender@example.com\n"
                + "Arrival-Date: Mon,  3 Jun 2024 10:00:00 +0000 (UTC)\n" + fields
                + "\n--3F1A51C0A2.1717408801/mail.example.com\nContent-Description: Undelivered Message Headers\n"
                + "Content-Type: text/rfc822-headers\n\nReturn-Path: <sender@example.com>\n"
                + "Received: from app.example.com (app.example.com [192.0.2.10])\n\tby mail.example.com (Postfix) "
                + "with ESMTPS id 3F1A51C0A2\n\tfor <user0@example.net>; Mon,  3 Jun 2024 10:00:00 +0000 (UTC)\n"
                + "Date: Mon, 3 Jun 2024 10:00:00 +0000\nFrom: sender@example.com\nTo: user0@example.net\n"
                + "Message-ID: <1717408800.42@app.example.com>\nSubject: Your invoice\nMIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=UTF-8\n\n--3F1A51C0A2.1717408801/mail.example.com--\n";
        return mail.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * One typical notice.
     *
     * @return the parsed mail
     */
    @Benchmark
    public ParsedMail typical() {
        return parser.parse(typical);
    }

    /**
     * One notice for {@value #MANY} recipients.
     *
     * @return the parsed mail
     */
    @Benchmark
    public ParsedMail hundredfold() {
        return parser.parse(hundred);
    }
}
