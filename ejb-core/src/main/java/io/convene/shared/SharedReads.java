package io.convene.shared;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One read for many callers that ask for the same thing at once, each given a read that started
 * after it asked: as fresh as if it had read alone. While a read of a key runs, callers of that key
 * wait for it to end and share the next one, run by the first of them; nothing is kept once a read
 * is handed out.
 *
 * @param <K> what is read (equal keys share reads)
 * @param <V> what a read gives
 */
public final class SharedReads<K, V> {

    private final long patienceNanos;

    /** Guarded by this: per key, the read not started yet (callers join it), and the one running. */
    private final Map<K, CompletableFuture<V>> next = new HashMap<>();
    private final Map<K, CompletableFuture<V>> running = new HashMap<>();

    /** @param patienceSeconds how long a caller waits for another's read (longer than any read takes) */
    public SharedReads(long patienceSeconds) {
        this.patienceNanos = TimeUnit.SECONDS.toNanos(patienceSeconds);
    }

    /** What {@code read} gives for {@code key}, read by this caller or by another who asked meanwhile. */
    public V get(K key, Supplier<V> read) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> pending;
        CompletableFuture<V> before;
        synchronized (this) {
            pending = next.putIfAbsent(key, mine);
            before = running.get(key);
        }
        if (pending != null) {
            return await(pending); // not started yet: it starts after this caller asked
        }
        if (before != null) { // started before this caller asked: whoever asks meanwhile comes along on this one
            try {
                before.handle((value, failure) -> value).get(patienceNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // the read before hangs: this one goes on regardless
            }
        }
        synchronized (this) {
            next.remove(key, mine);
            running.put(key, mine);
        }
        try {
            V value = read.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            synchronized (this) {
                running.remove(key, mine);
            }
        }
    }

    private V await(CompletableFuture<V> read) {
        try {
            return read.get(patienceNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a shared read", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("A shared read took over " + TimeUnit.NANOSECONDS.toSeconds(patienceNanos) + " s", e);
        }
    }
}
