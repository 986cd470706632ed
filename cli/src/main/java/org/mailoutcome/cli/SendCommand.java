package org.mailoutcome.cli;

import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.mailoutcome.DomainRule;
import org.mailoutcome.ForwardPolicy;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.jakarta.OutcomeMailerBuilder;
import org.mailoutcome.jakarta.SendOptions;
import org.mailoutcome.tracking.InMemoryDeliveryStore;
import org.mailoutcome.tracking.Provider;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.Tracking;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code send}: sends one message to a real server and prints the report. The password comes from the
 * {@code MAIL_OUTCOME_PASSWORD} environment variable or a prompt, never from a flag. Exit status 0 when every
 * recipient was accepted, 1 otherwise, 2 for a usage error.
 */
@Command(name = "send", description = "Send one message to a real server and print each recipient's outcome.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every recipient was accepted", "1:some recipient was not", "2:usage error"})
final class SendCommand implements Callable<Integer> {
    static final String SAME_DOMAIN = "same-domain";

    @Mixin ServerOption server;
    @Mixin FromOption from;

    @Option(names = "--to", paramLabel = "ADDRESS", description = "A recipient (repeat for more); without it, the "
            + "--eml file's To, Cc and Bcc.")
    List<String> to = List.of();

    @Option(names = "--subject", paramLabel = "TEXT", description = "The subject (default: ${DEFAULT-VALUE}).")
    String subject = "mail-outcome test";

    @Option(names = "--body", paramLabel = "TEXT", description = "The plain-text body.")
    String body;

    @Option(names = "--eml", paramLabel = "FILE", description = "Send this RFC 5322 file instead of --body.")
    Path eml;

    @Mixin TlsAuthOptions connection;
    @Mixin FormatOption format;

    @Option(names = "--forward-retry", arity = "0..1", fallbackValue = SAME_DOMAIN,
            paramLabel = "same-domain|registrable-domain|any|DOMAIN,...", description = "Resend to the forward path "
            + "a 251/551 reply names when the rule allows it; without a value: " + SAME_DOMAIN + ".")
    String forwardRetry;

    @Option(names = "--retry", paramLabel = "MAX_ATTEMPTS", description = "Retry transient failures, up to "
            + "MAX_ATTEMPTS attempts in all.")
    Integer retry;

    @Mixin DurableRetryOptions durable;

    @Option(names = "--provider", paramLabel = "NAME", converter = EventsCommand.ProviderConverter.class,
            completionCandidates = EventsCommand.ProviderNames.class, description = "The email service provider the server relays through (ses, sendgrid, mailgun, postmark, "
                    + "sparkpost, mailjet): the message carries its correlation header with the send id, and its "
                    + "end-of-data id is recorded, so that its events (events --store) find the send.")
    Provider provider;

    private final Console console;
    private final Map<String, String> environment;

    SendCommand(Console console, Map<String, String> environment) {
        this.console = console;
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        Session session = Session.getInstance(connection.properties(server));
        MimeMessage message = message(session);
        Address[] envelope = to.isEmpty() ? message.getAllRecipients() : addresses(to);
        OutcomeMailerBuilder builder = OutcomeMailer.builder(session);
        if (forwardRetry != null) {
            builder.forwardPolicy(ForwardPolicy.enabled().domainRule(domainRule(forwardRetry)).build());
        }
        durable.check(retry);
        if (retry != null) builder.retryPolicy(durable.policy(retry));
        Tracking tracking = null;
        if (durable.store != null) {
            Stores stores = Stores.open(durable.store);
            tracking = stores.tracking();
            builder.suppressions(stores.suppressions()).addressBook(stores.addressBook());
            if (retry != null) builder.retryHandOff(stores.retries(java.time.Duration.ofSeconds(10)));
        }
        if (provider != null) {
            tracking = (tracking == null ? Tracking.builder(new InMemoryDeliveryStore()) : tracking.toBuilder())
                    .provider(provider).build();
        }
        if (tracking != null) builder.tracking(tracking);
        Optional<String> user = connection.user();
        if (user.isPresent()) builder.credentials(user.get(), TlsAuthOptions.password(environment));
        DeliveryReport report;
        try (OutcomeMailer mailer = builder.build()) {
            report = mailer.send(message, envelope, durable.bypassSuppressions ? SendOptions.bypassingSuppressions()
                    : SendOptions.defaults());
        }
        ReportPrinter.print(report, format.format(), console.isHeaderWanted(), console.out());
        if (provider != null && format.format() == OutcomeFormat.TEXT) {
            console.out().println(sentAs(tracking, report));
        }
        if (format.format() == OutcomeFormat.TEXT && report.scheduledRetry().isPresent()) {
            console.out().println(DurableRetryOptions.describe(report));
        }
        return report.isFullyAccepted() ? 0 : 1;
    }

    /** The line that says under which id the provider will report the send. */
    private String sentAs(Tracking tracking, DeliveryReport report) {
        Optional<SentMessage> sent = report.messageId().flatMap(m -> tracking.store().findByMessageId(m).stream()
                .findFirst());
        return sent.map(s -> "send " + s.id() + ": " + provider.id() + " reports it with " + Provider.TRACKING_KEY
                + " " + s.id() + s.queueId().map(q -> ", message id " + q).orElse(""))
                .orElse("send not recorded: " + provider.id() + "'s events will not find it");
    }

    static DomainRule domainRule(String rule) {
        switch (rule) {
            case SAME_DOMAIN: return DomainRule.sameDomain();
            case "registrable-domain": return DomainRule.sameRegistrableDomain();
            case "any": return DomainRule.anyDomain();
            default: return DomainRule.allowList(Set.of(rule.split(",")));
        }
    }

    private MimeMessage message(Session session) throws Exception {
        if (eml != null) {
            if (body != null) throw new UsageException("--body and --eml exclude each other");
            return Messages.fromFile(session, eml);
        }
        String sender = from.from().orElseThrow(() -> new UsageException("--from is required"));
        if (to.isEmpty()) throw new UsageException("at least one --to is required");
        return Messages.create(session, sender, to, subject, body == null ? "Sent by mail-outcome.\n" : body);
    }

    private static Address[] addresses(List<String> to) throws Exception {
        Address[] addresses = new Address[to.size()];
        for (int i = 0; i < to.size(); i++) addresses[i] = new InternetAddress(to.get(i), true);
        return addresses;
    }
}
