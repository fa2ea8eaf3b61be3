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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The meeting channel over real WebSockets: live events, controls, bad input, reconnect, removal. */
class MeetingChannelIT extends SignedInPeople {


    @Test
    void theHostAdmitsOnTheChannelAndTheWaitingParticipantHearsIt() {
        String id = schedule(host, with(draft("Channel admit"), "waitingRoom", true)).text("id");
        api().post("/api/meetings/" + id + "/join", host, Map.of());
        try (ChannelClient hostSocket = ChannelClient.withBearer(id, host)) {
            JsonNode hello = hostSocket.next();
            assertThat(hello.get("type").asText()).isEqualTo("hello");
            assertThat(hello.get("you").get("role").asText()).isEqualTo("HOST");

            Reply join = api().post("/api/meetings/" + id + "/join", pablo, Map.of());
            String pabloP = join.text("participationId");
            JsonNode waiting = hostSocket.awaitEvent("participant.waiting");
            assertThat(waiting.get("data").get("participationId").asText()).isEqualTo(pabloP);

            try (ChannelClient pabloSocket = ChannelClient.withTicket(id, join.text("channelTicket"))) {
                assertThat(pabloSocket.next().get("you").get("state").asText()).isEqualTo("WAITING");

                hostSocket.send(Map.of("type", "control", "action", "ADMIT", "participationId", pabloP));
                assertThat(hostSocket.await(m -> m.path("type").asText().equals("ack")).get("action").asText())
                        .isEqualTo("ADMIT");
                JsonNode admitted = pabloSocket.awaitEvent("participant.admitted");
                assertThat(admitted.get("data").get("participationId").asText()).isEqualTo(pabloP);
                assertThat(admitted.get("data").get("state").asText()).isEqualTo("JOINED");
            }
        }
    }

    @Test
    void badMessagesGetAnErrorChangeNothingAndKeepTheConnection() {
        String id = schedule(host, with(draft("Channel errors"), "settings", Map.of("joinBeforeHost", true))).text("id");
        api().post("/api/meetings/" + id + "/join", host, Map.of());
        Reply join = api().post("/api/meetings/" + id + "/join", pablo, Map.of());
        try (ChannelClient socket = ChannelClient.withTicket(id, join.text("channelTicket"))) {
            socket.next();
            socket.send("{not json");
            assertThat(error(socket)).isEqualTo("malformed");
            socket.send(Map.of("type", "dance"));
            assertThat(error(socket)).isEqualTo("unknown-type");
            socket.send(Map.of("type", "control", "action", "END"));
            assertThat(error(socket)).isEqualTo("refused");
            socket.send(Map.of("type", "control", "action", "NOT_AN_ACTION"));
            assertThat(error(socket)).isEqualTo("invalid");
            socket.send(Map.of("type", "resume"));
            assertThat(error(socket)).isEqualTo("invalid");
            socket.send(Map.of("type", "chat", "text", "x".repeat(20_000)));
            assertThat(error(socket)).isEqualTo("too-large");

            socket.send(Map.of("type", "ping"));
            assertThat(socket.next().get("type").asText()).isEqualTo("pong");
            assertThat(api().get("/api/meetings/" + id + "/details", host).text("status")).isEqualTo("LIVE");
        }
    }

    @Test
    void aReconnectingClientGetsExactlyWhatItMissed() {
        String id = schedule(host, with(draft("Channel resume"), "settings", Map.of("joinBeforeHost", true))).text("id");
        api().post("/api/meetings/" + id + "/join", host, Map.of());
        Reply join = api().post("/api/meetings/" + id + "/join", pablo, Map.of());
        long lastSeen;
        try (ChannelClient first = ChannelClient.withTicket(id, join.text("channelTicket"))) {
            lastSeen = first.next().get("seq").asLong();
        }
        HostControlsIT.control(id, host, "LOCK", null);
        HostControlsIT.control(id, host, "UNLOCK", null);
        api().post("/api/meetings/" + id + "/join", cora, Map.of()).status();  // not invited, no code: refused, no event

        try (ChannelClient again = ChannelClient.withTicket(id, join.text("channelTicket"))) {
            JsonNode hello = again.next();
            assertThat(hello.get("seq").asLong()).isEqualTo(lastSeen + 2);
            again.send(Map.of("type", "resume", "after", lastSeen));
            List<JsonNode> missed = again.drain(Duration.ofSeconds(2));
            assertThat(missed).extracting(m -> m.get("event").asText()).containsExactly("meeting.locked", "meeting.unlocked");
            assertThat(missed).extracting(m -> m.get("seq").asLong()).containsExactly(lastSeen + 1, lastSeen + 2);
        }
    }

    @Test
    void theRemovedAreToldAndDisconnectedAndStrangersCannotListen() {
        Reply m = schedule(host, with(draft("Channel removal"), "settings", Map.of("joinBeforeHost", true)));
        String id = m.text("id");
        api().post("/api/meetings/" + id + "/join", host, Map.of());
        Reply join = api().post("/api/meetings/" + id + "/join", pablo, Map.of());

        try (ChannelClient stranger = ChannelClient.withBearer(id, cora)) {
            assertThat(stranger.closeCode()).isEqualTo(1008);
        }
        try (ChannelClient noTicket = ChannelClient.withTicket(id, "forged")) {
            assertThat(noTicket.closeCode()).isEqualTo(1008);
        }
        Reply other = schedule(host, draft("Another meeting"));
        try (ChannelClient wrongMeeting = ChannelClient.withTicket(other.text("id"), join.text("channelTicket"))) {
            assertThat(wrongMeeting.closeCode()).isEqualTo(1008);
        }

        try (ChannelClient pabloSocket = ChannelClient.withTicket(id, join.text("channelTicket"))) {
            pabloSocket.next();
            HostControlsIT.control(id, host, "REMOVE", join.text("participationId"));
            JsonNode removed = pabloSocket.awaitEvent("participant.removed");
            assertThat(removed.get("data").get("participationId").asText()).isEqualTo(join.text("participationId"));
            assertThat(pabloSocket.closeCode()).isEqualTo(4403);
        }
    }

    @Test
    void eventsAnnouncedWhileTheNotificationConnectionIsDownStillArrive() throws Exception {
        String id = schedule(host, with(draft("Channel outage"), "settings", Map.of("joinBeforeHost", true))).text("id");
        api().post("/api/meetings/" + id + "/join", host, Map.of());
        Reply join = api().post("/api/meetings/" + id + "/join", pablo, Map.of());
        try (ChannelClient socket = ChannelClient.withTicket(id, join.text("channelTicket"))) {
            socket.next();
            try (java.sql.Connection c = ConveneSuite.database(); java.sql.Statement s = c.createStatement()) {
                // the database drops the node's listening connection (a failover, a restart, a network cut)
                s.execute("select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'convene-channel'");
            }
            HostControlsIT.control(id, host, "LOCK", null);
            assertThat(socket.awaitEvent("meeting.locked").get("seq").asLong()).isPositive();
            HostControlsIT.control(id, host, "UNLOCK", null);
            assertThat(socket.awaitEvent("meeting.unlocked")).isNotNull();
        }
    }

    private static String error(ChannelClient socket) {
        JsonNode reply = socket.next();
        assertThat(reply.get("type").asText()).as(reply.toString()).isEqualTo("error");
        return reply.get("code").asText();
    }
}
