package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.tokenOf;
import static io.convene.suite.HostControlsIT.control;
import static io.convene.suite.Meetings.COMPLIANCE;
import static io.convene.suite.Meetings.HOST;
import static io.convene.suite.Meetings.PARTICIPANT;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static io.convene.suite.Meetings.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Microphones, cameras and screen shares: the participant's own switches and the host's say. */
class MediaStateIT extends SignedInPeople {


    @Test
    void participantsSwitchTheirDevicesAndTheHostMayForbidUnmuting() {
        Reply m = schedule(host, with(draft("Media"), "settings", Map.of("joinBeforeHost", true, "videoOnEntry", false)));
        String id = m.text("id");
        api().post("/api/meetings/" + id + "/join", host, Map.of());
        Reply joined = api().post("/api/meetings/" + id + "/join", pablo, Map.of());
        String pabloP = joined.text("participationId");
        assertThat(joined.json().get("audioOnEntry").asBoolean()).isTrue();

        JsonNode me = participant(id, pabloP);
        assertThat(me.get("audioOn").asBoolean()).as("audio on entry").isTrue();
        assertThat(me.get("videoOn").asBoolean()).as("video off on entry").isFalse();

        assertThat(api().post("/api/meetings/" + id + "/audio/toggle", pablo, Map.of()).json().get("audio").asBoolean())
                .as("{} flips").isFalse();
        assertThat(api().post("/api/meetings/" + id + "/video/toggle", pablo, Map.of("on", true)).json().get("video")
                .asBoolean()).isTrue();
        assertThat(api().post("/api/meetings/" + id + "/audio/toggle", pablo, Map.of("on", true)).status()).isEqualTo(200);

        assertThat(control(id, host, "FORBID_UNMUTE", null).status()).isEqualTo(200);
        assertThat(control(id, host, "MUTE_ALL", null).status()).isEqualTo(200);
        assertThat(participant(id, pabloP).get("audioOn").asBoolean()).isFalse();
        Reply unmute = api().post("/api/meetings/" + id + "/audio/toggle", pablo, Map.of("on", true));
        assertThat(unmute.status()).isEqualTo(403);
        assertThat(unmute.text("detail")).isEqualTo("The host does not allow participants to unmute");
        assertThat(api().post("/api/meetings/" + id + "/audio/toggle", host, Map.of("on", true)).status())
                .as("the host may").isEqualTo(200);
        assertThat(control(id, host, "ALLOW_UNMUTE", null).status()).isEqualTo(200);
        assertThat(api().post("/api/meetings/" + id + "/audio/toggle", pablo, Map.of("on", true)).status()).isEqualTo(200);

        assertThat(control(id, host, "STOP_VIDEO", pabloP).status()).isEqualTo(200);
        assertThat(participant(id, pabloP).get("videoOn").asBoolean()).isFalse();

        JsonNode events = HostControlsIT.events(id, host);
        assertThat(HostControlsIT.types(events)).contains("participant.media", "meeting.unmute");
    }

    @Test
    void oneScreenShareAtATimeUnlessTheMeetingAllowsSeveral() {
        Reply m = schedule(host, with(draft("Screens"), "settings", Map.of("joinBeforeHost", true)));
        String id = m.text("id");
        String code = m.text("code");
        api().post("/api/meetings/" + id + "/join", host, Map.of());
        String pabloP = api().post("/api/meetings/" + id + "/join", pablo, Map.of()).text("participationId");
        api().post("/api/meetings/" + code + "/join", cora, Map.of());

        assertThat(api().post("/api/meetings/" + id + "/screen-share/start", pablo, null).status()).isEqualTo(200);
        Reply second = api().post("/api/meetings/" + id + "/screen-share/start", cora, null);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.text("detail")).contains("is sharing their screen");

        assertThat(control(id, host, "STOP_SCREEN_SHARE", pabloP).status()).isEqualTo(200);
        assertThat(api().post("/api/meetings/" + id + "/screen-share/start", cora, null).status()).isEqualTo(200);

        assertThat(api().put("/api/meetings/" + id + "/edit", host, Map.of("settings", Map.of("severalScreenShares", true)))
                .status()).isEqualTo(200);
        assertThat(api().post("/api/meetings/" + id + "/screen-share/start", pablo, null).status()).isEqualTo(200);
        assertThat(api().post("/api/meetings/" + id + "/screen-share/stop", pablo, null).json().get("screen").asBoolean())
                .isFalse();
    }

    @Test
    void guestsUseTheirTicketAndOutsidersCannotSwitchAnything() {
        Reply m = schedule(host, with(draft("Guest media"), "allowGuests", true, "settings", Map.of("joinBeforeHost", true)));
        String id = m.text("id");
        Reply guest = api().post("/api/meetings/" + id + "/join", null, Map.of("joinToken",
                GuestJoinIT.joinToken(m), "displayName", "Gus"));
        Reply toggled = api().send("POST", "/api/meetings/" + id + "/video/toggle", null, Map.of("on", false),
                Map.of("X-Convene-Guest-Ticket", guest.text("guestTicket")));
        assertThat(toggled.status()).as(toggled.toString()).isEqualTo(200);
        assertThat(toggled.json().get("video").asBoolean()).isFalse();

        assertThat(api().post("/api/meetings/" + id + "/audio/toggle", null, Map.of()).status()).isEqualTo(401);
        assertThat(api().post("/api/meetings/" + id + "/audio/toggle", cora, Map.of()).status()).isEqualTo(404);
        assertThat(api().post("/api/meetings/" + id + "/audio/toggle", pablo, Map.of()).status())
                .as("invited, not joined").isEqualTo(409);
    }

    static JsonNode participant(String meetingId, String participationId) {
        for (JsonNode p : api().get("/api/meetings/" + meetingId + "/details", host).json().get("participants")) {
            if (p.get("participationId").asText().equals(participationId)) {
                return p;
            }
        }
        throw new AssertionError("no participation " + participationId);
    }
}
