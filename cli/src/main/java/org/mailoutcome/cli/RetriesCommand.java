package org.mailoutcome.cli;

import jakarta.mail.Session;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.jdbc.JdbcRetries;
import org.mailoutcome.jdbc.LedgerEntry;
import org.mailoutcome.jdbc.RetryWorker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code retries run|list}: the durable retries that {@code send --store} scheduled. */
@Command(name = "retries", description = "Run or list the retries that 'send --store' scheduled.",
        subcommands = {RetriesCommand.Run.class, RetriesCommand.ListPending.class})
final class RetriesCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UsageException("retries needs a subcommand: run or list");
    }

    /** {@code retries run}: a worker on the store, sending to each send's server or to {@code --server}. */
    @Command(name = "run", description = "Run a worker: retry what is due, on the server recorded with each send.",
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {"0:nothing left pending (--until-empty)", "1:the store failed", "2:usage error"})
    static final class Run implements Callable<Integer> {
        @Option(names = "--store", required = true, paramLabel = "JDBC_URL", description = "The database.")
        String store;

        @Option(names = "--until-empty", description = "Stop once nothing is pending (else run until stopped).")
        boolean untilEmpty;

        @Option(names = "--server", paramLabel = "HOST:PORT", converter = HostPort.Converter.class,
                description = "Send every retry to this server instead of the one recorded with its send.")
        HostPort server;

        private final Console console;
        private final Map<String, OutcomeMailer> mailers = new ConcurrentHashMap<>();

        Run(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() throws Exception {
            JdbcRetries retries = JdbcRetries.builder(JdbcRetries.dataSource(store))
                    .pollingInterval(Duration.ofMillis(500)).build();
            try (RetryWorker worker = retries.startWorker(this::mailer)) {
                while (!untilEmpty || !retries.pending().isEmpty()) {
                    LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
                }
            } finally {
                mailers.values().forEach(OutcomeMailer::close);
            }
            console.out().println("no retry pending");
            return 0;
        }

        private OutcomeMailer mailer(String recorded) {
            String target = server != null ? server.host() + ":" + server.port() : recorded;
            return mailers.computeIfAbsent(target, t -> {
                int colon = t.lastIndexOf(':');
                Properties p = new Properties();
                p.setProperty("mail.smtp.host", t.substring(0, colon));
                p.setProperty("mail.smtp.port", t.substring(colon + 1));
                return OutcomeMailer.create(Session.getInstance(p));
            });
        }
    }

    /** {@code retries list}: what is pending, one TSV row per recipient. */
    @Command(name = "list", description = "Print what is pending: send, recipient, target, state, attempt, due, "
            + "latest outcome.")
    static final class ListPending implements Callable<Integer> {
        @Option(names = "--store", required = true, paramLabel = "JDBC_URL", description = "The database.")
        String store;

        private final Console console;

        ListPending(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() throws Exception {
            List<LedgerEntry> pending = JdbcRetries.create(JdbcRetries.dataSource(store)).pending();
            if (console.isHeaderWanted()) console.out().println("send\trecipient\ttarget\tstate\tattempt\tdue\toutcome");
            for (LedgerEntry e : pending) {
                console.out().println(String.join("\t", e.sendId(), e.recipient(), e.target(), e.state().name(),
                        Integer.toString(e.attempt()), e.due().map(Object::toString).orElse("-"),
                        e.outcome().orElse("-").replace('\t', ' ').replace("\n", "\\n")));
            }
            return 0;
        }
    }
}
