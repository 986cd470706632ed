package org.mailoutcome.interop;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.SmtpReply;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.RecipientOutcome;

/**
 * The one line per recipient the suite prints (the reply Postfix gave, the outcome reported), and reading the
 * client port Postfix logs for a connection ({@code smtpd_client_port_logging = yes}).
 */
final class Scenarios {
    private static final Pattern CLIENT = Pattern.compile("localhost\\[127\\.0\\.0\\.1\\]:(\\d+)");

    private Scenarios() {
    }

    /** Prints every attempt of every recipient: {@code interop: refused moved@lab.test 550 5.1.6 ... -> ...}. */
    static DeliveryReport print(String scenario, DeliveryReport report) {
        for (RecipientOutcome r : report.recipients()) {
            List<RecipientOutcome.Attempt> attempts = r.attempts();
            for (int i = 0; i < attempts.size(); i++) {
                String note = attempts.size() == 1 ? "" : " (attempt " + (i + 1) + " of " + attempts.size() + ")";
                print(scenario, attempts.get(i).address().getAddress(), attempts.get(i).outcome(), note);
            }
        }
        return report;
    }

    /** One line: scenario, recipient, Postfix's reply, and the outcome reported. */
    private static void print(String scenario, String recipient, DeliveryOutcome outcome, String note) {
        String reply = outcome.reply().map(SmtpReply::toString).orElse("(no reply)");
        System.out.printf("interop: %-10s %-22s %s -> %s%s%n", scenario, recipient, reply, describe(outcome), note);
    }

    /** Record, disposition, reason, forward path, stage: {@code NotLocalNoRelay PERMANENT MOVED x@y at RCPT}. */
    static String describe(DeliveryOutcome outcome) {
        return outcome.name() + " " + outcome.disposition() + " " + outcome.reason()
                + outcome.forwardPath().map(path -> " " + path).orElse("") + " at " + outcome.stage();
    }

    /** The client port in a Postfix log line about a loopback client. */
    static int clientPort(String maillogLine) {
        Matcher m = CLIENT.matcher(maillogLine);
        if (!m.find()) throw new IllegalArgumentException("no localhost[127.0.0.1]:PORT in: " + maillogLine);
        return Integer.parseInt(m.group(1));
    }
}
