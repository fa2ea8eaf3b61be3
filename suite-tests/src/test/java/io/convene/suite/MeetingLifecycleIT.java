package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.tokenOf;
import static io.convene.suite.Meetings.COMPLIANCE;
import static io.convene.suite.Meetings.HOST;
import static io.convene.suite.Meetings.PARTICIPANT;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static io.convene.suite.Meetings.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Schedule, list, look at, edit, join, leave and cancel, as the people involved would. */
class MeetingLifecycleIT extends SignedInPeople {


    @Test
    void scheduleListAndLookAtAMeeting() throws Exception {
        Map<String, Object> draft = with(draft("Quarterly planning"), "passcode", "2468");
        Reply created = schedule(host, draft);

        JsonNode m = created.json();
        String id = m.get("id").asText();
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/api/meetings/" + id + "/details"));
        assertThat(m.get("code").asText()).matches("[1-9][0-9]{9}");
        assertThat(m.get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(Instant.parse(m.get("start").asText())).isEqualTo(
                LocalDateTime.parse((String) draft.get("start")).atZone(ZoneId.of("Europe/Berlin")).toInstant());
        assertThat(m.get("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(m.get("passcodeProtected").asBoolean()).isTrue();
        assertThat(m.get("joinUrl").asText()).contains("/join/" + m.get("code").asText() + "?t=");
        assertThat(m.get("joinUrl").asText().replaceAll(".*\\?t=", "")).hasSizeGreaterThanOrEqualTo(22);
        assertThat(states(m)).containsEntry(HOST, "INVITED").containsEntry(PARTICIPANT, "INVITED");

        try (Connection c = ConveneSuite.database();
             PreparedStatement s = c.prepareStatement("select passcode_hash, join_token from meetings where id = ?")) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).startsWith("pbkdf2-sha512$").doesNotContain("2468");
            }
        }

        assertThat(upcomingIds(pablo)).contains(id);
        assertThat(upcomingIds(host)).contains(id);
        assertThat(upcomingIds(cora)).doesNotContain(id);
        assertThat(api().get("/api/meetings/" + id + "/details", pablo).status()).isEqualTo(200);
        assertThat(api().get("/api/meetings/" + m.get("code").asText() + "/details", pablo).text("id")).isEqualTo(id);
        assertThat(api().get("/api/meetings/" + id + "/details", cora).status()).isEqualTo(404);
    }

    @Test
    void upcomingIsPagedSoonestFirst() {
        String a = schedule(host, draft("Paging A")).text("id");
        String b = schedule(host, draft("Paging B")).text("id");

        long total = api().get("/api/meetings/upcoming?size=1", host).json().get("total").asLong();
        java.util.List<String> order = upcomingIds(host);
        assertThat(order.indexOf(a)).isLessThan(order.indexOf(b));

        Reply page = api().get("/api/meetings/upcoming?page=1&size=1", host);
        assertThat(page.json().get("items")).hasSize(1);
        assertThat(page.json().get("total").asLong()).isEqualTo(total);
        assertThat(page.json().get("items").get(0).get("id").asText()).isEqualTo(order.get(1));
    }

    @Test
    void theHostEditsOthersMayNot() {
        Reply created = schedule(host, draft("Design review"));
        String id = created.text("id");
        java.time.LocalDateTime[] later = Meetings.freshSlot();

        Reply edited = api().put("/api/meetings/" + id + "/edit", host, Map.of(
                "title", "Design review (moved)", "start", later[0].toString(), "end", later[1].toString(),
                "invitees", java.util.List.of(COMPLIANCE), "waitingRoom", true));

        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.text("title")).isEqualTo("Design review (moved)");
        assertThat(Instant.parse(edited.text("start")))
                .isEqualTo(later[0].atZone(ZoneId.of("Europe/Berlin")).toInstant());
        assertThat(edited.json().get("waitingRoom").asBoolean()).isTrue();
        assertThat(states(edited.json())).containsKeys(HOST, PARTICIPANT, COMPLIANCE);
        assertThat(api().get("/api/meetings/" + id + "/details", cora).status()).isEqualTo(200);

        Reply byInvitee = api().put("/api/meetings/" + id + "/edit", pablo, Map.of("title", "Mine now"));
        assertThat(byInvitee.status()).isEqualTo(403);
        assertThat(byInvitee.contentType()).startsWith("application/problem+json");
        assertThat(api().get("/api/meetings/" + id + "/details", host).text("title")).isEqualTo("Design review (moved)");

