package org.mailoutcome.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line of {@link Throughput}.
 *
 * @param server {@code host:port} of the server, empty with {@code --embedded}
 * @param messages messages per client per round (N)
 * @param staticMessages messages per round for static {@code Transport.send}, which opens a connection per message
 * @param size bytes of message body (the headers add about 300)
 * @param threads threads of the concurrent clients (T)
 * @param rounds measured rounds
 * @param warmup messages per client in each warm-up pass (passes go on until the JIT settles); 0 for none
 * @param starttls whether every client upgrades its connections with STARTTLS (required, certificate trusted)
 * @param writeTimeoutMillis {@code mail.smtp.writetimeout} in the session of every client, empty for Angus's
 *     default (none); the mailer sets 60 s itself when the session has none
 * @param pauseMillis pause between two clients, so the server's queue drains the backlog of the previous one
 * @param to the envelope recipient
 * @param postfixPidFile the {@code master.pid} of the Postfix under test, to report its CPU use
 * @param clients the labels of the clients to run, in order ({@code "abcde"} for all)
 * @param tcpNoDelay whether every client's sockets get {@code TCP_NODELAY} (see {@link NoDelaySocketFactory})
 * @param separateJvms whether each client runs in a JVM of its own ({@link ClientProcess}), so that no client's
 *     JIT profile or garbage is shared with another's
 */
public record ThroughputOptions(Optional<String> server, int messages, int staticMessages, int size, int threads,
        int rounds, int warmup, boolean starttls, Optional<Integer> writeTimeoutMillis, int pauseMillis, String to,
        Optional<Path> postfixPidFile, String clients, boolean tcpNoDelay, boolean separateJvms) {

    /** How to call the harness. */
    public static final String USAGE = String.join("\n",
            "usage: Throughput (--server HOST:PORT | --embedded) [options]",
            "  --messages N          messages per client per round (default 2000)",
            "  --static-messages M   per round for static Transport.send (default N, N/20 with --starttls)",
            "  --size BYTES          message body size (default 2048)",
            "  --threads T           threads of the concurrent clients (default 4)",
            "  --rounds R            measured rounds (default 3)",
            "  --warmup W            messages per client per warm-up pass; passes go on until the JIT settles",
            "                        (3 passes in a row under 2 %; at most 40); 0: none (default 1000)",
            "  --starttls            STARTTLS on every connection (required; mail.smtp.ssl.trust=127.0.0.1)",
            "  --writetimeout MS     mail.smtp.writetimeout, all clients (default none as Angus; the mailer then 60 s)",
            "  --pause MS            pause between clients, letting the server drain its queue (default 1000)",
            "  --to ADDRESS          the recipient (default alice@lab.test)",
            "  --postfix-pid FILE    master.pid of the Postfix under test: report its CPU use",
            "  --clients LABELS      which clients to run, e.g. bc (default abcde; r: T minimal raw-socket clients,",
            "                        m: the same, building each message; s: c with its own mail.smtp.ssl.socketFactory)",
            "  --tcp-nodelay         TCP_NODELAY on every client's sockets (mail.smtp.socketFactory)",
            "  --separate-jvms       each client in a JVM of its own (same class path, -D/-X options), still alternating");

    /**
     * The options a {@link ClientProcess} needs to build the same client against {@code server}.
     *
     * @param server {@code host:port} of the server
     * @return the command line
     */
    public List<String> forClientProcess(String server) {
        List<String> args = new ArrayList<>(List.of("--server", server, "--messages", Integer.toString(messages),
                "--static-messages", Integer.toString(staticMessages), "--size", Integer.toString(size), "--threads",
                Integer.toString(threads), "--to", to));
        if (starttls) args.add("--starttls");
        if (tcpNoDelay) args.add("--tcp-nodelay");
        writeTimeoutMillis.ifPresent(ms -> args.addAll(List.of("--writetimeout", Integer.toString(ms))));
        return args;
    }

    /**
     * Parses the command line.
     *
     * @param args the arguments
     * @return the options
     * @throws IllegalArgumentException naming the first bad argument
     */
    public static ThroughputOptions parse(String... args) {
        Parser p = new Parser();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--embedded")) p.embedded = true;
            else if (arg.equals("--starttls")) p.starttls = true;
            else if (arg.equals("--tcp-nodelay")) p.tcpNoDelay = true;
            else if (arg.equals("--separate-jvms")) p.separateJvms = true;
            else if (i + 1 < args.length && arg.startsWith("--")) p.set(arg, args[++i]);
            else throw new IllegalArgumentException("unknown or incomplete argument: " + arg);
        }
        return p.build();
    }

    /** Collects the values; {@link #build()} checks how they combine. */
    private static final class Parser {
        private String server;
        private boolean embedded;
        private boolean starttls;
        private boolean tcpNoDelay;
        private boolean separateJvms;
        private int messages = 2000;
        private Integer staticMessages;
        private int size = 2048;
        private int threads = 4;
        private int rounds = 3;
        private Integer warmup;
        private Integer writeTimeout;
        private int pause = 1000;
        private String to = "alice@lab.test";
        private Path postfixPidFile;
        private String clients = "abcde";

        void set(String name, String value) {
            switch (name) {
                case "--server": server = value; break;
                case "--messages": messages = positive(name, value); break;
                case "--static-messages": staticMessages = positive(name, value); break;
                case "--size": size = positive(name, value); break;
                case "--threads": threads = positive(name, value); break;
                case "--rounds": rounds = positive(name, value); break;
                case "--warmup": warmup = atLeastZero(name, value); break;
                case "--writetimeout": writeTimeout = positive(name, value); break;
                case "--pause": pause = atLeastZero(name, value); break;
                case "--to": to = value; break;
                case "--postfix-pid": postfixPidFile = Path.of(value); break;
                case "--clients": clients = value; break;
                default: throw new IllegalArgumentException("unknown argument: " + name);
            }
        }

        ThroughputOptions build() {
            if (embedded == (server != null)) {
                throw new IllegalArgumentException("give exactly one of --server HOST:PORT and --embedded");
            }
            if (server != null && !server.matches("[^:]+:\\d{1,5}")) {
                throw new IllegalArgumentException("--server must be HOST:PORT: " + server);
            }
            if (!clients.matches("[a-emrs]+")) {
                throw new IllegalArgumentException("--clients must be letters a-e, m, r or s: " + clients);
            }
            int statics = staticMessages != null ? staticMessages : starttls ? Math.max(messages / 20, 1) : messages;
            int warm = warmup != null ? warmup : 1000;
            return new ThroughputOptions(Optional.ofNullable(server), messages, statics, size, threads, rounds, warm,
                    starttls, Optional.ofNullable(writeTimeout), pause, to, Optional.ofNullable(postfixPidFile),
                    clients, tcpNoDelay, separateJvms);
        }

        private static int positive(String name, String value) {
            int n = atLeastZero(name, value);
            if (n == 0) throw new IllegalArgumentException(name + " must be >= 1: " + value);
            return n;
        }

        private static int atLeastZero(String name, String value) {
            try {
                int n = Integer.parseInt(value);
                if (n < 0) throw new IllegalArgumentException(name + " must be >= 0: " + value);
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a number: " + value, e);
            }
        }
    }
}
