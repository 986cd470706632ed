package org.mailoutcome.samples.cli;

import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.mailoutcome.DomainRule;
import org.mailoutcome.ForwardPolicy;
import org.mailoutcome.RetryPolicy;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;

/**
 * {@code send}: sends one message to a real server and prints the report. The password comes from the
 * {@code MAIL_OUTCOME_PASSWORD} environment variable or a prompt, never from a flag. Exit status 0 when every
 * recipient was accepted, 1 otherwise, 2 for a usage error.
 */
final class SendCommand implements Command {
    static final String PASSWORD_VARIABLE = "MAIL_OUTCOME_PASSWORD";

    private final Map<String, String> environment;

    SendCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public String usage() {
        return "send --server HOST:PORT --from A --to B [--to C ...] [--subject S] [--body TEXT | --eml FILE]"
                + " [--starttls | --ssl] [--trust HOSTS] [--user U] [--format tsv|text|json]"
                + " [--forward-retry same-domain|registrable-domain|any|DOMAIN,...] [--retry MAX_ATTEMPTS]";
    }

    @Override
    public int run(List<String> argv, Console console) throws Exception {
        Args args = Args.parse(argv, Set.of("server", "from", "to", "subject", "body", "eml", "user", "format",
                "trust", "forward-retry", "retry"), Set.of("starttls", "ssl"));
        OutcomeFormat format = OutcomeFormat.parse(args.value("format").orElse("tsv"));
        Session session = Session.getInstance(properties(args));
        MimeMessage message = message(args, session);
        Address[] envelope = args.values("to").isEmpty() ? message.getAllRecipients() : addresses(args.values("to"));
        OutcomeMailer.Builder builder = OutcomeMailer.builder(session);
        args.value("forward-retry").ifPresent(rule -> builder.forwardPolicy(ForwardPolicy.builder()
                .domainRule(domainRule(rule)).build()));
        args.value("retry").ifPresent(max -> builder.retryPolicy(RetryPolicy.builder().maxAttempts(number(max))
                .build()));
        Optional<String> user = args.value("user");
        if (user.isPresent()) builder.credentials(user.get(), password());
        DeliveryReport report;
        try (OutcomeMailer mailer = builder.build()) {
            report = mailer.send(message, envelope);
        }
        ReportPrinter.print(report, format, console.isHeaderWanted(), console.out());
        return report.isFullyAccepted() ? 0 : 1;
    }

    static DomainRule domainRule(String rule) {
        switch (rule) {
            case "same-domain": return DomainRule.sameDomain();
            case "registrable-domain": return DomainRule.sameRegistrableDomain();
            case "any": return DomainRule.anyDomain();
            default: return DomainRule.allowList(Set.of(rule.split(",")));
        }
    }

    private static int number(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new Args.UsageException("--retry needs a number of attempts: " + value);
        }
    }

    private static Properties properties(Args args) {
        String server = args.value("server").orElseThrow(() -> new Args.UsageException("--server HOST:PORT is required"));
        int colon = server.lastIndexOf(':');
        if (colon <= 0) throw new Args.UsageException("--server must be HOST:PORT: " + server);
        boolean ssl = args.flag("ssl");
        if (ssl && args.flag("starttls")) throw new Args.UsageException("--ssl and --starttls exclude each other");
        String p = ssl ? "mail.smtps." : "mail.smtp.";
        Properties props = new Properties();
        props.setProperty("mail.transport.protocol", ssl ? "smtps" : "smtp");
        props.setProperty(p + "host", server.substring(0, colon));
        props.setProperty(p + "port", server.substring(colon + 1));
        if (args.flag("starttls")) props.setProperty(p + "starttls.required", "true");
        if (args.flag("starttls")) props.setProperty(p + "starttls.enable", "true");
        args.value("trust").ifPresent(hosts -> props.setProperty(p + "ssl.trust", hosts));
        if (args.value("user").isPresent()) props.setProperty(p + "auth", "true");
        return props;
    }

    private static MimeMessage message(Args args, Session session) throws Exception {
        if (args.value("eml").isPresent()) {
            if (args.value("body").isPresent()) throw new Args.UsageException("--body and --eml exclude each other");
            return Messages.fromFile(session, Path.of(args.value("eml").get()));
        }
        String from = args.value("from").orElseThrow(() -> new Args.UsageException("--from is required"));
        if (args.values("to").isEmpty()) throw new Args.UsageException("at least one --to is required");
        return Messages.create(session, from, args.values("to"), args.value("subject").orElse("mail-outcome test"),
                args.value("body").orElse("Sent by mail-outcome.\n"));
    }

    private static Address[] addresses(List<String> to) throws Exception {
        Address[] addresses = new Address[to.size()];
        for (int i = 0; i < to.size(); i++) addresses[i] = new InternetAddress(to.get(i), true);
        return addresses;
    }

    private String password() {
        String fromEnvironment = environment.get(PASSWORD_VARIABLE);
        if (fromEnvironment != null) return fromEnvironment;
        java.io.Console terminal = System.console();
        if (terminal == null) {
            throw new Args.UsageException("--user needs a password: set " + PASSWORD_VARIABLE + " (no terminal to ask)");
        }
        char[] typed = terminal.readPassword("Password: ");
        return typed == null ? "" : new String(typed);
    }
}
