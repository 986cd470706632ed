package org.mailoutcome.samples.cli;

import jakarta.mail.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.mailoutcome.Disposition;
import org.mailoutcome.jakarta.AddressVerifier;
import org.mailoutcome.jakarta.ProbeMethod;
import org.mailoutcome.jakarta.ProbeResult;

/**
 * {@code probe}: asks a server about addresses with VRFY, a RCPT probe (never DATA), or both, and prints one row per
 * address: the address, the six classify columns, then the probe that produced the outcome. Exit status 0 when
 * every outcome is a success (252 included: the server would not say), 1 otherwise, 2 for a usage error. Probe
 * only servers you run or may probe: see {@code docs/probing.md}.
 */
final class ProbeCommand implements Command {

    @Override
    public String usage() {
        return "probe --server HOST:PORT [--from A] [--method vrfy|rcpt|auto] [--format tsv|text] ADDRESS...";
    }

    @Override
    public int run(List<String> argv, Console console) {
        Args args = Args.parse(argv, Set.of("server", "from", "method", "format"), Set.of());
        OutcomeFormat format = OutcomeFormat.parse(args.value("format").orElse("tsv"));
        if (format == OutcomeFormat.JSON) throw new Args.UsageException("probe prints tsv or text, not json");
        if (args.positionals().isEmpty()) throw new Args.UsageException("at least one ADDRESS is required");
        AddressVerifier.Builder builder = AddressVerifier.builder(Session.getInstance(properties(args)))
                .method(method(args.value("method").orElse("vrfy")));
        List<ProbeResult> results;
        try {
            args.value("from").ifPresent(builder::mailFrom);
            try (AddressVerifier verifier = builder.build()) {
                results = verifier.verifyAll(args.positionals());
            }
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage());
        }
        print(results, format, console);
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
            throw new Args.UsageException("unknown method " + name + " (vrfy, rcpt or auto)");
        }
    }

    private static Properties properties(Args args) {
        String server = args.value("server").orElseThrow(() -> new Args.UsageException("--server HOST:PORT is required"));
        int colon = server.lastIndexOf(':');
        if (colon <= 0 || colon == server.length() - 1) {
            throw new Args.UsageException("--server must be HOST:PORT: " + server);
        }
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", server.substring(0, colon));
        props.setProperty("mail.smtp.port", server.substring(colon + 1));
        return props;
    }
}
