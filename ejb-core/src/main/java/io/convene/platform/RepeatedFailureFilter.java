package io.convene.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps an outage from flooding the log: of the records with a stack trace (WARNING and above) that
 * repeat — the same logger, the same message, the same root cause — the first {@value #KEPT_PER_MINUTE}
 * a minute pass whole, the rest are counted instead, and the next one that passes says how many
 * like it were left out. Records without a stack trace always pass. Wraps the filter a handler had.
 */
final class RepeatedFailureFilter implements Filter {

    static final int KEPT_PER_MINUTE = 5;
    private static final Logger LOG = Logger.getLogger(RepeatedFailureFilter.class.getName());
    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final Filter before;
    private final LongSupplier nanoTime;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RepeatedFailureFilter(Filter before, LongSupplier nanoTime) {
        this.before = before;
        this.nanoTime = nanoTime;
    }

    Filter before() {
        return before;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (before != null && !before.isLoggable(record)) {
            return false;
        }
        if (record.getThrown() == null || record.getLevel().intValue() < Level.WARNING.intValue()) {
            return true;
        }
        if (windows.size() > 10_000) {
            windows.clear(); // a flood of distinct failures: start counting again rather than grow
        }
        String key = keyOf(record);
        Window window = windows.computeIfAbsent(key, k -> new Window(nanoTime.getAsLong()));
        int left = window.pass(nanoTime.getAsLong());
        if (left < 0) {
            return false;
        }
        if (left > 0) { // the message itself may be a bundle's key: said beside it, not in it
            LOG.warning(() -> left + " failure(s) like the next were left out of the log in the minute before (" + key + ")");
        }
        return true;
    }

    private static String keyOf(LogRecord record) {
        Throwable root = record.getThrown();
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(record.getMessage());
        String rootMessage = String.valueOf(root.getMessage());
        return record.getLoggerName() + '|' + message.substring(0, Math.min(80, message.length())) + '|'
                + root.getClass().getName() + '|' + rootMessage.substring(0, Math.min(80, rootMessage.length()));
    }

    /** One kind of failure's current minute. */
    private static final class Window {
        private long start;
        private final AtomicInteger passed = new AtomicInteger();
        private final AtomicInteger leftOut = new AtomicInteger();

        Window(long start) {
            this.start = start;
        }

        /** -1: leave this one out; otherwise pass it, saying how many were left out before it. */
        synchronized int pass(long now) {
            if (now - start >= MINUTE_NANOS) {
                start = now;
                passed.set(0);
            }
            if (passed.incrementAndGet() > KEPT_PER_MINUTE) {
                leftOut.incrementAndGet();
                return -1;
            }
            return leftOut.getAndSet(0);
        }
    }
}
