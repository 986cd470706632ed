package org.mailoutcome.testsupport;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The log file Postfix's {@code postlogd} writes ({@code maillog_file}). Postfix logs asynchronously, so a line
 * about a message may appear after the SMTP reply for it: {@link #await} waits for lines to appear.
 *
 * <pre>{@code
 * long mark = maillog.mark();
 * DeliveryReport report = mailer.send(message);
 * maillog.await(mark, Pattern.compile(queueId + ": removed"), 1, Duration.ofSeconds(10));
 * }</pre>
 */
public final class Maillog {
    /** A wake-up in case a file-change event is missed (some file systems do not report every write). */
    private static final long RECHECK_MILLIS = 100;

    private final Path file;

    /**
     * A view of a log file, which need not exist yet.
     *
     * @param file the {@code maillog_file} Postfix writes
     */
    public Maillog(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    }

    /**
     * The log file.
     *
     * @return its absolute path
     */
    public Path file() {
        return file;
    }

    /**
     * The current end of the log, to read or wait for only the lines written after it.
     *
     * @return the size of the file in bytes, 0 when it does not exist yet
     */
    public long mark() {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The complete lines written after a mark (a line still being written is left out).
     *
     * @param mark a value returned by {@link #mark()}
     * @return the lines, in order, without line ends
     */
    public List<String> linesSince(long mark) {
        byte[] log;
        try {
            log = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (log.length <= mark) return List.of();
        int from = Math.toIntExact(mark);
        String text = new String(log, from, log.length - from, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : text.substring(0, end).lines().toList();
    }

    /**
     * The lines after a mark in which the pattern is found.
     *
     * @param mark a value returned by {@link #mark()}
     * @param pattern what to look for, anywhere in a line
     * @return the matching lines, in order
     */
    public List<String> matching(long mark, Pattern pattern) {
        Objects.requireNonNull(pattern, "pattern");
        return linesSince(mark).stream().filter(line -> pattern.matcher(line).find()).toList();
    }

    /**
     * The last lines of the whole log, for failure messages.
     *
     * @param count how many lines at most
     * @return those lines joined by {@code \n}, or a note that the log does not exist
     */
    public String tail(int count) {
        if (!Files.exists(file)) return "(no maillog at " + file + ")";
        List<String> lines = linesSince(0);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    /**
     * Waits until at least {@code count} lines after the mark match the pattern, waking up when the file changes.
     *
     * @param mark a value returned by {@link #mark()}
     * @param pattern what to look for, anywhere in a line
     * @param count how many matching lines to wait for, at least 1
     * @param timeout how long to wait at most
     * @return all matching lines after the mark (at least {@code count})
     * @throws IllegalStateException on timeout, with the lines logged since the mark
     */
    public List<String> await(long mark, Pattern pattern, int count, Duration timeout) {
        if (count < 1) throw new IllegalArgumentException("count must be >= 1: " + count);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (WatchService watcher = file.getFileSystem().newWatchService()) {
            file.getParent().register(watcher, ENTRY_CREATE, ENTRY_MODIFY);
            while (true) {
                List<String> found = matching(mark, pattern);
                if (found.size() >= count) return found;
                long left = deadline - System.nanoTime();
                if (left <= 0) throw timedOut(mark, pattern, count, found.size(), timeout);
                WatchKey key = watcher.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(RECHECK_MILLIS)),
                        TimeUnit.NANOSECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the maillog", e);
        }
    }

    private IllegalStateException timedOut(long mark, Pattern pattern, int count, int found, Duration timeout) {
        return new IllegalStateException("after " + timeout.toMillis() + " ms, " + found + " of " + count
                + " maillog lines match /" + pattern + "/; logged since the mark:\n"
                + String.join("\n", linesSince(mark)));
    }
}