        Reply byAdmin = api().put("/api/meetings/" + id + "/edit", tokenOf(Meetings.ADMIN), Map.of("agenda", "By IT"));
        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(byAdmin.text("agenda")).isEqualTo("By IT");
    }

    @Test
    void participantsWithThePasscodeWaitForTheHostThenLeave() {
        Reply created = schedule(host, with(draft("Stand-up"), "passcode", "2468"));
        String id = created.text("id");

        Reply noPasscode = api().post("/api/meetings/" + id + "/join", pablo, Map.of());
        assertThat(noPasscode.status()).isEqualTo(403);
        assertThat(noPasscode.text("detail")).isEqualTo("This meeting needs a passcode");
        assertThat(api().post("/api/meetings/" + id + "/join", pablo, Map.of("passcode", "1357")).text("detail"))
                .isEqualTo("Wrong passcode");

        Reply waiting = api().post("/api/meetings/" + id + "/join", pablo, Map.of("passcode", "2468"));
        assertThat(waiting.status()).isEqualTo(200);
        assertThat(waiting.text("state")).isEqualTo("WAITING");
        assertThat(waiting.text("role")).isEqualTo("PARTICIPANT");

        Reply hostIn = api().post("/api/meetings/" + id + "/join", host, Map.of());
        assertThat(hostIn.text("state")).isEqualTo("JOINED");
        assertThat(hostIn.text("role")).isEqualTo("HOST");

        JsonNode live = api().get("/api/meetings/" + id + "/details", pablo).json();
        assertThat(live.get("status").asText()).isEqualTo("LIVE");
        assertThat(states(live)).containsEntry(PARTICIPANT, "JOINED").containsEntry(HOST, "JOINED");

        assertThat(api().post("/api/meetings/" + id + "/leave", pablo, null).status()).isEqualTo(204);
        assertThat(states(api().get("/api/meetings/" + id + "/details", host).json()))
                .containsEntry(PARTICIPANT, "LEFT");
        assertThat(api().post("/api/meetings/" + id + "/leave", cora, null).status()).isEqualTo(404);
    }

    @Test
    void theWaitingRoomHoldsEveryoneButTheHostAndTheCodeLetsStrangersKnock() {
        Reply created = schedule(host, with(draft("All hands"), "waitingRoom", true,
                "settings", Map.of("joinBeforeHost", true)));
        String id = created.text("id");
        String code = created.text("code");
        api().post("/api/meetings/" + id + "/join", host, Map.of());

        assertThat(api().post("/api/meetings/" + id + "/join", pablo, Map.of()).text("state")).isEqualTo("WAITING");
        assertThat(api().post("/api/meetings/" + id + "/join", cora, Map.of()).status())
                .as("not invited, no code, no link").isEqualTo(404);
        Reply byCode = api().post("/api/meetings/" + code + "/join", cora, Map.of());
        assertThat(byCode.status()).isEqualTo(200);
        assertThat(byCode.text("state")).isEqualTo("WAITING");
        assertThat(byCode.text("meetingId")).isEqualTo(id);
    }

    @Test
    void cancelledMeetingsLeaveTheListAndCannotBeJoined() {
        Reply created = schedule(host, draft("Retro"));
        String id = created.text("id");

        assertThat(api().delete("/api/meetings/" + id, pablo).status()).isEqualTo(403);
        assertThat(api().delete("/api/meetings/" + id, cora).status()).isEqualTo(404);
        assertThat(api().delete("/api/meetings/" + id, host).status()).isEqualTo(204);

        assertThat(api().get("/api/meetings/" + id + "/details", host).text("status")).isEqualTo("CANCELLED");
        assertThat(upcomingIds(pablo)).doesNotContain(id);
        Reply join = api().post("/api/meetings/" + id + "/join", pablo, Map.of());
        assertThat(join.status()).isEqualTo(409);
        assertThat(join.text("detail")).isEqualTo("This meeting was cancelled");
        assertThat(api().delete("/api/meetings/" + id, host).status()).as("cancelling twice is harmless").isEqualTo(204);

        // its slot is free again
        Map<String, Object> again = with(draft("Retro, second try"), "start", created.text("start"),
                "end", created.text("end"));
        assertThat(api().post("/api/meetings/schedule", host, again).status()).isEqualTo(201);
    }

    /** Every upcoming meeting of the caller, page after page, soonest first (the suite's hosts hold many). */
    static java.util.List<String> upcomingIds(String token) {
        java.util.List<String> all = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            Reply r = api().get("/api/meetings/upcoming?size=100&page=" + page, token);
            all.addAll(ids(r));
            if (all.size() >= r.json().get("total").asLong() || r.json().get("items").isEmpty()) {
                return all;
            }
        }
    }

    static java.util.List<String> ids(Reply page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return StreamSupport.stream(page.json().get("items").spliterator(), false)
                .map(i -> i.get("id").asText()).toList();
    }

    static Map<String, String> states(JsonNode meeting) {
        Map<String, String> states = new java.util.HashMap<>();
        meeting.get("participants").forEach(p -> states.put(p.path("email").asText(p.path("name").asText()),
                p.get("state").asText()));
        return states;
    }
}
