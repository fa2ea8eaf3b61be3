package io.convene.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Children the suite keeps running, as real processes: one that dies is started again, or its loss is told. */
class SupervisedTest {

    @TempDir
    Path dir;

    private ManagedProcess sleeper(String name) {
        return ManagedProcess.start(name, List.of("/bin/sleep", "300"), Map.of(), dir, dir.resolve(name + ".log"));
    }

    @Test
    void aChildThatDiesIsStartedAgainAndStaysStoppedOnceClosed() throws Exception {
        ManagedProcess first = sleeper("worker");
        Supervised worker = Supervised.sameCommandAgain(first, started -> { });
        try {
            first.kill();
            await(() -> worker.current() != first && worker.current().alive(), Duration.ofSeconds(10));
            ManagedProcess second = worker.current();
            second.kill();
            await(() -> worker.current() != second && worker.current().alive(), Duration.ofSeconds(10));
        } finally {
            worker.close();
        }
        ManagedProcess last = worker.current();
        assertThat(last.alive()).isFalse();
        Thread.sleep(5_000); // nothing more arrives: past the third restart's wait (1 s, 2 s, then 4 s) had it not been closed
        assertThat(worker.current()).as("nothing started after closing").isSameAs(last);
    }

    @Test
    void aChildTheSuiteCannotDoWithoutIsReportedNotRestarted() throws Exception {
        ManagedProcess keycloak = sleeper("keycloak");
        CompletableFuture<String> lost = new CompletableFuture<>();
        Supervised watched = Supervised.essential(keycloak, lost::complete);
        try {
            keycloak.kill();
            assertThat(lost.get(10, TimeUnit.SECONDS)).contains("keycloak exited with code", "keycloak.log");
            assertThat(watched.current()).isSameAs(keycloak);
        } finally {
            watched.close();
        }
    }

    @Test
    void aRestartThatFailsIsTriedAgainLater() {
        ManagedProcess first = sleeper("flaky");
        int[] calls = {0};
        Supervised flaky = Supervised.restarting(first, exited -> {
            if (++calls[0] == 1) {
                throw new IllegalStateException("not ready in time");
            }
            return exited.again();
        });
        try {
            first.kill();
            await(() -> flaky.current() != first && flaky.current().alive(), Duration.ofSeconds(15)); // 1 s, then 2 s
            assertThat(calls[0]).isEqualTo(2);
        } finally {
            flaky.close();
        }
    }

    private static void await(BooleanSupplier condition, Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("in time").isBefore(deadline);
            ManagedProcess.sleep(100);
        }
    }
}
