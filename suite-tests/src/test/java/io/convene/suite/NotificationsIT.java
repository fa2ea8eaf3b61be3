package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.Meetings.COMPLIANCE;
import static io.convene.suite.Meetings.PARTICIPANT;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static io.convene.suite.Meetings.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Notices go through the Artemis broker to the in-app store: invitations, changes, cancellations. */
class NotificationsIT extends SignedInPeople {

    private static final Duration DELIVERY = Duration.ofSeconds(20);

    /** Pablo and Cora have used Convene before (their accounts exist here): in-app needs an account. */
    @BeforeAll
    static void everyoneHasSignedInBefore() {
        for (String token : List.of(pablo, cora)) {
            assertThat(api().get("/api/users/profile", token).status()).isEqualTo(200);
        }
    }

    @Test
    void inviteesAreToldOfInvitationChangeAndCancellationInTheApp() {
        String title = "Notified " + System.nanoTime();
        Reply m = schedule(host, with(draft(title), "invitees", List.of(PARTICIPANT, COMPLIANCE)));
        String id = m.text("id");

        assertThat(awaitKinds(pablo, id, 1)).containsExactly("INVITED");
        assertThat(api().put("/api/meetings/" + id + "/edit", host, Map.of("agenda", "Bring numbers")).status())
                .isEqualTo(200);
        assertThat(api().delete("/api/meetings/" + id, host).status()).isEqualTo(204);

        assertThat(awaitKinds(pablo, id, 3)).containsExactly("CANCELLED", "CHANGED", "INVITED");
        assertThat(awaitKinds(cora, id, 3)).containsExactly("CANCELLED", "CHANGED", "INVITED");
        JsonNode newest = mine(pablo, false).get("items").get(0);
        assertThat(newest.get("message").asText()).isEqualTo(title + " was cancelled");
        assertThat(mine(host, false).get("items").findValuesAsText("meetingId")).as("not the host's own doing")
                .doesNotContain(id);
    }

    @Test
    void aNotificationIsPushedLiveToTheUsersOpenSocket() {
        try (ChannelClient socket = ChannelClient.notifications(pablo)) {
            JsonNode hello = socket.next();
            assertThat(hello.get("type").asText()).isEqualTo("hello");
            String id = schedule(host, with(draft("Pushed"), "invitees", List.of(PARTICIPANT))).text("id");

            JsonNode pushed = socket.await(m -> "notification".equals(m.path("type").asText())
                    && id.equals(m.path("meetingId").asText()));
            assertThat(pushed.get("kind").asText()).isEqualTo("INVITED");
            assertThat(pushed.get("message").asText()).isEqualTo("You are invited to Pushed");
            assertThat(pushed.get("position").asLong()).isGreaterThan(hello.get("position").asLong());
        }
        try (ChannelClient anonymous = ChannelClient.notifications(null)) {
            assertThat(anonymous.closeCode()).isEqualTo(1008);
        }
    }

    @Test
    void aChatMentionTellsWhoIsNamedAndNobodyElse() {
        Meetings.Gathering g = Meetings.gather(host, pablo, cora, draft("Mentions"));
        Reply sent = api().post("/api/meetings/" + g.id() + "/chat/send", pablo,
                Map.of("clientMessageId", "mention-1", "text", "Thanks @cora compliance, over to you"));
        assertThat(sent.status()).as(sent.toString()).isIn(200, 201);

        assertThat(awaitKinds(cora, g.id(), 1)).contains("MENTIONED");
        assertThat(ofMeeting(mine(cora, false), g.id()).get(0).get("message").asText())
                .isEqualTo("You were mentioned in the chat of Mentions");
        api().post("/api/meetings/" + g.id() + "/chat/send", pablo, Map.of("clientMessageId", "mention-2",
                "text", "a message without a name"));
        assertThat(kindsOf(host, g.id())).doesNotContain("MENTIONED");
        assertThat(kindsOf(pablo, g.id())).doesNotContain("MENTIONED");
    }

    private static List<String> kindsOf(String token, String meetingId) {
        return ofMeeting(mine(token, false), meetingId).stream().map(n -> n.get("kind").asText()).toList();
    }

    @Test
    void readingMarksOneOrAllAndNobodyReadsAnothersNotifications() {
        Reply m = schedule(host, with(draft("Read me"), "invitees", List.of(PARTICIPANT)));
        awaitKinds(pablo, m.text("id"), 1);
        String first = ofMeeting(mine(pablo, true), m.text("id")).get(0).get("id").asText();

        assertThat(api().post("/api/notifications/" + first + "/read", cora, null).status()).isEqualTo(404);
        Reply read = api().post("/api/notifications/" + first + "/read", pablo, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("read").asBoolean()).isTrue();
        assertThat(ofMeeting(mine(pablo, true), m.text("id"))).isEmpty();

        api().post("/api/notifications/read-all", pablo, null);
        assertThat(mine(pablo, true).get("total").asLong()).isZero();
    }

    @Test
    void aTopicTurnedOffIsNotDeliveredThereAndARefusedChangeTellsNobody() {
        Reply off = api().delete("/api/notifications/unsubscribe?channel=IN_APP&topic=CHANGES", cora);
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        assertThat(off.json().get("IN_APP").toString()).doesNotContain("CHANGES").contains("REMINDERS");
        try {
            Map<String, Object> quiet = with(draft("Quiet for Cora"), "invitees", List.of(PARTICIPANT, COMPLIANCE));
            String id = schedule(host, quiet).text("id");
            // a refused schedule (the same slot, so it conflicts) must not be announced
            Map<String, Object> clash = with(draft("Clash"), "start", quiet.get("start"), "end", quiet.get("end"),
                    "invitees", List.of(PARTICIPANT));
            assertThat(api().post("/api/meetings/schedule", host, clash).status()).isEqualTo(409);

            awaitKinds(pablo, id, 1);
            assertThat(ofMeeting(mine(cora, false), id)).as("Cora turned changes off in the app").isEmpty();
            assertThat(mine(pablo, false).get("items").findValuesAsText("message")).noneMatch(s -> s.contains("Clash"));
        } finally {
            Reply on = api().post("/api/notifications/subscribe", cora, Map.of("channel", "IN_APP", "topic", "CHANGES"));
            assertThat(on.json().get("IN_APP").toString()).contains("CHANGES");
        }
        assertThat(api().delete("/api/notifications/unsubscribe?channel=PIGEON&topic=CHANGES", cora).status())
                .isEqualTo(400);
    }

    static List<String> awaitKinds(String token, String meetingId, int count) {
        List<JsonNode> items = Eventually.get(() -> ofMeeting(mine(token, false), meetingId),
                found -> found.size() >= count, DELIVERY);
        return items.stream().map(n -> n.get("kind").asText()).toList();
    }

    static JsonNode mine(String token, boolean unreadOnly) {
        Reply r = api().get("/api/notifications/list?size=100&unread=" + unreadOnly, token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    static List<JsonNode> ofMeeting(JsonNode page, String meetingId) {
        List<JsonNode> found = new ArrayList<>();
        page.get("items").forEach(n -> {
            if (meetingId.equals(n.path("meetingId").asText())) {
                found.add(n);
            }
        });
        return found;
    }
}
