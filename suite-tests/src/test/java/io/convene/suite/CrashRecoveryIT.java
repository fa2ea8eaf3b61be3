package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.Meetings.draft;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The launcher keeps Convene running: its Payara Micro killed with SIGKILL mid-meeting (a crash, no
 * goodbye) is started again by the launcher; the meeting's channel then resumes where each client
 * left off, and every chat message that was acknowledged is there exactly once. The recording the
 * crashed node was running is stopped and finished (or failed) once its lease lapsed, so the meeting
 * can be recorded again.
 */
class CrashRecoveryIT extends SignedInPeople {

    @Test
    void aCrashedPayaraMicroIsStartedAgainAndTheMeetingGoesOnWithNothingLostOrRepeated() {
        Meetings.Gathering g = Meetings.gather(host, pablo, cora, draft("Through a crash"));
        Reply recording = api().post("/api/meetings/" + g.id() + "/record/start", host, Map.of());
        assertThat(recording.status()).as(recording.toString()).isEqualTo(201);
        String recordingId = recording.text("id");
        long lastSeen;
        try (ChannelClient pabloSocket = ChannelClient.withBearer(g.id(), pablo)) {
            pabloSocket.next();
            for (String text : List.of("before one", "before two")) {
                assertThat(ClusterIT.chat(api(), g.id(), host, text).status()).isEqualTo(201);
            }
            List<JsonNode> seen = ClusterIT.events(pabloSocket, 2);
            assertThat(ClusterIT.texts(seen)).containsExactly("before one", "before two");
            lastSeen = seen.get(1).get("seq").asLong();

            ConveneSuite.get().crashConvene();
            Eventually.get(pabloSocket::isClosed, closed -> closed, Duration.ofSeconds(10));
            assertThat(pabloSocket.closeCode()).as("the server died under his socket").isNotEqualTo(1000);
        }

        // the launcher starts it again: ready, without anyone touching it
        Eventually.get(CrashRecoveryIT::readiness, status -> status == 200, Duration.ofMinutes(4));
        // the crashed node's recording: stopped once its lease lapsed, then finished from what Janus wrote, or failed
        Reply closed = Eventually.get(() -> api().get("/api/recordings/" + recordingId, host),
                r -> r.status() == 200 && List.of("READY", "FAILED").contains(r.text("status")), Duration.ofMinutes(3));
        assertThat(closed.text("stoppedAt")).isNotNull();
        assertThat(ConveneSuite.count("select count(*) from audit_entries where action = 'RECORDING_STOPPED' and target = 'recording:"
                + recordingId + "' and detail like '%node recording it was lost%'")).isEqualTo(1);
        assertThat(ClusterIT.chat(api(), g.id(), host, "after").status()).isEqualTo(201);
        try (ChannelClient again = ChannelClient.withBearer(g.id(), pablo)) {
            assertThat(again.next().get("type").asText()).isEqualTo("hello");
            again.send(Map.of("type", "resume", "after", lastSeen));
            List<JsonNode> missed = ClusterIT.events(again, 2);
            assertThat(ClusterIT.kinds(missed)).as("the recording's stop, then the chat")
                    .containsExactly("meeting.recording", "chat.message after");
            assertThat(missed.get(0).at("/data/recording").asBoolean(true)).isFalse();
            assertThat(ClusterIT.seqs(missed)).containsExactly(lastSeen + 1, lastSeen + 2);
        }
        Reply recordedAgain = api().post("/api/meetings/" + g.id() + "/record/start", host, Map.of());
        assertThat(recordedAgain.status()).as("the meeting can be recorded again: " + recordedAgain).isEqualTo(201);
        api().post("/api/meetings/" + g.id() + "/record/stop", host, Map.of());
        List<String> history = new java.util.ArrayList<>();
        api().get("/api/meetings/" + g.id() + "/chat/messages", pablo).json().get("items")
                .forEach(m -> history.add(m.get("text").asText()));
        assertThat(history).as("each acknowledged message once").containsExactlyInAnyOrder("before one", "before two", "after");
    }

    /** The readiness check's status, or -1 while nothing listens. */
    private static int readiness() {
        try {
            Reply ready = api().get("/health/ready", null);
            return ready.raw().contains("\"database\"") ? ready.status() : -1; // Payara answers before Convene is in
        } catch (java.io.UncheckedIOException down) {
            return -1;
        }
    }
}
