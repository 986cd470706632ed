package org.mailoutcome.testkit.internal;

import java.util.concurrent.atomic.AtomicLong;

/** Queue ids like Postfix's: 11 upper-case hex digits, unique within the JVM. */
public final class MessageIds {

    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() & 0xFFFF_FFFFL);

    private MessageIds() {
    }

    /**
     * The next id.
     *
     * @return an id never returned before in this JVM
     */
    public static String next() {
        return String.format("%011X", NEXT.getAndIncrement() & 0xFFF_FFFF_FFFFL);
    }
}
