package org.mailoutcome.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.providers.ParseResult;
import org.mailoutcome.providers.ProviderEvent;
import org.mailoutcome.providers.ProviderEvents;
import org.mailoutcome.providers.ProviderReports;
import org.mailoutcome.tracking.Provider;
import org.mailoutcome.tracking.ProviderReport;
import org.mailoutcome.tracking.ProviderReport.Effect;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code events --provider NAME [--store URL] [--format tsv|json|text] [--no-verify] FILE...}: reads saved webhook
 * payloads of an email service provider ({@link ProviderEvents}), verified unless {@code --no-verify}
 * ({@link EventVerification}), one row per event: the recipient, the event's record and the provider's kind, the
 * reply's status, record and reason where the event quotes one, the send id its correlation metadata carries back (trackingId).
 * With {@code --store} each event is applied to the sends of that database as {@code bounce --store} applies
 * notices, and the row says how it matched and what it caused. Exit status 0 when every file was read and
 * accepted, 1 when some was refused, malformed or unreadable.
 */
@Command(name = "events", description = {"Read email service providers' webhook payloads (SES through SNS, SendGrid, "
        + "Mailgun, Postmark, SparkPost, Mailjet): one row per event with its recipient, record, status and reason.",
        "Keys come from the environment: " + EventVerification.MAILGUN_KEY + ", " + EventVerification.SENDGRID_KEY
                + "."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every file was read and accepted", "1:some file was refused, malformed or unreadable",
            "2:usage error"})
final class EventsCommand implements Callable<Integer> {
    /** The columns, in order. */
    static final List<String> COLUMNS = List.of("file", "recipient", "event", "kind", "status", "record", "reason",
            "trackingId");

    @Mixin FormatOption format;
    @Mixin EventVerification verification;

    @Option(names = "--provider", required = true, paramLabel = "NAME", converter = ProviderConverter.class,
            completionCandidates = ProviderNames.class, description = "ses, sendgrid, mailgun, postmark, sparkpost or mailjet.")
    Provider provider;

    @Option(names = "--header", paramLabel = "NAME:VALUE", description = "A header of the saved request (repeat for "
            + "more), e.g. SendGrid's X-Twilio-Email-Event-Webhook-Signature and -Timestamp.")
    List<String> headers = List.of();

    @Option(names = "--store", paramLabel = "JDBC_URL", description = "Apply the events to the sends recorded in "
            + "this database (their fates, the suppression list, the address book) and add to each row how it "
            + "matched and what it caused: matchedBy, send, update, fate, suppression.")
    String store;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "A saved request body.")
    List<Path> files = List.of();

    private final Console console;
    private final Map<String, String> environment;

    EventsCommand(Console console, Map<String, String> environment) {
        this.console = console;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        ProviderEvents events = ProviderEvents.builder().verify(provider, verification.of(provider, environment))
                .build();
        Map<String, List<String>> requestHeaders = requestHeaders();
        Optional<NoticeIngest> ingest = Optional.ofNullable(store).map(url -> new NoticeIngest(Stores.open(url)));
        List<String> columns = new ArrayList<>(COLUMNS);
        if (ingest.isPresent()) columns.addAll(NoticeIngest.COLUMNS);
        if (format.format() == OutcomeFormat.TSV && console.isHeaderWanted()) {
            console.out().println(String.join("\t", columns));
        }
        int status = 0;
        for (Path file : files) {
            ParseResult result;
            try {
                result = events.parse(provider, Files.readAllBytes(file), requestHeaders);
            } catch (IOException e) {
                console.err().println("mail-outcome events: cannot read " + file + ": " + e.getMessage());
                status = 1;
                continue;
            }
            if (!(result instanceof ParseResult.Accepted accepted)) {
                console.err().println("mail-outcome events: " + file + ": " + describe(result));
                status = 1;
                continue;
            }
            for (ProviderEvent event : accepted.events()) {
                Optional<ProviderReport> report = ProviderReports.of(event);
                List<String> values = new ArrayList<>(row(file.toString(), event, report));
                ingest.ifPresent(i -> values.addAll(report.map(i::ingest).orElse(NoticeIngest.NONE)));
                console.out().println(format.format().fields(columns, values));
            }
        }
        return status;
    }

    /** The values of {@link #COLUMNS} for one event (an SNS subscription confirmation has no report). */
    static List<String> row(String file, ProviderEvent event, Optional<ProviderReport> found) {
        if (found.isEmpty()) return List.of(file, "-", event.name(), event.info().kind(), "-", "-", "-", "-");
        ProviderReport report = found.get();
        Effect effect = report.effect();
        Optional<DeliveryOutcome> outcome = effect instanceof Effect.Bounced b ? Optional.of(b.outcome())
                : effect instanceof Effect.Delayed d ? Optional.of(d.outcome()) : Optional.empty();
        String reason = outcome.map(o -> o.reason().name()).orElse(effect instanceof Effect.Suppressed s ? s.reason()
                : effect instanceof Effect.Complained c ? c.feedbackType() : effect instanceof Effect.Unknown u
                        ? u.why() : "-");
        return List.of(file, report.recipient().orElse("-"), event.name(), report.kind(),
                outcome.flatMap(DeliveryOutcome::enhancedStatus).map(Object::toString).orElse("-"),
                outcome.map(DeliveryOutcome::name).orElse("-"), reason, report.trackingId().orElse("-"));
    }

    private static String describe(ParseResult result) {
        if (result instanceof ParseResult.Refused r) return "refused, " + r.refusal() + ": " + r.detail();
        if (result instanceof ParseResult.Malformed m) return "malformed: " + m.why();
        return "too large: over " + ((ParseResult.TooLarge) result).limit() + " bytes";
    }

    private Map<String, List<String>> requestHeaders() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon <= 0) throw new UsageException("--header takes NAME:VALUE: " + header);
            map.computeIfAbsent(header.substring(0, colon).strip(), k -> new ArrayList<>())
                    .add(header.substring(colon + 1).strip());
        }
        return map;
    }

    /** The provider names, for completion. */
    static final class ProviderNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        ProviderNames() {
            super(java.util.Arrays.stream(Provider.values()).map(Provider::id).toList());
        }
    }

    /** Provider names as typed, any case. */
    static final class ProviderConverter implements picocli.CommandLine.ITypeConverter<Provider> {
        @Override
        public Provider convert(String value) {
            try {
                return Provider.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
