package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.count;
import static io.convene.suite.ConveneSuite.tokenOf;
import static io.convene.suite.Meetings.HOST;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static io.convene.suite.Meetings.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A host cannot hold two overlapping meetings; the refusal suggests the next free slots. */
class SchedulingConflictIT {

    static String host;

    @BeforeAll
    static void signIn() {
        host = tokenOf(HOST);
    }

    @Test
    void anOverlapIsRefusedWithTheNextFreeSlotsOfTheSameLength() {
        Reply first = schedule(host, draft("Budget"));
        Instant start = Instant.parse(first.text("start"));
        Instant end = Instant.parse(first.text("end"));
        long before = count("select count(*) from meetings");

        Map<String, Object> overlapping = with(draft("Budget again"),
                "start", start.plus(Duration.ofMinutes(30)).toString(),
                "end", end.plus(Duration.ofMinutes(15)).toString());
        Reply conflict = api().post("/api/meetings/schedule", host, overlapping);

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(conflict.text("title")).isEqualTo("Scheduling conflict");
        JsonNode suggestions = conflict.json().get("suggestions");
        assertThat(suggestions).hasSize(3);
        Instant firstFree = Instant.parse(suggestions.get(0).get("start").asText());
        assertThat(firstFree).isEqualTo(end);
        for (JsonNode s : suggestions) {
            Duration length = Duration.between(Instant.parse(s.get("start").asText()), Instant.parse(s.get("end").asText()));
            assertThat(length).isEqualTo(Duration.ofMinutes(45));
        }
        assertThat(count("select count(*) from meetings")).isEqualTo(before);

        Reply suggestionTaken = api().post("/api/meetings/schedule", host, with(overlapping,
                "start", suggestions.get(0).get("start").asText(), "end", suggestions.get(0).get("end").asText()));
        assertThat(suggestionTaken.status()).isEqualTo(201);
    }

    @Test
    void movingAMeetingOntoAnotherIsRefusedAndChangesNothing() {
        Reply a = schedule(host, draft("Morning"));
        Reply b = schedule(host, draft("Afternoon"));

        Reply moved = api().put("/api/meetings/" + b.text("id") + "/edit", host, Map.of(
                "title", "Afternoon, renamed", "start", a.text("start"), "end", a.text("end")));

        assertThat(moved.status()).isEqualTo(409);
        JsonNode unchanged = api().get("/api/meetings/" + b.text("id") + "/details", host).json();
        assertThat(unchanged.get("start").asText()).isEqualTo(b.text("start"));
        assertThat(unchanged.get("title").asText()).isEqualTo("Afternoon");
        // a meeting may keep (or shift within) its own slot
        assertThat(api().put("/api/meetings/" + a.text("id") + "/edit", host, Map.of("start", a.text("start"),
                "end", Instant.parse(a.text("end")).minusSeconds(600).toString())).status()).isEqualTo(200);
    }

    @Test
    void concurrentRequestsForTheSameSlotYieldOneMeeting() throws Exception {
        Map<String, Object> draft = draft("Race");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> api().post("/api/meetings/schedule", host, draft).status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(count("select count(*) from meetings where title = 'Race' and status = 'SCHEDULED'")).isEqualTo(1);
    }
}
