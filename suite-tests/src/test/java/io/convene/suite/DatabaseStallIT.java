package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.Meetings.draft;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stalls under a running Convene (every process stopped: connections stay open, nothing
 * answers), for longer than the database's socket timeout (set to 10 s for the suite): calls are
 * answered 503 with a problem+json body and Retry-After after that timeout instead of hanging for
 * the whole stall, nothing is half-written, readiness says DOWN; when the database goes on, Convene
 * serves again by itself. Each call is refused before one socket timeout has passed: the pool's check
 * of a connection gives up after its own few seconds, not after the socket timeout once per idle
 * connection (which cost a call 30 s in the whole suite's run).
 */
class DatabaseStallIT extends SignedInPeople {

    private static final Duration STALL = Duration.ofSeconds(45);
    private static final java.util.Map<String, Long> TOOK = new java.util.concurrent.ConcurrentHashMap<>();

    @Test
    void whileTheDatabaseStallsCallsAreRefusedWithinItsSocketTimeoutAndConveneGoesOnAfter() throws Exception {
        int socketTimeout = Integer.parseInt(System.getProperty("convene.db.socket-timeout"));
        assertThat(api().get("/api/meetings/upcoming", host).status()).isEqualTo(200);
        String title = "Scheduled in the stall " + UUID.randomUUID();
        long started = System.nanoTime();
        Reply upcoming;
        Reply schedule;
        Reply ready;
        try (AutoCloseable stall = ConveneSuite.get().hangDatabase()) {
            CompletableFuture<Reply> listing = CompletableFuture.supplyAsync(() -> timed("upcoming", started,
                    () -> api().get("/api/meetings/upcoming", host)));
            CompletableFuture<Reply> scheduling = CompletableFuture.supplyAsync(() -> timed("schedule", started,
                    () -> api().post("/api/meetings/schedule", host, draft(title))));
            upcoming = listing.get(STALL.toSeconds(), TimeUnit.SECONDS);
            schedule = scheduling.get(STALL.toSeconds(), TimeUnit.SECONDS);
            ready = timed("readiness", System.nanoTime(), () -> api().get("/health/ready", null));
        }
        long answeredAfter = (System.nanoTime() - started) / 1_000_000;
        System.out.println("With the database stalled, calls were answered " + upcoming.status() + " and " + schedule.status()
                + " within " + answeredAfter + " ms (socket timeout " + socketTimeout + " s)");
        for (Reply refused : new Reply[] {upcoming, schedule}) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        }
        assertThat(ready.status()).as(ready.toString()).isEqualTo(503);
        assertThat(answeredAfter).as("answered within a few socket timeouts, not after the stall")
                .isLessThan(STALL.toMillis() - 5_000);
        for (String call : new String[] {"upcoming", "schedule"}) {
            assertThat(TOOK.get(call)).as(call + " refused before one socket timeout had passed").isLessThan(socketTimeout * 1000L);
        }

        Reply back = Eventually.get(() -> api().get("/api/meetings/upcoming", host), r -> r.status() == 200, Duration.ofSeconds(60));
        assertThat(back.status()).isEqualTo(200);
        assertThat(ConveneSuite.count("select count(*) from meetings where title = '" + title + "'"))
                .as("nothing of the refused schedule was written").isZero();
        assertThat(api().post("/api/meetings/schedule", host, draft("After the stall")).status()).isEqualTo(201);
        assertThat(Eventually.get(() -> api().get("/health/ready", null).status(), s -> s == 200, Duration.ofSeconds(30))).isEqualTo(200);
    }

    private static Reply timed(String call, long since, java.util.function.Supplier<Reply> send) {
        Reply reply = send.get();
        long took = (System.nanoTime() - since) / 1_000_000;
        TOOK.put(call, took);
        System.out.println("  " + call + " answered " + reply.status() + " after " + took + " ms");
        return reply;
    }
}
