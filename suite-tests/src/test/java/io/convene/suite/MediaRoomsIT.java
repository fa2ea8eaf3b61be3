package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A live meeting has its room on the real Janus (Debian's, started with the suite), opened when the
 * meeting starts and gone when it ends or everyone left; nobody without Convene's key makes rooms there.
 */
class MediaRoomsIT extends SignedInPeople {

    private static final Api JANUS = new Api("");

    @Test
    void aMeetingsRoomOnJanusLivesAsLongAsTheMeeting() {
        String janus = ConveneSuite.get().applicationConfig().get("convene.media.janus-url");
        assertThat(janus).as("Janus runs with the suite (.ci/run installs it)").isNotNull();
        String id = schedule(host, draft("With a room")).text("id");
        assertThat(roomExists(janus, id)).as("no room before it starts").isFalse();

        api().post("/api/meetings/" + id + "/join", host, Map.of());
        assertThat(Eventually.get(() -> roomExists(janus, id), exists -> exists, Duration.ofSeconds(10))).isTrue();

        assertThat(HostControlsIT.control(id, host, "END", null).status()).isEqualTo(200);
        assertThat(Eventually.get(() -> roomExists(janus, id), exists -> !exists, Duration.ofSeconds(10))).isFalse();

        String emptied = schedule(host, draft("Everyone leaves")).text("id");
        api().post("/api/meetings/" + emptied + "/join", host, Map.of());
        assertThat(Eventually.get(() -> roomExists(janus, emptied), exists -> exists, Duration.ofSeconds(10))).isTrue();
        assertThat(api().post("/api/meetings/" + emptied + "/leave", host, null).status()).isEqualTo(204);
        assertThat(Eventually.get(() -> roomExists(janus, emptied), exists -> !exists, Duration.ofSeconds(10)))
                .as("nobody in it: its room goes").isFalse();

        ObjectNode unkeyed = Api.JSON.createObjectNode().put("request", "create").put("room", UUID.randomUUID().toString());
        assertThat(videoRoom(janus, unkeyed).path("error_code").asInt()).as("a room made without Convene's key").isNotZero();
    }

    private static boolean roomExists(String janus, String meetingId) {
        JsonNode answer = videoRoom(janus, Api.JSON.createObjectNode().put("request", "exists").put("room", meetingId));
        assertThat(answer.path("videoroom").asText()).as(answer.toString()).isEqualTo("success");
        return answer.get("exists").asBoolean();
    }

    /** One VideoRoom request in a session of its own, as the Janus HTTP API takes it. */
    static JsonNode videoRoom(String janus, ObjectNode body) {
        long session = call(janus, Map.of("janus", "create")).get("data").get("id").asLong();
        long handle = call(janus + "/" + session, Map.of("janus", "attach", "plugin", "janus.plugin.videoroom"))
                .get("data").get("id").asLong();
        JsonNode data = call(janus + "/" + session + "/" + handle, Map.of("janus", "message", "body", body))
                .get("plugindata").get("data");
        call(janus + "/" + session, Map.of("janus", "destroy"));
        return data;
    }

    private static JsonNode call(String url, Map<String, Object> request) {
        Map<String, Object> withTransaction = new java.util.HashMap<>(request);
        withTransaction.put("transaction", UUID.randomUUID().toString());
        Reply r = JANUS.send("POST", url, null, withTransaction, Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
