package io.convene.ldap;

import com.unboundid.ldap.sdk.SearchResultEntry;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A paged search read one page ahead: while the caller handles a page (a sync provisions it in a
 * transaction), another thread already asks the directory for the next, so the directory's time and
 * Convene's overlap instead of adding up. At most two pages wait besides the one being handled; a
 * caller that fails, or stops, stops the reading; the reading's failure is the caller's.
 */
final class PagesAhead {

    /** What the reading thread hands over: a page, the end, or why it stopped. */
    private record Handover(List<SearchResultEntry> page, RuntimeException failure) {
        static final Handover END = new Handover(null, null);
    }

    /** A paged search, handing each page to its consumer until the directory has no more or the stop is asked. */
    interface Search {
        void run(Consumer<List<SearchResultEntry>> each, BooleanSupplier stop);
    }

    private static final long PATIENCE_MINUTES = 5; // far beyond a search's own response timeout

    private PagesAhead() {
    }

    static void read(ExecutorService threads, Search search, Consumer<List<SearchResultEntry>> each) {
        BlockingQueue<Handover> ready = new ArrayBlockingQueue<>(1);
        AtomicBoolean stop = new AtomicBoolean();
        Future<?> reading = threads.submit(() -> {
            Handover last = Handover.END;
            try {
                search.run(page -> handOver(ready, new Handover(page, null), stop), stop::get);
            } catch (RuntimeException e) {
                last = new Handover(null, e);
            }
            handOver(ready, last, stop);
        });
        try {
            for (Handover next = take(ready); next != Handover.END; next = take(ready)) {
                if (next.failure() != null) {
                    throw next.failure();
                }
                each.accept(next.page());
            }
        } finally {
            stop.set(true);
            ready.clear(); // a reader waiting to hand over goes on, sees the stop and ends
            awaitEnd(reading);
        }
    }

    private static void handOver(BlockingQueue<Handover> ready, Handover handover, AtomicBoolean stop) {
        try {
            while (!stop.get() && !ready.offer(handover, 100, TimeUnit.MILLISECONDS)) {
                // the caller is still at the page before
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.set(true);
        }
    }

    private static Handover take(BlockingQueue<Handover> ready) {
        try {
            Handover next = ready.poll(PATIENCE_MINUTES, TimeUnit.MINUTES);
            if (next == null) {
                throw new IllegalStateException("The directory's next page did not come in " + PATIENCE_MINUTES + " minutes");
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the directory's next page", e);
        }
    }

    /** The reading thread is done with the connection before the caller closes it. */
    private static void awaitEnd(Future<?> reading) {
        try {
            reading.get(PATIENCE_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            reading.cancel(true);
        }
    }
}
