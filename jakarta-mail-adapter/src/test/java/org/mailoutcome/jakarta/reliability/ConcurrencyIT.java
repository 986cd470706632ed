package org.mailoutcome.jakarta.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.testkit.ReceivedMessage;
import org.mailoutcome.testkit.SmtpServer;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.testkit.Verb;

/**
 * 8 threads x 500 messages through one pooled mailer while the server injects random faults; against a server
 * without PIPELINING and against one that advertises it.
 */
class ConcurrencyIT {
    static final int THREADS = 8;
    static final int MESSAGES_PER_THREAD = 500;

    @RegisterExtension
    static SmtpServerExtension plain = new SmtpServerExtension();
    @RegisterExtension
    static SmtpServerExtension pipelining = new SmtpServerExtension(SmtpServer.builder().pipelining(true));

    @ParameterizedTest(name = "pipelining advertised: {0}")
    @ValueSource(booleans = {false, true})
    void everyReportIsCompleteNothingDeadlocksAndNoConnectionLeaks(boolean pipelined) throws Exception {
        SmtpServerExtension smtp = pipelined ? pipelining : plain;
        smtp.on(Verb.RCPT, "close-*").closeBeforeReply();
        smtp.on(Verb.RCPT, "unavailable-*").serviceUnavailable();
        smtp.on(Verb.RCPT, "garbage-*").garbage();
        smtp.on(Verb.RCPT, "grey-*").reply("451 4.7.1 Greylisted");
        smtp.on(Verb.RCPT, "truncated-*").truncated();
        smtp.on(Verb.RCPT, "unknown-*").reply("550 5.1.1 User unknown");
        String[] kinds = {"close", "unavailable", "garbage", "grey", "truncated", "unknown"};
        AtomicInteger faults = new AtomicInteger();
        Random random = new Random(42);
        String[] targets = new String[THREADS * MESSAGES_PER_THREAD];
        for (int i = 0; i < targets.length; i++) {
            int fault = random.nextInt(24);
            if (fault < kinds.length) faults.incrementAndGet();
            targets[i] = (fault < kinds.length ? kinds[fault] : "fine") + "-" + i + "@example.test";
        }
        Session session = Session.getInstance(smtp.clientProperties());
        Map<String, DeliveryReport> reports = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        try (OutcomeMailer mailer = OutcomeMailer.builder(session).maxConnections(4)
                .readTimeout(Duration.ofSeconds(2)).build()) {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    try {
                        for (int m = 0; m < MESSAGES_PER_THREAD; m++) {
                            int i = thread * MESSAGES_PER_THREAD + m;
                            List<String> to = List.of(targets[i], "ok" + i + "@example.test");
                            reports.put("c" + i, mailer.send(Messages.message(session, "c" + i, to)));
                        }
                    } finally {
                        done.countDown();
                    }
                }));
            }
            assertThat(done.await(120, TimeUnit.SECONDS)).as("all threads finished: no deadlock").isTrue();
            for (Future<?> f : futures) f.get();
        } finally {
            pool.shutdownNow();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        smtp.server().awaitOpenConnections(0, Duration.ofSeconds(10));
        assertThat(smtp.server().openConnections()).as("no leaked connection").isZero();

        Map<String, List<ReceivedMessage>> bySubject = new ConcurrentHashMap<>();
        smtp.messages().forEach(m -> bySubject.computeIfAbsent(Messages.subject(m), k -> new ArrayList<>()).add(m));
        assertThat(reports).hasSize(THREADS * MESSAGES_PER_THREAD);
        reports.forEach((subject, report) -> {
            int i = Integer.parseInt(subject.substring(1));
            Invariants.check(report, List.of(targets[i], "ok" + i + "@example.test"),
                    bySubject.getOrDefault(subject, List.of()));
        });
        System.out.println("reliability: concurrency" + (pipelined ? " (pipelined)" : "") + ": " + THREADS + " threads x " + MESSAGES_PER_THREAD
                + " messages, " + reports.size() + " complete reports, " + faults + " faults injected, "
                + smtp.server().connectionsAccepted() + " connections opened, 0 left open, " + millis + " ms");
    }
}
