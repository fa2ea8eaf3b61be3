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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Breakout rooms: create, assign automatically, move, broadcast, and close by the timer. */
class BreakoutIT {

    @Test
    void roomsFillMoveHearBroadcastsAndCloseByTheirTimer() {
        String host = tokenOf(HOST);
        String pablo = tokenOf(PARTICIPANT);
        String cora = tokenOf(COMPLIANCE);
        Reply m = schedule(host, with(draft("Workshop"), "allowGuests", true, "settings", Map.of("joinBeforeHost", true)));
        String id = m.text("id");
        api().post("/api/meetings/" + id + "/join", host, Map.of());
        String pabloP = api().post("/api/meetings/" + id + "/join", pablo, Map.of()).text("participationId");
        api().post("/api/meetings/" + m.text("code") + "/join", cora, Map.of());
        api().post("/api/meetings/" + id + "/join", null, Map.of("joinToken", GuestJoinIT.joinToken(m), "displayName", "Gwen"));

        assertThat(api().post("/api/meetings/" + id + "/breakouts", pablo, Map.of("count", 2)).status()).isEqualTo(403);
        Reply created = api().post("/api/meetings/" + id + "/breakouts", host, Map.of("count", 2));
        assertThat(created.status()).isEqualTo(201);
        String room1 = created.json().get("rooms").get(0).get("id").asText();
        String room2 = created.json().get("rooms").get(1).get("id").asText();

        JsonNode auto = api().post("/api/meetings/" + id + "/breakouts/assign", host, Map.of("mode", "AUTO")).json();
        assertThat(sizes(auto)).containsExactly(2, 1);
        assertThat(auto.toString()).doesNotContain("Hana Host");

        try (ChannelClient coraSocket = ChannelClient.withBearer(id, cora)) {
            coraSocket.next();
            assertThat(api().post("/api/meetings/" + id + "/breakouts/open", host, Map.of("seconds", 10)).json()
                    .get("closesAt").asText()).isNotBlank();
            JsonNode moved = api().post("/api/meetings/" + id + "/breakouts/move", host,
                    Map.of("participationId", pabloP, "roomId", room2)).json();
            assertThat(members(moved, 1)).contains("Pablo Participant");
            assertThat(api().post("/api/meetings/" + id + "/breakouts/broadcast", host, Map.of("text", "5 minutes left"))
                    .status()).isEqualTo(204);

            assertThat(coraSocket.awaitEvent("breakout.opened")).isNotNull();
            assertThat(coraSocket.awaitEvent("breakout.broadcast").get("data").get("text").asText()).isEqualTo("5 minutes left");
            JsonNode closed = coraSocket.awaitEventWithin("breakout.closed", 30);
            assertThat(closed.get("data").get("timer").asBoolean()).isTrue();
        }
        JsonNode after = api().get("/api/meetings/" + id + "/breakouts", pablo).json();
        assertThat(after.get("open").asBoolean()).isFalse();
        assertThat(sizes(after)).containsExactly(0, 0);

        assertThat(api().post("/api/meetings/" + id + "/breakouts/assign", host, Map.of("mode", "MANUAL",
                "rooms", Map.of(pabloP, "00000000-0000-0000-0000-000000000000"))).status()).isEqualTo(404);
        assertThat(api().post("/api/meetings/" + id + "/breakouts/assign", host, Map.of("mode", "MANUAL",
                "rooms", Map.of(pabloP, room1))).status()).isEqualTo(200);
        assertThat(api().post("/api/meetings/" + id + "/breakouts/close", host, null).status())
                .as("not open").isEqualTo(409);
    }

    @Test
    void chatInABreakoutRoomStaysInThatRoom() {
        String host = tokenOf(HOST);
        String pablo = tokenOf(PARTICIPANT);
        String cora = tokenOf(COMPLIANCE);
        Meetings.Gathering g = Meetings.gather(host, pablo, cora, draft("Room chat"));
        String id = g.id();
        JsonNode rooms = api().post("/api/meetings/" + id + "/breakouts", host, Map.of("count", 2)).json();
        String room1 = rooms.get("rooms").get(0).get("id").asText();
        String room2 = rooms.get("rooms").get(1).get("id").asText();
        api().post("/api/meetings/" + id + "/breakouts/assign", host, Map.of("mode", "MANUAL",
                "rooms", Map.of(g.pabloP(), room1, g.coraP(), room2)));
        api().post("/api/meetings/" + id + "/breakouts/open", host, Map.of());

        assertThat(say(pablo, id, "room one only").status()).isEqualTo(201);
        assertThat(say(host, id, "to everyone").status()).isEqualTo(201);

        assertThat(texts(pablo, id)).containsExactly("room one only", "to everyone");
        assertThat(texts(cora, id)).containsExactly("to everyone");
        assertThat(texts(host, id)).as("hosts see every room").containsExactly("room one only", "to everyone");
        assertThat(HostControlsIT.events(id, cora).toString()).doesNotContain("room one only");
        assertThat(HostControlsIT.events(id, pablo).toString()).contains("room one only");

        // each room draws on its own whiteboard
        assertThat(api().post("/api/meetings/" + id + "/whiteboard/create", pablo, null).status()).isEqualTo(201);
        assertThat(api().put("/api/meetings/" + id + "/whiteboard/update", pablo, Map.of("ops", List.of(Map.of(
                "opId", "p1", "op", "PUT", "objectId", "idea", "shape", Map.of("type", "RECT", "x", 1, "y", 1,
                        "w", 5, "h", 5))))).status()).isEqualTo(200);
        assertThat(api().get("/api/meetings/" + id + "/whiteboard", cora).status()).as("room 2 has none yet").isEqualTo(404);
        api().post("/api/meetings/" + id + "/whiteboard/create", cora, null);
        assertThat(api().get("/api/meetings/" + id + "/whiteboard", cora).json().get("objects")).isEmpty();
        assertThat(api().get("/api/meetings/" + id + "/whiteboard", pablo).json().get("objects")).hasSize(1);

        api().post("/api/meetings/" + id + "/breakouts/close", host, null);
        assertThat(texts(cora, id)).as("a room's chat stays the room's").containsExactly("to everyone");
        assertThat(api().get("/api/meetings/" + id + "/whiteboard", pablo).status())
                .as("back in the main room, which has no board").isEqualTo(404);
    }

    private static Reply say(String token, String id, String text) {
        return api().post("/api/meetings/" + id + "/chat/send", token, Map.of("clientMessageId",
                java.util.UUID.randomUUID().toString(), "text", text));
    }

    private static List<String> texts(String token, String id) {
        List<String> texts = new ArrayList<>();
        api().get("/api/meetings/" + id + "/chat/messages", token).json().get("items")
                .forEach(m -> texts.add(m.get("text").asText()));
        return texts;
    }

    private static List<Integer> sizes(JsonNode view) {
        List<Integer> sizes = new ArrayList<>();
        view.get("rooms").forEach(r -> sizes.add(r.get("members").size()));
        return sizes;
    }

    private static List<String> members(JsonNode view, int room) {
        List<String> names = new ArrayList<>();
        view.get("rooms").get(room).get("members").forEach(p -> names.add(p.get("name").asText()));
        return names;
    }
}
