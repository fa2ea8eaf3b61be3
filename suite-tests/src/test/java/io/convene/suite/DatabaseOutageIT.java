package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.Meetings.draft;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away under a running Convene (stopped as an outage stops it: connections cut,
 * new ones refused) and comes back: meanwhile every call is refused quickly with 503, a problem+json
 * body and Retry-After, nothing is half-written, readiness says DOWN; when the database returns,
 * Convene serves again by itself. Each refusal is one WARNING line in the log, under the incident id
 * its answer names.
 */
class DatabaseOutageIT extends SignedInPeople {

    @Test
    void whileTheDatabaseIsDownCallsAreRefusedWith503AndConveneComesBackWithIt() throws Exception {
        assertThat(api().get("/api/meetings/upcoming", host).status()).isEqualTo(200);
        String title = "Scheduled in the outage " + UUID.randomUUID();
        List<Long> refusedInMillis = new ArrayList<>();
        List<String> incidents = new ArrayList<>();
        PayaraLog log = PayaraLog.mark();
        try (AutoCloseable outage = ConveneSuite.get().interruptDatabase()) {
            for (int call = 0; call < 3; call++) {
                long started = System.nanoTime();
                Reply upcoming = api().get("/api/meetings/upcoming", host);
                refusedInMillis.add((System.nanoTime() - started) / 1_000_000);
                assertThat(upcoming.status()).as(upcoming.toString()).isEqualTo(503);
                assertThat(upcoming.contentType()).startsWith("application/problem+json");
                assertThat(upcoming.headers().firstValue("Retry-After")).as("when to try again").isPresent();
                assertThat(upcoming.text("detail")).containsIgnoringCase("database");
                incidents.add(incidentOf(upcoming));
            }
            Reply schedule = api().post("/api/meetings/schedule", host, draft(title));
            assertThat(schedule.status()).as(schedule.toString()).isEqualTo(503);
            incidents.add(incidentOf(schedule));
            Reply ready = api().get("/health/ready", null);
            assertThat(ready.status()).as(ready.toString()).isEqualTo(503);
            assertThat(DeliveryFailuresIT.stateOf(ready, "database")).isEqualTo("DOWN");
            System.out.println("With the database down, calls were refused in " + refusedInMillis + " ms");
            // the pool waits a few seconds for a connection, not the driver's or Payara's defaults (tens of seconds)
            assertThat(refusedInMillis).allSatisfy(millis -> assertThat(millis).isLessThan(10_000));
        }
        List<String> logged = Eventually.get(() -> log.written().stream().filter(line -> line.contains("Incident ")).toList(),
                lines -> incidents.stream().allMatch(id -> lines.stream().anyMatch(line -> line.contains(id))), Duration.ofSeconds(10));
        assertThat(logged).as("one line per refusal, each under the id its answer named").hasSize(incidents.size());

        Reply back = Eventually.get(() -> api().get("/api/meetings/upcoming", host), r -> r.status() == 200, Duration.ofSeconds(60));
        assertThat(back.json().isArray() || back.json().isObject()).isTrue();
        assertThat(ConveneSuite.count("select count(*) from meetings where title = '" + title + "'"))
                .as("nothing of the refused schedule was written").isZero();
        Reply after = api().post("/api/meetings/schedule", host, draft("After the outage"));
        assertThat(after.status()).as(after.toString()).isEqualTo(201);
        assertThat(Eventually.get(() -> api().get("/health/ready", null).status(), s -> s == 200, Duration.ofSeconds(30))).isEqualTo(200);
    }

    private static String incidentOf(Reply refused) {
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("incident ([0-9a-f-]{36})").matcher(refused.text("detail"));
        assertThat(id.find()).as(refused.toString()).isTrue();
        return id.group(1);
    }
}
