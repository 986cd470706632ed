package org.mailoutcome.cli;

import jakarta.mail.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mailoutcome.Disposition;
import org.mailoutcome.jakarta.AddressVerifier;
import org.mailoutcome.jakarta.ProbeMethod;
import org.mailoutcome.jakarta.ProbeResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code probe}: asks a server about addresses with VRFY, a RCPT probe (never DATA), or both, and prints one row per
 * address: the address, the six classify columns, then the probe that produced the outcome. Exit status 0 when
 * every outcome is a success (252 included: the server would not say), 1 otherwise, 2 for a usage error. Probe
 * only servers you run or may probe: see {@code docs/probing.md}.
 */
@Command(name = "probe", description = {"Ask a server about addresses with VRFY or a RCPT probe (never DATA).",
        "Probe only servers you run or may probe: see docs/probing.md."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every outcome is a success (252 included)", "1:some is not", "2:usage error"})
final class ProbeCommand implements Callable<Integer> {
    @Mixin ServerOption server;
    @Mixin FromOption from;

    @Option(names = "--method", paramLabel = "vrfy|rcpt|auto", completionCandidates = Methods.class,
            description = "VRFY, a RCPT probe, or VRFY then RCPT where VRFY says nothing (default: vrfy).")
    String method = "vrfy";

    @Mixin FormatOption format;

    @Parameters(arity = "1..*", paramLabel = "ADDRESS", description = "The addresses to ask about.")
    List<String> addresses;

    private final Console console;

    ProbeCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        if (format.format() == OutcomeFormat.JSON) throw new UsageException("probe prints tsv or text, not json");
        AddressVerifier.Builder builder = AddressVerifier.builder(Session.getInstance(server.properties("mail.smtp.")))
                .method(method(method));
        List<ProbeResult> results;
        try {
            from.from().ifPresent(builder::mailFrom);
            try (AddressVerifier verifier = builder.build()) {
                results = verifier.verifyAll(addresses);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        print(results, format.format(), console);
        return results.stream().allMatch(r -> r.outcome().disposition() == Disposition.SUCCESS) ? 0 : 1;
    }

    private static void print(List<ProbeResult> results, OutcomeFormat format, Console console) {
        if (format == OutcomeFormat.TSV && console.isHeaderWanted()) {
            List<String> names = new ArrayList<>(List.of("address"));
            names.addAll(OutcomeFormat.COLUMNS);
            names.add("method");
            console.out().println(String.join("\t", names));
        }
        for (ProbeResult r : results) {
            String row = format.row(List.of("address"), List.of(r.address()), r.outcome());
            String method = r.method().name().toLowerCase(Locale.ROOT);
            if (format == OutcomeFormat.TSV) {
                console.out().println(row + "\t" + method);
            } else {
                int end = row.indexOf('\n');
                String first = end < 0 ? row : row.substring(0, end);
                console.out().println(first + "  by " + method + (end < 0 ? "" : row.substring(end)));
            }
        }
    }

    static ProbeMethod method(String name) {
        try {
            return ProbeMethod.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown method " + name + " (vrfy, rcpt or auto)");
        }
    }

    /** The completion candidates of {@code --method}. */
    static final class Methods extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Methods() {
            super(List.of("vrfy", "rcpt", "auto"));
        }
    }
}
