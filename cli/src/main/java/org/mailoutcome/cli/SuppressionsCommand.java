package org.mailoutcome.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mailoutcome.tracking.Suppression;
import org.mailoutcome.tracking.SuppressionList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code suppressions list|add|remove|export}: the suppression list of a {@code --store} database. */
@Command(name = "suppressions", description = "List, add, remove or export the addresses not to send to.",
        subcommands = {SuppressionsCommand.ListEntries.class, SuppressionsCommand.Add.class,
            SuppressionsCommand.Remove.class, SuppressionsCommand.Export.class})
final class SuppressionsCommand implements Callable<Integer> {
    private static final int PAGE = 500;

    @Override
    public Integer call() {
        throw new UsageException("suppressions needs a subcommand: list, add, remove or export");
    }

    static void header(Console console, OutcomeFormat format) {
        if (format == OutcomeFormat.TSV && console.isHeaderWanted()) {
            console.out().println(String.join("\t", SuppressionRows.COLUMNS));
        }
    }

    /** {@code suppressions list}: the entries in force, or those of the addresses given. */
    @Command(name = "list", description = "Print the entries in force (address, kind, reason, since, until, cause), "
            + "or the entries of the addresses given, expired or not.")
    static final class ListEntries implements Callable<Integer> {
        @Mixin StoreOption store;
        @Mixin FormatOption format;

        @Parameters(arity = "0..*", paramLabel = "ADDRESS", description = "Only these addresses.")
        List<String> addresses = List.of();

        private final Console console;

        ListEntries(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            SuppressionList list = store.open().suppressions();
            header(console, format.format());
            if (!addresses.isEmpty()) {
                for (String a : addresses) list.find(a).ifPresent(e -> print(e));
                return 0;
            }
            Instant now = Instant.now();
            Optional<String> after = Optional.empty();
            for (List<Suppression> page = list.list(now, after, PAGE); !page.isEmpty();
                    page = list.list(now, after, PAGE)) {
                page.forEach(this::print);
                after = Optional.of(page.get(page.size() - 1).address());
            }
            return 0;
        }

        private void print(Suppression e) {
            console.out().println(SuppressionRows.row(e, format.format()));
        }
    }

    /** {@code suppressions add}: entries by hand. */
    @Command(name = "add", description = "Suppress addresses by hand (kind MANUAL) and print their entries.")
    static final class Add implements Callable<Integer> {
        @Mixin StoreOption store;
        @Mixin FormatOption format;

        @Option(names = "--note", paramLabel = "TEXT", description = "Why, in your words (kept as the cause).")
        String note = "";

        @Option(names = "--for", paramLabel = "DURATION", converter = DurableRetryOptions.DurationConverter.class,
                description = "Expire after this long, e.g. 30d or 12h (default: until removed).")
        Duration lasting;

        @Parameters(arity = "1..*", paramLabel = "ADDRESS", description = "The addresses to suppress.")
        List<String> addresses = List.of();

        private final Console console;

        Add(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            SuppressionList list = store.open().suppressions();
            Instant now = Instant.now();
            List<Suppression> entries = new ArrayList<>();
            for (String a : addresses) {
                try {
                    entries.add(Suppression.manual(a, note, now, Optional.ofNullable(lasting).map(now::plus)));
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
            }
            header(console, format.format());
            for (Suppression e : entries) {
                list.put(e);
                console.out().println(SuppressionRows.row(e, format.format()));
            }
            return 0;
        }
    }

    /** {@code suppressions remove}: reactivates addresses. */
    @Command(name = "remove", description = "Remove addresses from the list (and forget their soft bounces).",
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {"0:every address was on the list", "1:some address was not", "2:usage error"})
    static final class Remove implements Callable<Integer> {
        @Mixin StoreOption store;

        @Parameters(arity = "1..*", paramLabel = "ADDRESS", description = "The addresses to remove.")
        List<String> addresses = List.of();

        private final Console console;

        Remove(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            SuppressionList list = store.open().suppressions();
            int status = 0;
            for (String a : addresses) {
                boolean removed = list.remove(a);
                console.out().println((removed ? "removed\t" : "not on the list\t") + a);
                if (!removed) status = 1;
            }
            return status;
        }
    }

    /** {@code suppressions export}: every entry, in force or expired. */
    @Command(name = "export", description = "Print every entry, in force or expired, with a header (TSV) or one "
            + "JSON object per line.")
    static final class Export implements Callable<Integer> {
        @Mixin StoreOption store;
        @Mixin FormatOption format;

        private final Console console;

        Export(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            if (format.format() == OutcomeFormat.TSV) console.out().println(String.join("\t", SuppressionRows.COLUMNS));
            store.open().suppressions().export(e -> console.out().println(SuppressionRows.row(e, format.format())));
            return 0;
        }
    }
}
