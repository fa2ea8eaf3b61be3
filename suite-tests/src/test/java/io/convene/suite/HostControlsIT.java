package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.count;
import static io.convene.suite.ConveneSuite.tokenOf;
import static io.convene.suite.Meetings.ADMIN;
import static io.convene.suite.Meetings.COMPLIANCE;
import static io.convene.suite.Meetings.HOST;
import static io.convene.suite.Meetings.PARTICIPANT;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static io.convene.suite.Meetings.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The waiting room and host controls over REST: who may, what changes, what is audited and announced. */
class HostControlsIT extends SignedInPeople {


    @Test
    void theWaitingRoomCoHostsLockRemoveAndEnd() {
        Reply m = schedule(host, with(draft("Board meeting"), "waitingRoom", true));
        String id = m.text("id");
        String code = m.text("code");
        api().post("/api/meetings/" + id + "/join", host, Map.of());
        String pabloP = api().post("/api/meetings/" + id + "/join", pablo, Map.of()).text("participationId");
        String coraP = api().post("/api/meetings/" + code + "/join", cora, Map.of()).text("participationId");

        Reply selfAdmit = control(id, pablo, "ADMIT", pabloP);
        assertThat(selfAdmit.status()).isEqualTo(403);
        assertThat(state(id, pabloP)).isEqualTo("WAITING");
        assertThat(types(events(id, pablo))).doesNotContain("participant.waiting");
        assertThat(types(events(id, host))).containsSubsequence("participant.waiting", "participant.waiting");

        assertThat(control(id, host, "ADMIT", pabloP).status()).isEqualTo(200);
        assertThat(state(id, pabloP)).isEqualTo("JOINED");
        assertThat(control(id, host, "DENY", coraP).status()).isEqualTo(200);
        assertThat(state(id, coraP)).isEqualTo("DENIED");
        assertThat(types(events(id, cora))).contains("participant.denied");
        assertThat(types(events(id, pablo))).contains("participant.admitted").doesNotContain("participant.denied");

        assertThat(control(id, host, "MAKE_CO_HOST", pabloP).status()).isEqualTo(200);
        assertThat(api().post("/api/meetings/" + code + "/join", cora, Map.of()).text("state")).isEqualTo("WAITING");
        assertThat(control(id, pablo, "ADMIT", coraP).status()).as("a co-host admits").isEqualTo(200);
        assertThat(control(id, pablo, "END", null).status()).as("only the host ends").isEqualTo(403);

        assertThat(control(id, host, "LOCK", null).status()).isEqualTo(200);
        Reply locked = api().post("/api/meetings/" + code + "/join", tokenOf(ADMIN), Map.of());
        assertThat(locked.status()).isEqualTo(403);
        assertThat(locked.text("detail")).isEqualTo("This meeting is locked");
        assertThat(control(id, host, "UNLOCK", null).status()).isEqualTo(200);

        assertThat(control(id, pablo, "REMOVE", coraP).status()).isEqualTo(200);
        Reply rejoin = api().post("/api/meetings/" + code + "/join", cora, Map.of());
        assertThat(rejoin.status()).isEqualTo(403);
        assertThat(rejoin.text("detail")).isEqualTo("You were removed from this meeting");

        List<Long> seqs = new ArrayList<>();
        events(id, host).forEach(e -> seqs.add(e.get("seq").asLong()));
        assertThat(seqs).as("gap-free, in order").isEqualTo(java.util.stream.LongStream.rangeClosed(1, seqs.size())
                .boxed().toList());

        assertThat(control(id, host, "END", null).status()).isEqualTo(200);
        JsonNode ended = api().get("/api/meetings/" + id + "/details", host).json();
        assertThat(ended.get("status").asText()).isEqualTo("ENDED");
        ended.get("participants").forEach(p -> assertThat(p.get("state").asText()).isNotIn("JOINED", "WAITING"));
        assertThat(api().post("/api/meetings/" + id + "/join", pablo, Map.of()).status()).isEqualTo(409);
        assertThat(types(events(id, pablo))).endsWith("meeting.ended");

        assertThat(count("select count(*) from audit_entries where meeting_id = '" + id + "'"))
                .as("ADMIT, DENY, MAKE_CO_HOST, ADMIT, LOCK, UNLOCK, REMOVE, END; refusals leave no trace").isEqualTo(8);
        assertThat(count("select count(*) from audit_entries a join users u on u.id = a.actor_user_id where a.meeting_id = '"
                + id + "' and a.action = 'REMOVE' and u.email = '" + PARTICIPANT + "' and a.target_participation_id = '"
                + coraP + "'")).isEqualTo(1);
        assertThat(NotificationsIT.awaitKinds(pablo, id, 1)).as("told in the app").contains("ADMITTED");
        assertThat(NotificationsIT.awaitKinds(cora, id, 2)).contains("ADMITTED", "REMOVED");
    }

