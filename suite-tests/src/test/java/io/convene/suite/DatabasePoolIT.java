package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The database pool's size is the operator's setting: the suite runs with {@code convene.db.pool-max}
 * set (the build's failsafe configuration), below the default. With every call stuck behind a lock,
 * PostgreSQL sees no more of Convene's connections than that; the calls beyond them are refused after
 * the pool's wait (503 problem+json with Retry-After), and the others answer once the lock goes.
 */
class DatabasePoolIT extends SignedInPeople {

    @Test
    void convenesConnectionsNeverExceedTheConfiguredMaximum() throws Exception {
        int max = Integer.parseInt(System.getProperty("convene.db.pool-max"));
        assertThat(max).as("a size that differs from the default of 32").isLessThan(32);
        assertThat(api().get("/api/meetings/upcoming", host).status()).isEqualTo(200);
        int calls = max + 8;
        ExecutorService callers = Executors.newFixedThreadPool(calls);
        List<Future<Reply>> replies = new ArrayList<>();
        List<Long> seen = new ArrayList<>();
        // statistics views are read once per transaction: the lock's transaction would see one moment only
        try (Connection lock = ConveneSuite.database(); Connection watch = ConveneSuite.database()) {
            lock.setClientInfo("ApplicationName", "DatabasePoolIT");
            watch.setClientInfo("ApplicationName", "DatabasePoolIT");
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.execute("lock table meetings in access exclusive mode"); // every upcoming list waits, holding its connection
            }
            for (int i = 0; i < calls; i++) {
                replies.add(callers.submit(() -> api().get("/api/meetings/upcoming", host)));
            }
            long waiting;
            try {
                waiting = Eventually.get(() -> {
                    long[] counts = poolConnections(watch);
                    seen.add(counts[0]);
                    return counts[1];
                }, n -> n >= max, Duration.ofSeconds(30));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; Convene's connections: " + activity(watch)
                        + "; calls done: " + replies.stream().filter(Future::isDone).count(), e);
            }
            assertThat(waiting).as("pool connections waiting on the lock").isEqualTo(max);
            // the calls beyond the pool are refused after its wait for a connection (5 s)
            Eventually.get(() -> replies.stream().filter(Future::isDone).count(), done -> done >= calls - max,
                    Duration.ofSeconds(30));
            seen.add(poolConnections(watch)[0]);
            lock.rollback();
        }
        callers.shutdown();
        assertThat(callers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        System.out.println("Convene's connections seen with the calls stuck (pool-max " + max + "): " + seen);
        assertThat(seen).as("never more connections than the pool's maximum").allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(max));

        int answered = 0;
        int refused = 0;
        for (Future<Reply> future : replies) {
            Reply reply = future.get();
            if (reply.status() == 200) {
                answered++;
            } else {
                assertThat(reply.status()).as(reply.toString()).isEqualTo(503);
                assertThat(reply.contentType()).startsWith("application/problem+json");
                assertThat(reply.headers().firstValue("Retry-After")).as(reply.toString()).isPresent();
                refused++;
            }
        }
        System.out.println(answered + " calls answered after the lock, " + refused + " refused while the pool was full");
        assertThat(answered).as("at most one call per connection").isLessThanOrEqualTo(max).isPositive();
        assertThat(refused).isGreaterThanOrEqualTo(calls - max);
        assertThat(api().get("/api/meetings/upcoming", host).status()).as("all connections back").isEqualTo(200);
    }

    /** What Convene's connections are doing (for a failure's message). */
    private static List<String> activity(Connection own) {
        List<String> rows = new ArrayList<>();
        try (Statement s = own.createStatement(); ResultSet r = s.executeQuery("""
                select application_name, state, wait_event_type, wait_event, left(query, 100) from pg_stat_activity
                where usename = current_user and pid <> pg_backend_pid()""")) {
            while (r.next()) {
                rows.add(r.getString(1) + "|" + r.getString(2) + "|" + r.getString(3) + "|" + r.getString(4) + "|" + r.getString(5));
            }
        } catch (SQLException e) {
            rows.add(e.toString());
        }
        return rows;
    }

    /** Convene's pooled connections to PostgreSQL (the driver's own name: not the channel's listener, not this test's): all, and those waiting on a lock. */
    private static long[] poolConnections(Connection own) {
        try (Statement s = own.createStatement(); ResultSet r = s.executeQuery("""
                select count(*), count(*) filter (where wait_event_type = 'Lock') from pg_stat_activity
                where usename = current_user and application_name = 'PostgreSQL JDBC Driver'""")) {
            r.next();
            return new long[] {r.getLong(1), r.getLong(2)};
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
