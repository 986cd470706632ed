package org.mailoutcome.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs work on several threads released at the same moment, for tests of what two processes do at once. */
public final class Concurrently {
    private Concurrently() {
    }

    /**
     * Runs each task on a thread of its own, all released together by a barrier, and waits for them.
     *
     * @param tasks the tasks, at least one
     * @param <T> what they return
     * @return their results, in the order given
     * @throws Exception the first task's failure, wrapped as {@link java.util.concurrent.ExecutionException}
     */
    @SafeVarargs
    public static <T> List<T> run(Callable<T>... tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.length);
        try {
            CyclicBarrier start = new CyclicBarrier(tasks.length);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) results.add(f.get());
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
