package org.mailoutcome.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The text formats take linear time on hostile text: per byte, a 120 KB notice (a text part is read up to 128 KiB)
 * costs at most {@value #MAX_RATIO} times what a 2 KB notice of the same shape costs. A ratio in the thread's CPU
 * time, best of several runs after warm-up, as core's LinearTimeTest: a quadratic scan (60 times the size, so about
 * 60 times the cost per byte) fails it by far on a busy machine too. Each shape once hung a regex or a scan: a long
 * run without an {@code @} for the address pattern, a long marker-like line, unclosed HTML tags, separator lines.
 */
class LinearTimeTest {
    static final int SMALL = 2 * 1024;
    static final int LARGE = 120 * 1024;
    static final double MAX_RATIO = 10.0;
    private static final String HEADER = "From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\n"
            + "To: bounces@example.com\nSubject: Undelivered Mail Returned to Sender\n";

    /** A notice shape: its content type and how to grow its text to a size. */
    record Shape(String name, String contentType, String head, String unit) {
        byte[] build(int size) {
            StringBuilder b = new StringBuilder(size + 300).append(HEADER).append("Content-Type: ")
                    .append(contentType).append("\n\n").append(head);
            while (b.length() < size) b.append(unit);
            return b.append("\n").toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Shape> shapes() {
        return List.of(
                new Shape("a run of letters without an at sign", "text/plain", "could not be delivered\n", "a"),
                new Shape("at signs without domains", "text/plain", "could not be delivered\n", "a@"),
                new Shape("a marker-like line of dashes", "text/plain", "could not be delivered\noriginal message ",
                        "-"),
                new Shape("separator lines", "text/plain", "could not be delivered\n", "--\n"),
                new Shape("unclosed HTML tags", "text/html", "could not be delivered<p>", "<br<td"),
                new Shape("recipient lines", "text/plain", "The following addresses failed:\n",
                        "<x@example.org>: 550 5.1.1 unknown user\n"),
                new Shape("bare local parts under an announcement", "text/plain",
                        "The following recipients do not exist at example.org:\n", "  jdoe\n"),
                new Shape("labels", "text/plain", "Delivery failed\n", "Failed recipient: x@example.org, y@example.org\n"),
                new Shape("challenge-like words", "text/plain", "", "please confirm you are a "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void aLargeNoticeCostsNoMorePerByteThanASmallOneTimesABoundedFactor(Shape shape) {
        byte[] small = shape.build(SMALL);
        byte[] large = shape.build(LARGE);
        double smallPerByte = bestNanosPerByte(small, 7, 30);
        double largePerByte = bestNanosPerByte(large, 3, 1);
        assertThat(largePerByte / smallPerByte).as("%s: %.1f ns/byte at 120 KB vs %.1f ns/byte at 2 KB", shape,
                largePerByte, smallPerByte).isLessThanOrEqualTo(MAX_RATIO);
    }

    private static double bestNanosPerByte(byte[] mail, int samples, int repeat) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        assertThat(cpu.isCurrentThreadCpuTimeSupported()).as("thread CPU time, needed to time without others' load")
                .isTrue();
        int sink = 0;
        for (int i = 0; i < Math.max(2, repeat); i++) sink += BounceParser.defaults().parse(mail).format().ordinal();
        long best = Long.MAX_VALUE;
        for (int s = 0; s < samples; s++) {
            long start = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < repeat; i++) sink += BounceParser.defaults().parse(mail).format().ordinal();
            best = Math.min(best, cpu.getCurrentThreadCpuTime() - start);
        }
        assertThat(sink).isNotEqualTo(Integer.MIN_VALUE);
        return (double) best / repeat / mail.length;
    }
}