    @Test
    void badControlsAreRefusedAndChangeNothing() {
        Reply m = schedule(host, with(draft("Controls input"), "waitingRoom", true));
        String id = m.text("id");
        api().post("/api/meetings/" + id + "/join", host, Map.of());
        String pabloP = api().post("/api/meetings/" + id + "/join", pablo, Map.of()).text("participationId");
        long events = count("select count(*) from meeting_events where meeting_id = '" + id + "'");

        assertThat(api().post("/api/meetings/" + id + "/control", host, Map.of()).status()).isEqualTo(400);
        assertThat(api().post("/api/meetings/" + id + "/control", host, Map.of("action", "EXPLODE")).status()).isEqualTo(400);
        Reply noTarget = api().post("/api/meetings/" + id + "/control", host, Map.of("action", "ADMIT"));
        assertThat(noTarget.status()).isEqualTo(400);
        assertThat(noTarget.json().get("errors").get(0).get("field").asText()).isEqualTo("participationId");
        assertThat(control(id, host, "ADMIT", "00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
        assertThat(control(id, cora, "ADMIT", pabloP).status()).as("not in the meeting").isEqualTo(404);
        assertThat(control(id, host, "MAKE_CO_HOST", m.json().get("participants").get(0).get("participationId").asText())
                .status()).as("the host is already host").isEqualTo(409);

        assertThat(state(id, pabloP)).isEqualTo("WAITING");
        assertThat(count("select count(*) from meeting_events where meeting_id = '" + id + "'")).isEqualTo(events);
        assertThat(count("select count(*) from audit_entries where meeting_id = '" + id + "'")).isZero();
    }

    @Test
    void anAdministratorOutsideTheMeetingMayControlItButNotChangeWhoHostsIt() {
        String admin = tokenOf(ADMIN);
        Reply m = schedule(host, draft("Runaway meeting"));
        String id = m.text("id");
        api().post("/api/meetings/" + id + "/join", host, Map.of());
        String pabloP = api().post("/api/meetings/" + id + "/join", pablo, Map.of()).text("participationId");

        assertThat(control(id, admin, "MAKE_CO_HOST", pabloP).status()).as("roles stay with the host").isEqualTo(404);
        assertThat(control(id, cora, "LOCK", null).status()).as("a compliance officer is no administrator").isEqualTo(404);
        Reply locked = control(id, admin, "LOCK", null);
        assertThat(locked.status()).isEqualTo(200);
        assertThat(locked.json().get("locked").asBoolean()).isTrue();
        assertThat(control(id, admin, "REMOVE", pabloP).status()).isEqualTo(200);
        assertThat(state(id, pabloP)).isEqualTo("REMOVED");
        assertThat(types(events(id, host))).contains("meeting.locked", "participant.removed");
        assertThat(control(id, admin, "END", null).status()).isEqualTo(200);
        assertThat(api().get("/api/meetings/" + id + "/details", host).text("status")).isEqualTo("ENDED");
        assertThat(count("select count(*) from audit_entries a join users u on u.id = a.actor_user_id where a.meeting_id = '"
                + id + "' and u.email = '" + ADMIN + "'")).isEqualTo(3);
    }

    static Reply control(String id, String token, String action, String participationId) {
        return controlAt(api(), id, token, action, participationId);
    }

    /** The same, asked of one node of a cluster. */
    static Reply controlAt(Api node, String id, String token, String action, String participationId) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("action", action);
        if (participationId != null) {
            body.put("participationId", participationId);
        }
        return node.post("/api/meetings/" + id + "/control", token, body);
    }

    static JsonNode events(String id, String token) {
        Reply r = api().get("/api/meetings/" + id + "/events?after=0", token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    static List<String> types(JsonNode events) {
        List<String> types = new ArrayList<>();
        events.forEach(e -> types.add(e.get("type").asText()));
        return types;
    }

    static String state(String meetingId, String participationId) {
        for (JsonNode p : api().get("/api/meetings/" + meetingId + "/details", host).json().get("participants")) {
            if (p.get("participationId").asText().equals(participationId)) {
                return p.get("state").asText();
            }
        }
        throw new AssertionError("no participation " + participationId);
    }
}
