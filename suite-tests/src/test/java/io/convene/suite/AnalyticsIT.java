package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.Meetings.draft;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A scripted meeting — host, two colleagues and a guest coming, leaving, coming back, chatting — and
 * its report: every person's attendance equals, to the second, the visits the meeting's own event
 * log shows (each participant.left carries the visit's joinedAt and leftAt).
 */
class AnalyticsIT extends SignedInPeople {

    @Test
    void attendanceAndEngagementAreWhatHappenedToTheSecond() throws InterruptedException {
        Reply scheduled = Meetings.schedule(host, Meetings.with(draft("Analysed"), "allowGuests", true,
                "settings", Map.of("joinBeforeHost", true)));
        String id = scheduled.text("id");
        String base = "/api/meetings/" + id;
        api().post(base + "/join", host, Map.of());
        api().post(base + "/join", pablo, Map.of());
        Reply guest = api().post(base + "/join", null, Map.of("joinToken", GuestJoinIT.joinToken(scheduled),
                "displayName", "Greta Guest"));
        assertThat(guest.status()).as(guest.toString()).isEqualTo(200);
        String ticket = guest.text("guestTicket");
        Thread.sleep(1_200);
        assertThat(api().post("/api/meetings/" + scheduled.text("code") + "/join", cora, Map.of()).status())
                .as("an uninvited colleague joins by the code").isEqualTo(200);
        api().post(base + "/chat/send", pablo, Map.of("clientMessageId", "an-1", "text", "hello"));
        api().post(base + "/chat/send", pablo, Map.of("clientMessageId", "an-2", "text", "again"));
        api().post(base + "/hand/raise", cora, null);
        api().post(base + "/reactions", host, Map.of("emoji", "👏"));
        Thread.sleep(1_100);
        api().post(base + "/leave", pablo, null);          // pablo leaves ...
        Thread.sleep(1_300);
        assertThat(api().post(base + "/join", pablo, Map.of()).status()).isEqualTo(200); // ... and comes back
        api().send("POST", base + "/leave", null, null, Map.of("X-Convene-Guest-Ticket", ticket));
        Thread.sleep(2_100);
        for (String token : List.of(pablo, cora, host)) {
            assertThat(api().post(base + "/leave", token, null).status()).isEqualTo(204);
        }

        Map<String, Long> expected = new HashMap<>();
        Map<String, Integer> visits = new HashMap<>();
        Instant firstIn = null;
        Instant lastOut = null;
        for (JsonNode e : HostControlsIT.events(id, host)) {
            if (e.get("type").asText().equals("participant.left")) {
                JsonNode d = e.get("data");
                Instant in = Instant.parse(d.get("joinedAt").asText());
                Instant out = Instant.parse(d.get("leftAt").asText());
                expected.merge(d.get("name").asText(), Duration.between(in, out).toSeconds(), Long::sum);
                visits.merge(d.get("name").asText(), 1, Integer::sum);
                firstIn = firstIn == null || in.isBefore(firstIn) ? in : firstIn;
                lastOut = lastOut == null || out.isAfter(lastOut) ? out : lastOut;
            }
        }
        assertThat(expected).hasSize(4);

        Reply report = api().get("/api/analytics/meetings/" + id, host);
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        JsonNode r = report.json();
        Map<String, Long> reported = new HashMap<>();
        Map<String, JsonNode> byName = new HashMap<>();
        r.get("attendance").forEach(a -> {
            reported.put(a.get("name").asText(), a.get("attendedSeconds").asLong());
            byName.put(a.get("name").asText(), a);
        });
        assertThat(reported).isEqualTo(expected);
        assertThat(reported.values()).allMatch(seconds -> seconds >= 2);
        JsonNode pabloRow = byName.values().stream().filter(a -> a.get("email").asText().equals(Meetings.PARTICIPANT))
                .findFirst().orElseThrow();
        assertThat(pabloRow.get("joins").asInt()).isEqualTo(2);
        assertThat(pabloRow.get("rejoins").asInt()).isEqualTo(1);
        assertThat(visits.get(pabloRow.get("name").asText())).isEqualTo(2);
        assertThat(pabloRow.get("engagement").get("chatMessages").asInt()).isEqualTo(2);
        assertThat(byName.get("Greta Guest").get("guest").asBoolean()).isTrue();
        assertThat(r.get("totals").get("chatMessages").asInt()).isEqualTo(2);
        assertThat(r.get("totals").get("handsRaised").asInt()).isEqualTo(1);
        assertThat(r.get("totals").get("reactions").asInt()).isEqualTo(1);
        assertThat(Instant.parse(r.get("actualStart").asText())).isEqualTo(firstIn);
        assertThat(Instant.parse(r.get("actualEnd").asText())).isEqualTo(lastOut);
        assertThat(r.get("durationSeconds").asLong()).isEqualTo(Duration.between(firstIn, lastOut).toSeconds());
        assertThat(r.get("peakParticipants").asInt()).isEqualTo(4);
        JsonNode points = r.get("participantsOverTime");
        assertThat(points.get(points.size() - 1).get("count").asInt()).isZero();

        assertThat(api().get("/api/analytics/meetings/" + id, pablo).status()).as("participants do not").isEqualTo(403);
        assertThat(api().get("/api/analytics/meetings/" + id, ConveneSuite.tokenOf(Meetings.ADMIN)).status()).isEqualTo(200);
        assertThat(api().get("/api/analytics/meetings/" + java.util.UUID.randomUUID(), host).status()).isEqualTo(404);

        Reply usage = api().get("/api/analytics/usage?period=DAY", pablo);
        assertThat(usage.status()).as(usage.toString()).isEqualTo(200);
        assertThat(usage.json().get("totals").get("meetingsAttended").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(api().get("/api/analytics/usage?period=FORTNIGHT", pablo).status()).isEqualTo(400);
        String hanaId = api().get("/api/users/profile", host).text("id");
        assertThat(api().get("/api/analytics/usage?userId=" + hanaId, pablo).status()).isEqualTo(403);
        Reply hosted = api().get("/api/analytics/usage?userId=" + hanaId, cora);
        assertThat(hosted.status()).as("compliance officers read anyone's").isEqualTo(200);
        assertThat(hosted.json().get("totals").get("meetingsHosted").asInt()).isGreaterThanOrEqualTo(1);
    }
}
