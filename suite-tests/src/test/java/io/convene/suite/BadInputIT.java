package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.count;
import static io.convene.suite.ConveneSuite.tokenOf;
import static io.convene.suite.Meetings.HOST;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static io.convene.suite.Meetings.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input gets a 4xx problem body naming the fields, and nothing is written. */
class BadInputIT {

    static String host;

    @BeforeAll
    static void signIn() {
        host = tokenOf(HOST);
    }

    static Stream<Arguments> badDrafts() {
        Map<String, Object> ok = draft("Valid");
        Map<String, Object> missing = new java.util.HashMap<>(ok);
        missing.remove("title");
        missing.remove("timeZone");
        return Stream.of(
                Arguments.of("missing fields", missing, List.of("timeZone", "title")),
                Arguments.of("blank title", with(ok, "title", "   "), List.of("title")),
                Arguments.of("oversized title", with(ok, "title", "x".repeat(201)), List.of("title")),
                Arguments.of("oversized agenda", with(ok, "agenda", "x".repeat(10_001)), List.of("agenda")),
                Arguments.of("end before start", with(ok, "start", "2030-01-01T10:00", "end", "2030-01-01T09:00"),
                        List.of("end")),
                Arguments.of("in the past", with(ok, "start", "2020-01-01T10:00", "end", "2020-01-01T11:00"),
                        List.of("start")),
                Arguments.of("bad time zone", with(ok, "timeZone", "Mars/Olympus_Mons"), List.of("timeZone")),
                Arguments.of("offset is not a zone", with(ok, "timeZone", "+02:00"), List.of("timeZone")),
                Arguments.of("not a date", with(ok, "start", "next tuesday", "title", ""), List.of("start", "title")),
                Arguments.of("bad invitee", with(ok, "invitees", List.of("not-an-email")), List.of("invitees[0]")),
                Arguments.of("short passcode", with(ok, "passcode", "12"), List.of("passcode")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDrafts")
    void schedulingWithBadInputWritesNothing(String why, Map<String, Object> body, List<String> fields) {
        long meetings = count("select count(*) from meetings");
        long participations = count("select count(*) from participations");

        Reply r = api().post("/api/meetings/schedule", host, body);

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(400);
        List<String> named = new ArrayList<>();
        r.json().get("errors").forEach(e -> named.add(e.get("field").asText()));
        assertThat(named).containsExactlyInAnyOrderElementsOf(fields);
        assertThat(count("select count(*) from meetings")).isEqualTo(meetings);
        assertThat(count("select count(*) from participations")).isEqualTo(participations);
    }

    @Test
    void unreadableBodiesAreRefused() {
        long meetings = count("select count(*) from meetings");
        for (String body : List.of("{\"title\":", "[1,2]", "not json", "{\"title\":\"x\",\"waitingRoom\":\"maybe\"}")) {
            Reply r = api().post("/api/meetings/schedule", host, body);
            assertThat(r.status()).as(body + " -> " + r).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        Reply empty = api().send("POST", "/api/meetings/schedule", host, null, Map.of("Content-Type", "application/json"));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.contentType()).startsWith("application/problem+json");
        Reply text = api().send("POST", "/api/meetings/schedule", host, null, Map.of("Content-Type", "text/plain"));
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.contentType()).startsWith("application/problem+json");
        assertThat(count("select count(*) from meetings")).isEqualTo(meetings);
    }

    @Test
    void unknownMeetingsAreNotFound() {
        for (String ref : List.of("00000000-0000-0000-0000-000000000000", "1000000000", "no-such-meeting")) {
            Reply r = api().get("/api/meetings/" + ref + "/details", host);
            assertThat(r.status()).as(ref).isEqualTo(404);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(api().put("/api/meetings/" + ref + "/edit", host, Map.of("title", "x")).status()).isEqualTo(404);
            assertThat(api().delete("/api/meetings/" + ref, host).status()).isEqualTo(404);
            assertThat(api().post("/api/meetings/" + ref + "/join", host, Map.of()).status()).isEqualTo(404);
        }
    }

    @Test
    void aBadEditChangesNothing() {
        Reply m = schedule(host, draft("Stable"));
        String id = m.text("id");

        Reply r = api().put("/api/meetings/" + id + "/edit", host, Map.of("title", "Changed",
                "start", "2030-01-01T10:00", "end", "2030-01-01T09:00"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("end");

        Reply both = api().put("/api/meetings/" + id + "/edit", host, Map.of("passcode", "9999", "removePasscode", true));
        assertThat(both.status()).isEqualTo(400);

        Reply after = api().get("/api/meetings/" + id + "/details", host);
        assertThat(after.text("title")).isEqualTo("Stable");
        assertThat(after.text("start")).isEqualTo(m.text("start"));
        assertThat(after.json().get("passcodeProtected").asBoolean()).isFalse();
    }

    @Test
    void pagingParametersAreChecked() {
        Reply r = api().get("/api/meetings/upcoming?size=1000", host);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("size");
        assertThat(api().get("/api/meetings/upcoming?page=-1", host).status()).isEqualTo(400);
        assertThat(api().get("/api/meetings/upcoming?page=abc", host).status()).isEqualTo(400);
    }
}
