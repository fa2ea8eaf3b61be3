package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.smtp;
import static io.convene.suite.ConveneSuite.tokenOf;
import static io.convene.suite.EmailInvitesIT.awaitInvites;
import static io.convene.suite.EmailInvitesIT.invites;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static io.convene.suite.Meetings.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.launcher.EmbeddedBroker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What happens to notifications when the mail server or the broker fails: nothing is lost or sent twice. */
class DeliveryFailuresIT extends SignedInPeople {

    @Test
    void aDeliveryThatAlwaysFailsIsParkedForAnAdminWhoReplaysItOnce() throws InterruptedException {
        String admin = tokenOf(Meetings.ADMIN);
        String to = "doomed@example.org";
        String meetingId;
        JsonNode letter;
        smtp().stop();
        try {
            meetingId = schedule(host, with(draft("Doomed"), "invitees", List.of(to))).text("id");
            // five attempts, 1 + 2 + 4 + 8 s apart, then the dead-letter queue
            letter = Eventually.get(() -> deadLetterOf(admin, meetingId), found -> found != null, Duration.ofSeconds(60));
        } finally {
            smtp().start();
        }
        assertThat(letter.get("queue").asText()).isEqualTo("convene.deliveries.email");
        assertThat(api().get("/api/admin/notifications/dead-letters", host).status()).as("admins only").isEqualTo(403);
        Thread.sleep(1_000);
        assertThat(invites(to, meetingId + "@convene")).as("nothing sent while parked").isEmpty();

        String id = letter.get("id").asText();
        Reply replay = api().post("/api/admin/notifications/dead-letters/" + id + "/replay", admin, null);
        assertThat(replay.status()).as(replay.toString()).isEqualTo(200);

        assertThat(awaitInvites(to, meetingId + "@convene", 1)).hasSize(1);
        assertThat(deadLetterOf(admin, meetingId)).isNull();
        assertThat(api().post("/api/admin/notifications/dead-letters/" + id + "/replay", admin, null).status())
                .as("replayed once").isEqualTo(404);
        assertThat(api().delete("/api/admin/notifications/dead-letters/not-a-letter", admin).status()).isEqualTo(404);
    }

    @Test
    void aBrokerRestartBetweenPublishingAndDeliveringLosesNothingAndSendsOnce() throws InterruptedException {
        EmbeddedBroker broker = ConveneSuite.get().broker();
        String to = "steady@example.org";
        String uid;
        smtp().stop();
        try {
            uid = schedule(host, with(draft("Steady"), "invitees", List.of(to))).text("id") + "@convene";
            Thread.sleep(1_500); // the e-mail is queued and failing
            broker.stop();
            Thread.sleep(1_000);
            broker.start();
        } finally {
            smtp().start();
        }
        assertThat(awaitInvites(to, uid, 1)).hasSize(1);
        Thread.sleep(3_000);
        assertThat(invites(to, uid)).as("sent once").hasSize(1);
    }

    @Test
    void withTheBrokerDownAChangeIsRefusedWholeNotHalfDone() {
        EmbeddedBroker broker = ConveneSuite.get().broker();
        String title = "Unannounced " + System.nanoTime();
        broker.stop();
        List<Reply> refused = new java.util.ArrayList<>();
        try {
            // the first may find a pooled connection to the broker that was, the second a fresh one
            for (int attempt = 0; attempt < 2; attempt++) {
                refused.add(api().post("/api/meetings/schedule", host, with(draft(title), "invitees",
                        List.of("x@example.org"))));
            }
            Reply ready = api().get("/health/ready", null);
            assertThat(ready.status()).as(ready.toString()).isEqualTo(503);
            assertThat(stateOf(ready, "broker")).isEqualTo("DOWN");
            assertThat(stateOf(ready, "database")).isEqualTo("UP");
        } finally {
            broker.start();
        }
        assertThat(refused).allSatisfy(r -> {
            assertThat(r.status()).as(r.toString()).isEqualTo(503);
            assertThat(r.contentType()).contains("application/problem+json");
            assertThat(r.headers().firstValue("Retry-After")).as("when to come back").isPresent();
        });
        assertThat(ConveneSuite.count("select count(*) from meetings where title = '" + title + "'")).isZero();
        assertThat(api().get("/api/users/profile", pablo).status()).isEqualTo(200);
        Reply after = Eventually.get(() -> api().post("/api/meetings/schedule", host,
                with(draft("After the broker is back"), "invitees", List.of(Meetings.PARTICIPANT))),
                r -> r.status() == 201, Duration.ofSeconds(60));
        assertThat(NotificationsIT.awaitKinds(pablo, after.text("id"), 1)).as("the consumers reconnected by themselves")
                .containsExactly("INVITED");
    }

    /** The status of one part in the readiness check's answer. */
    static String stateOf(Reply ready, String part) {
        for (JsonNode check : ready.json().get("checks")) {
            if (part.equals(check.get("name").asText())) {
                return check.get("status").asText();
            }
        }
        throw new AssertionError("No check " + part + " in " + ready);
    }

    /** The dead letter whose delivery is about the meeting, or null. */
    static JsonNode deadLetterOf(String admin, String meetingId) {
        Reply r = api().get("/api/admin/notifications/dead-letters", admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        for (JsonNode letter : r.json()) {
            if (letter.get("body").asText().contains(meetingId)) {
                return letter;
            }
        }
        return null;
    }

}
