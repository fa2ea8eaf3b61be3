package io.convene.suite;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until what is asked becomes true, for work the suite does in the background (queues, timers). */
final class Eventually {

    private Eventually() {
    }

    /** The first value that satisfies {@code wanted} within {@code within}; fails with the last value seen. */
    static <T> T get(Supplier<T> read, Predicate<T> wanted, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        T last = read.get();
        while (!wanted.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not as wanted after " + within.toSeconds() + " s; last seen: " + last);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting", e);
            }
            last = read.get();
        }
        return last;
    }
}
