package org.mailoutcome.benchmarks;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;

/** The clients the harness compares, each checking every send. */
final class Clients {
    private Clients() {
    }

    /** (a) Static {@code Transport.send}: a new connection, EHLO (STARTTLS) and QUIT per message. */
    static SendClient staticSend(Session session, Messages messages) {
        return new Simple("a", "static Transport.send", tally -> {
            try {
                Transport.send(messages.create(session));
                tally.accepted();
            } catch (MessagingException e) {
                tally.failed(describe(e));
            }
        }, () -> { });
    }

    /** (b) One Angus transport connected once, {@code saveChanges()} and {@code sendMessage} per message. */
    static SendClient reusedTransport(Session session, Messages messages) {
        ReusedTransport transport = new ReusedTransport(session, messages);
        return new Simple("b", "hand-reused Angus transport", transport::sendOne, transport::close);
    }

    /** (c) and (d): {@code OutcomeMailer} with {@code threads} threads and as many connections. */
    static SendClient mailer(String label, Session session, Messages messages, int threads) {
        return mailer(label, "OutcomeMailer, " + threads + (threads == 1 ? " thread" : " threads"), session,
                messages, threads);
    }

    private static SendClient mailer(String label, String name, Session session, Messages messages, int threads) {
        OutcomeMailer mailer = OutcomeMailer.builder(session).maxConnections(threads).build();
        Sender sender = tally -> {
            try {
                DeliveryReport report = mailer.send(messages.create(session));
                if (report.isFullyAccepted()) tally.accepted();
                else tally.failed(report.toString());
            } catch (MessagingException e) {
                tally.failed("message not built: " + describe(e));
            }
        };
        if (threads == 1) return new Simple(label, name, sender, mailer::close);
        return new Parallel(label, name, threads, worker -> sender, mailer::close);
    }

    /**
     * (s) {@code OutcomeMailer} on 1 thread, with a session that names its own {@code mail.smtp.ssl.socketFactory}
     * (how a private CA is trusted, and what Spring Boot's {@code spring.mail.ssl.bundle} sets) instead of
     * {@code mail.smtp.ssl.trust}: c's twin, to show that the user's factory costs nothing.
     */
    static SendClient mailerWithOwnSslFactory(Session session, Messages messages) {
        java.util.Properties props = new java.util.Properties();
        props.putAll(session.getProperties());
        props.remove("mail.smtp.ssl.trust");
        props.put("mail.smtp.ssl.socketFactory", RawSocketClient.trustAll().getSocketFactory());
        return mailer("s", "OutcomeMailer, 1 thread, own ssl.socketFactory", Session.getInstance(props), messages, 1);
    }

    /** (e) {@code threads} hand-reused Angus transports, one per thread: what plain Angus reaches in parallel. */
    static SendClient reusedTransports(Session session, Messages messages, int threads) {
        List<ReusedTransport> transports = new ArrayList<>();
        for (int i = 0; i < threads; i++) transports.add(new ReusedTransport(session, messages));
        return new Parallel("e", threads + " hand-reused Angus transports, " + threads + " threads", threads,
                worker -> transports.get(worker)::sendOne, () -> transports.forEach(ReusedTransport::close));
    }

    /** (r) {@code threads} minimal raw-socket clients, one per thread: the reference for the mailer's client cost. */
    static SendClient rawSockets(Session session, Messages messages, String to, int threads) {
        return rawSockets("r", threads + " minimal raw-socket clients, " + threads + " threads", session, messages, to,
                threads, false);
    }

    /** (m) {@code threads} raw-socket clients that make and write each message as an application and Angus do. */
    static SendClient rawSocketsBuildingEach(Session session, Messages messages, String to, int threads) {
        return rawSockets("m", threads + " raw-socket clients, each message built, " + threads + " threads", session,
                messages, to, threads, true);
    }

    private static SendClient rawSockets(String label, String name, Session session, Messages messages, String to,
            int threads, boolean buildEach) {
        List<RawSocketClient> raw = new ArrayList<>();
        for (int i = 0; i < threads; i++) raw.add(new RawSocketClient(session, messages, to, buildEach));
        return new Parallel(label, name, threads, raw::get, () -> raw.forEach(RawSocketClient::close));
    }

    static String describe(Throwable e) {
        StringBuilder out = new StringBuilder(e.toString());
        for (Throwable next = next(e); next != null && out.length() < 2000; next = next(next)) {
            out.append(" / ").append(next);
        }
        return out.toString();
    }

    private static Throwable next(Throwable e) {
        if (e instanceof MessagingException m && m.getNextException() != null) return m.getNextException();
        return e.getCause() == e ? null : e.getCause();
    }

    /** Sends one message and records its result. */
    @FunctionalInterface
    interface Sender {
        void sendOne(Tally tally);
    }

    /** A client that sends on the calling thread. */
    static final class Simple implements SendClient {
        private final String label;
        private final String name;
        private final Sender sender;
        private final Runnable closer;

        Simple(String label, String name, Sender sender, Runnable closer) {
            this.label = label;
            this.name = name;
            this.sender = sender;
            this.closer = closer;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void send(int n, Tally tally) {
            for (int i = 0; i < n; i++) sender.sendOne(tally);
        }

        @Override
        public void close() {
            closer.run();
        }
    }

    /** A client whose threads take messages from a shared count until {@code n} are sent. */
    private static final class Parallel implements SendClient {
        private final String label;
        private final String name;
        private final int threads;
        private final IntFunction<Sender> senders;
        private final Runnable closer;
        private final ExecutorService pool;

        Parallel(String label, String name, int threads, IntFunction<Sender> senders,
                Runnable closer) {
            this.label = label;
            this.name = name;
            this.threads = threads;
            this.senders = senders;
            this.closer = closer;
            this.pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "sender-" + label);
                t.setDaemon(true);
                return t;
            });
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void send(int n, Tally tally) throws InterruptedException {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                Sender sender = senders.apply(w);
                workers.add(pool.submit(() -> {
                    while (next.getAndIncrement() < n) sender.sendOne(tally);
                }));
            }
            for (Future<?> f : workers) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a sender thread failed", e.getCause());
                }
            }
        }

        @Override
        public void close() {
            closer.run();
            pool.shutdownNow();
        }
    }

    /** One Angus transport, connected on first use and again after a failure; one thread at a time. */
    private static final class ReusedTransport {
        private final Session session;
        private final Messages messages;
        private SMTPTransport transport;

        ReusedTransport(Session session, Messages messages) {
            this.session = session;
            this.messages = messages;
        }

        void sendOne(Tally tally) {
            try {
                if (transport == null) {
                    transport = (SMTPTransport) session.getTransport("smtp");
                    transport.connect();
                }
                MimeMessage message = messages.create(session);
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
                if (transport.getLastReturnCode() == 250) tally.accepted();
                else tally.failed("end of data: " + transport.getLastServerResponse());
            } catch (MessagingException e) {
                tally.failed(describe(e));
                close();
            }
        }

        void close() {
            if (transport == null) return;
            try {
                transport.close();
            } catch (MessagingException e) {
                // closing after a failure: the failure was counted already
            }
            transport = null;
        }
    }
}
