package io.convene.notification;

import java.time.Clock;

/** The notification context's counter of what went out, wired for unit tests (what CDI does in the suite). */
public final class SentCounters {

    private SentCounters() {
    }

    public static SentCounter of(SentCounts counts, Clock clock) {
        SentCounter counter = new SentCounter();
        counter.counts = counts;
        counter.clock = clock;
        return counter;
    }
}
