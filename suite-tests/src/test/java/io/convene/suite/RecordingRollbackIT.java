package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.Meetings.draft;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A recording whose start does not commit leaves nothing recording: the database refuses the
 * recording's row after Janus was told to record (a trigger the test puts on the table, as a
 * database failing at that moment would), the host gets an error, no one is told, and Janus's room
 * records nothing — what it had begun is stopped and thrown away, so it cannot go into the
 * meeting's next recording. With the table accepting rows again, recording starts as usual.
 */
class RecordingRollbackIT extends SignedInPeople {

    @Test
    void aStartTheDatabaseRefusesLeavesJanusRecordingNothing() {
        String janus = ConveneSuite.get().applicationConfig().get("convene.media.janus-url");
        Meetings.Gathering g = Meetings.gather(host, pablo, cora, draft("Recorded, or not"));
        Eventually.get(() -> recording(janus, g.id()), r -> r != null, Duration.ofSeconds(20)); // its room is open
        asSchemaOwner("""
                create or replace function refuse_recordings() returns trigger language plpgsql
                  as $$ begin raise exception 'recordings refused for RecordingRollbackIT'; end $$""");
        asSchemaOwner("create trigger refuse_recordings before insert on recordings for each row execute function refuse_recordings()");
        try {
            Reply refused = api().post("/api/meetings/" + g.id() + "/record/start", host, Map.of());
            assertThat(refused.status()).as(refused.toString()).isGreaterThanOrEqualTo(500);
            assertThat(ConveneSuite.count("select count(*) from recordings where meeting_id = '" + g.id() + "'")).isZero();
            assertThat(ConveneSuite.count("select count(*) from meeting_events where meeting_id = '" + g.id()
                    + "' and type = 'meeting.recording'")).as("no one told it records").isZero();
            assertThat(recording(janus, g.id())).as("Janus's room records nothing").isFalse();
        } finally {
            asSchemaOwner("drop trigger refuse_recordings on recordings");
            asSchemaOwner("drop function refuse_recordings()");
        }
        Reply started = api().post("/api/meetings/" + g.id() + "/record/start", host, Map.of());
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        assertThat(recording(janus, g.id())).as("recording as usual").isTrue();
        assertThat(api().post("/api/meetings/" + g.id() + "/record/stop", host, Map.of()).status()).isEqualTo(200);
    }

    private static void asSchemaOwner(String sql) {
        try (java.sql.Connection c = ConveneSuite.schemaOwnerDatabase(); java.sql.Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether Janus's room of the meeting records now (VideoRoom's list, which shows private rooms to who has the key); null: no room. */
    private static Boolean recording(String janus, String meetingId) {
        JsonNode list = MediaRoomsIT.videoRoom(janus, Api.JSON.createObjectNode().put("request", "list")
                .put("admin_key", ConveneSuite.get().applicationConfig().get("convene.media.janus-admin-key")));
        for (JsonNode room : list.path("list")) {
            if (meetingId.equals(room.path("room").asText())) {
                return room.path("record").asBoolean();
            }
        }
        return null;
    }
}
