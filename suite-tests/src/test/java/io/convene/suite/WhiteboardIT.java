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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whiteboard with concurrent writers: one order, the same board for everyone. */
class WhiteboardIT extends SignedInPeople {

    String id;

    @BeforeEach
    void threeInAMeetingWithABoard() {
        id = Meetings.gather(host, pablo, cora, draft("Whiteboard")).id();
        assertThat(api().post("/api/meetings/" + id + "/whiteboard/create", host, null).status()).isEqualTo(201);
    }

    @Test
    void concurrentWritersConvergeOnOneBoardForEveryone() throws Exception {
        try (ChannelClient watcher = ChannelClient.withBearer(id, pablo)) {
            watcher.next();
            ExecutorService pool = Executors.newFixedThreadPool(3);
            List<Future<?>> writers = new ArrayList<>();
            String[] tokens = {host, pablo, cora};
            for (int w = 0; w < 3; w++) {
                String token = tokens[w];
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int batch = 0; batch < 10; batch++) {
                        List<Map<String, Object>> ops = new ArrayList<>();
                        for (int k = 0; k < 4; k++) {
                            ops.add(put("o-" + writer + "-" + batch + "-" + k, rect(batch * 10 + k, writer * 100)));
                        }
                        ops.add(put("shared", rect(writer, batch)));
                        if (batch > 0) {
                            ops.add(Map.of("opId", UUID.randomUUID().toString(), "op", "DELETE",
                                    "objectId", "o-" + writer + "-" + (batch - 1) + "-0"));
                        }
                        Reply r = api().put("/api/meetings/" + id + "/whiteboard/update", token, Map.of("ops", ops));
                        assertThat(r.status()).as(r.toString()).isEqualTo(200);
                    }
                    return null;
                }));
            }
            for (Future<?> f : writers) {
                f.get();
            }
            pool.shutdown();

            JsonNode board = api().get("/api/meetings/" + id + "/whiteboard", cora).json();
            long lastSeq = board.get("seq").asLong();
            assertThat(lastSeq).isEqualTo(3 * (10 * 5 + 9));

            // what a client draws from the channel, applying operations in seq order
            Map<String, JsonNode> drawn = new LinkedHashMap<>();
            long expectedSeq = 1;
            while (expectedSeq <= lastSeq) {
                JsonNode event = watcher.awaitEvent("whiteboard.ops");
                for (JsonNode op : event.get("data").get("ops")) {
                    assertThat(op.get("seq").asLong()).as("one order, no gaps").isEqualTo(expectedSeq++);
                    switch (op.get("op").asText()) {
                        case "PUT" -> drawn.put(op.get("objectId").asText(), op.get("shape"));
                        case "DELETE" -> drawn.remove(op.get("objectId").asText());
                        default -> throw new AssertionError("unexpected " + op);
                    }
                }
            }
            Map<String, JsonNode> server = new LinkedHashMap<>();
            board.get("objects").forEach(o -> server.put(o.get("id").asText(), o.get("shape")));
            assertThat(drawn).isEqualTo(server);
            assertThat(server).hasSize(3 * (10 * 4 - 9) + 1);
        }
    }

    @Test
    void undoResendsLockClearAndExport() throws Exception {
        String mine = UUID.randomUUID().toString();
        Map<String, Object> op = new HashMap<>(put("box", rect(1, 1)));
        op.put("opId", mine);
        Reply first = api().put("/api/meetings/" + id + "/whiteboard/update", pablo, Map.of("ops", List.of(op)));
        Reply resent = api().put("/api/meetings/" + id + "/whiteboard/update", pablo, Map.of("ops", List.of(op)));
        assertThat(resent.json().get("seq").asLong()).as("applied once").isEqualTo(first.json().get("seq").asLong());

        Reply notMine = api().put("/api/meetings/" + id + "/whiteboard/update", cora, Map.of("ops",
                List.of(Map.of("opId", "u1", "op", "UNDO", "target", mine))));
        assertThat(notMine.status()).as("undo reaches only one's own").isEqualTo(400);
        Reply undone = api().put("/api/meetings/" + id + "/whiteboard/update", pablo, Map.of("ops",
                List.of(Map.of("opId", "u2", "op", "UNDO", "target", mine))));
        assertThat(undone.json().get("objects")).isEmpty();

        api().put("/api/meetings/" + id + "/whiteboard/update", pablo, Map.of("ops", List.of(put("line", Map.of(
                "type", "LINE", "x", 10, "y", 10, "w", 300, "h", 200, "color", "#ff0000")), put("note", Map.of(
                "type", "TEXT", "x", 50, "y", 400, "text", "Q4 <plan>")))));
        HttpResponse<byte[]> svg = export("svg");
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(new String(svg.body())).startsWith("<svg").contains("<line", "stroke=\"#ff0000\"", "Q4 &lt;plan&gt;");
        HttpResponse<byte[]> png = export("png");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.body()).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        assertThat(api().put("/api/meetings/" + id + "/whiteboard/update", pablo, Map.of("ops",
                List.of(Map.of("opId", "c1", "op", "CLEAR")))).status()).isEqualTo(403);
        assertThat(api().post("/api/meetings/" + id + "/whiteboard/lock", pablo, null).status()).isEqualTo(403);
        assertThat(api().post("/api/meetings/" + id + "/whiteboard/lock", host, null).status()).isEqualTo(200);
        assertThat(api().put("/api/meetings/" + id + "/whiteboard/update", pablo, Map.of("ops",
                List.of(put("late", rect(5, 5))))).status()).isEqualTo(403);
        Reply cleared = api().put("/api/meetings/" + id + "/whiteboard/update", host, Map.of("ops",
                List.of(Map.of("opId", "c2", "op", "CLEAR"))));
        assertThat(cleared.json().get("objects")).isEmpty();

        assertThat(api().put("/api/meetings/" + id + "/whiteboard/update", host, Map.of("ops",
                List.of(Map.of("opId", "bad", "op", "PUT", "objectId", "x", "shape", Map.of("type", "RECT", "color", "red")))))
                .status()).isEqualTo(400);
    }

    private HttpResponse<byte[]> export(String format) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ConveneSuite.get().settings().httpUrl()
                        + "/api/meetings/" + id + "/whiteboard/export?format=" + format))
                .header("Authorization", "Bearer " + cora).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, Object> put(String objectId, Map<String, Object> shape) {
        return Map.of("opId", UUID.randomUUID().toString(), "op", "PUT", "objectId", objectId, "shape", shape);
    }

    private static Map<String, Object> rect(int x, int y) {
        return Map.of("type", "RECT", "x", x, "y", y, "w", 20, "h", 10, "color", "#336699");
    }
}
