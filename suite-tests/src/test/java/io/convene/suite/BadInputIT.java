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

    /** A call that carries bad text or a bad number in one field, and that field's name. */
    record Bad(String why, String method, String path, String token, String body, String field) {
        @Override
        public String toString() {
            return why;
        }
    }

    /** Raw JSON: {@code @@} in {@code json} is replaced by {@code literal} (1e999 cannot be written from a double). */
    static String raw(Object body, String literal) {
        return Api.json(body).replace("\"@@\"", literal);
    }

    @Test
    void controlCharactersAndNumbersThatDoNotFitAreRefusedNamingTheField() {
        String pablo = tokenOf(io.convene.suite.Meetings.PARTICIPANT);
        String cora = tokenOf(io.convene.suite.Meetings.COMPLIANCE);
        Meetings.Gathering g = Meetings.gather(host, pablo, cora, with(draft("Text and numbers"), "allowGuests", true));
        String m = "/api/meetings/" + g.id();
        String joinToken = GuestJoinIT.joinToken(g.meeting());
        assertThat(api().post(m + "/whiteboard/create", pablo, null).status()).isIn(200, 201);
        String nul = "\u0000";
        Map<String, Object> textOp = Map.of("opId", "t1", "op", "PUT", "objectId", "note",
                "shape", Map.of("type", "TEXT", "x", 1, "y", 1, "text", "minutes" + nul));
        Map<String, Object> farOp = Map.of("opId", "t2", "op", "PUT", "objectId", "far",
                "shape", Map.of("type", "RECT", "x", "@@", "y", 1, "w", 20, "h", 10));
        List<Bad> bad = List.of(
                new Bad("NUL in a title", "POST", "/api/meetings/schedule", host, Api.json(with(draft("Plan" + nul))), "title"),
                new Bad("control character in an agenda", "PUT", m + "/edit", host, Api.json(Map.of("agenda", "a\u0001b")), "agenda"),
                new Bad("NUL in a chat message", "POST", m + "/chat/send", pablo,
                        Api.json(Map.of("clientMessageId", "nul-1", "text", "hello" + nul)), "text"),
                new Bad("a lone surrogate in a chat message", "POST", m + "/chat/send", pablo,
                        "{\"clientMessageId\":\"sur-1\",\"text\":\"broken \\ud800 text\"}", "text"),
                new Bad("NUL in a question", "POST", m + "/questions", pablo, Api.json(Map.of("text", "why" + nul)), "text"),
                new Bad("NUL in a poll option", "POST", m + "/polls", host,
                        Api.json(Map.of("question", "Lunch?", "options", List.of("pizza", "sushi" + nul))), "options[1]"),
                new Bad("NUL in whiteboard text", "PUT", m + "/whiteboard/update", pablo,
                        Api.json(Map.of("ops", List.of(textOp))), "ops[0].shape.text"),
                new Bad("NUL in a guest's display name", "POST", m + "/join", null,
                        Api.json(Map.of("joinToken", joinToken, "displayName", "Eve" + nul)), "displayName"),
                new Bad("NUL in a broadcast to breakout rooms", "POST", m + "/breakouts/broadcast", host,
                        Api.json(Map.of("text", "back in five" + nul)), "text"),
                new Bad("NUL in a search", "GET", "/api/search/meetings?q=plan%00", host, null, "q"),
                new Bad("1e999 reminder minutes", "POST", "/api/meetings/schedule", host,
                        raw(with(draft("Huge reminder"), "reminderMinutes", "@@"), "1e999"), "reminderMinutes"),
                new Bad("1e20 reminder minutes", "PUT", m + "/edit", host, raw(Map.of("reminderMinutes", "@@"), "1e20"),
                        "reminderMinutes"),
                new Bad("1.5 reminder minutes", "POST", "/api/meetings/schedule", host,
                        raw(with(draft("Fractional reminder"), "reminderMinutes", "@@"), "1.5"), "reminderMinutes"),
                new Bad("1e20 breakout rooms", "POST", m + "/breakouts", host, raw(Map.of("count", "@@"), "1e20"), "count"),
                new Bad("a breakout timer of 90.5 seconds", "POST", m + "/breakouts/open", host,
                        raw(Map.of("seconds", "@@"), "90.5"), "seconds"),
                new Bad("a whiteboard shape at 1e999", "PUT", m + "/whiteboard/update", pablo,
                        raw(Map.of("ops", List.of(farOp)), "1e999"), "ops[0].shape.x"),
                new Bad("1e20 days of chat retention", "PUT", "/api/admin/retention", tokenOf(io.convene.suite.Meetings.ADMIN),
                        raw(Map.of("chatDays", "@@"), "1e20"), "chatDays"));

        long meetings = count("select count(*) from meetings");
        long written = EdgeBoundariesIT.writtenFor(g.id());
        String before = ConveneSuite.text("select title || '|' || coalesce(agenda, '') || '|' || coalesce(reminder_minutes, -1)"
                + " from meetings where id = '" + g.id() + "'");
        String retention = ConveneSuite.text("select row(chat_days, notification_days, meeting_log_days, recording_days)::text"
                + " from retention_policy where id = 1");
        List<String> failures = new ArrayList<>();
        for (Bad b : bad) {
            Reply r = api().send(b.method(), b.path(), b.token(), b.body(), Map.of());
            List<String> named = new ArrayList<>();
            r.json().path("errors").forEach(e -> named.add(e.get("field").asText()));
            if (r.status() != 400 || !r.contentType().startsWith("application/problem+json") || !named.equals(List.of(b.field()))) {
                failures.add(b + " -> " + r);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(count("select count(*) from meetings")).isEqualTo(meetings);
        assertThat(EdgeBoundariesIT.writtenFor(g.id())).as("nothing added to the meeting").isEqualTo(written);
        assertThat(ConveneSuite.text("select title || '|' || coalesce(agenda, '') || '|' || coalesce(reminder_minutes, -1)"
                + " from meetings where id = '" + g.id() + "'")).isEqualTo(before);
        assertThat(ConveneSuite.text("select row(chat_days, notification_days, meeting_log_days, recording_days)::text"
                + " from retention_policy where id = 1")).isEqualTo(retention);
    }

    @Test
    void tabsAndLineBreaksStillPass() {
        Reply r = api().post("/api/meetings/schedule", host,
                with(draft("Tabs\tand\nlines"), "agenda", "1.\tStatus\r\n2.\tNext", "reminderMinutes", 30));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.text("title")).isEqualTo("Tabs\tand\nlines");
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
