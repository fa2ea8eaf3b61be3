package io.convene.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharedReadsTest {

    private final SharedReads<String, Integer> reads = new SharedReads<>(10);
    private final AtomicInteger started = new AtomicInteger();
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    /** A read that numbers itself when it starts, and ends once {@code release} is open. */
    private Supplier<Integer> numbered(CountDownLatch release) {
        return () -> {
            int number = started.incrementAndGet();
            try {
                assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return number;
        };
    }

    @Test
    void callersWhoAskWhileAReadRunsShareOneReadThatStartsAfterThemAll() throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        Future<Integer> early = callers.submit(() -> reads.get("meeting", numbered(first)));
        waitUntil(() -> started.get() == 1);
        CountDownLatch second = new CountDownLatch(1);
        Future<Integer> late1 = callers.submit(() -> reads.get("meeting", numbered(second)));
        Future<Integer> late2 = callers.submit(() -> reads.get("meeting", numbered(second)));
        Future<Integer> otherKey = callers.submit(() -> reads.get("another meeting", () -> started.incrementAndGet() * 100));
        assertThat(otherKey.get(10, TimeUnit.SECONDS)).as("another key does not wait").isEqualTo(200);
        waitUntil(() -> waitingForAnotherRead() == 2);

        first.countDown();
        assertThat(early.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        second.countDown();
        assertThat(late1.get(10, TimeUnit.SECONDS)).as("not the read that started before they asked").isEqualTo(3);
        assertThat(late2.get(10, TimeUnit.SECONDS)).as("the same read, shared").isEqualTo(3);
        assertThat(started).as("three reads for four callers").hasValue(3);
    }

    @Test
    void aFailedReadFailsThoseWhoSharedItAndTheNextCallerReadsAgain() throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        Future<Integer> blocking = callers.submit(() -> reads.get("meeting", numbered(first)));
        waitUntil(() -> started.get() == 1);
        Supplier<Integer> broken = () -> {
            started.incrementAndGet();
            throw new IllegalStateException("database gone");
        };
        Future<Integer> a = callers.submit(() -> reads.get("meeting", broken));
        Future<Integer> b = callers.submit(() -> reads.get("meeting", broken));
        waitUntil(() -> waitingForAnotherRead() == 2);
        first.countDown();
        assertThat(blocking.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        for (Future<Integer> f : List.of(a, b)) {
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("database gone");
        }
        assertThat(started).as("one failed read for both").hasValue(2);
        assertThat(reads.get("meeting", () -> 7)).isEqualTo(7);
    }

    /** Callers parked on another caller's read (the one running before them, or the one they share). */
    private static long waitingForAnotherRead() {
        return Thread.getAllStackTraces().values().stream().filter(stack -> Arrays.stream(stack)
                .anyMatch(f -> f.getClassName().equals(SharedReads.class.getName())) && Arrays.stream(stack)
                .anyMatch(f -> f.getClassName().startsWith(CompletableFuture.class.getName()))).count();
    }

    private static void waitUntil(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.get()) {
            assertThat(System.nanoTime()).as("in time").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
