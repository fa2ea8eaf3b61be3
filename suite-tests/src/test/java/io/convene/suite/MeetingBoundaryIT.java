package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.count;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static io.convene.suite.Meetings.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The meeting's boundary as an attacker tries it: someone in the waiting room hears nothing of the
 * meeting; someone removed reads nothing said after, and does not come back through the same link
 * unless the host lets them; one ticket holds a few sockets, and a socket that floods is closed.
 */
class MeetingBoundaryIT extends SignedInPeople {

    @Test
    void someoneInTheWaitingRoomHearsNothingOfTheMeetingUntilLetIn() {
        Reply meeting = schedule(host, with(draft("Waiting room boundary"), "waitingRoom", true, "allowGuests", true));
        String id = meeting.text("id");
        String base = "/api/meetings/" + id;
        String hostP = api().post(base + "/join", host, Map.of()).text("participationId");
        Reply guest = api().post(base + "/join", null, Map.of("joinToken", GuestJoinIT.joinToken(meeting),
                "displayName", "Wanda Waiting"));
        assertThat(guest.text("state")).isEqualTo("WAITING");
        String guestP = guest.text("participationId");
        String guestTicket = guest.text("guestTicket");
        Reply coraJoined = api().post("/api/meetings/" + meeting.text("code") + "/join", cora, Map.of());
        String coraP = coraJoined.text("participationId");

        try (ChannelClient hostSocket = ChannelClient.withBearer(id, host);
             ChannelClient waiting = ChannelClient.withTicket(id, guest.text("channelTicket"))) {
            JsonNode hostHello = hostSocket.await(m -> "hello".equals(m.path("type").asText()));
            Map<String, String> present = new java.util.HashMap<>();
            hostHello.path("participants").forEach(p -> present.put(p.path("participationId").asText(),
                    p.path("state").asText() + " " + p.path("guest").asBoolean() + (p.path("guest").asBoolean()
                            ? " " + p.path("name").asText() : "")));
            assertThat(present).as("the host's greeting: those in, and the waiting room").containsExactlyInAnyOrderEntriesOf(
                    Map.of(hostP, "JOINED false", guestP, "WAITING true Wanda Waiting", coraP, coraJoined.text("state") + " false"));
            JsonNode hello = waiting.await(m -> "hello".equals(m.path("type").asText()));
            assertThat(hello.path("you").path("state").asText()).isEqualTo("WAITING");
            assertThat(hello.path("participants")).as("the waiting room sees nobody").isEmpty();

            sendChat(base, host, "the merger closes on Friday");
            hostSocket.awaitEvent("chat.message");
            waiting.send(Map.of("type", "resume", "after", 0));
            assertThat(waiting.drain(Duration.ofSeconds(2))).as("nothing of the meeting, live or replayed")
                    .noneMatch(m -> "event".equals(m.path("type").asText()));
            assertThat(api().send("GET", base + "/chat/messages", null, null,
                    Map.of("X-Convene-Guest-Ticket", guestTicket)).status()).isEqualTo(404);

            assertThat(list(api().get(base + "/events?after=0", host))).as("the host reads it all")
                    .anyMatch(e -> "chat.message".equals(e.path("type").asText()))
                    .anyMatch(e -> "participant.joined".equals(e.path("type").asText()));
            assertThat(list(api().get(base + "/events?after=0", cora))).as("a signed-in person waiting reads nothing")
                    .isEmpty();
            assertThat(api().post(base + "/control", host, Map.of("action", "DENY", "participationId", coraP))
                    .status()).isEqualTo(200);
            List<JsonNode> coraSees = list(api().get(base + "/events?after=0", cora));
            assertThat(coraSees).extracting(e -> e.path("type").asText()).containsExactly("participant.denied");
            assertThat(coraSees).as("about themselves only")
                    .allMatch(e -> coraP.equals(e.path("data").path("participationId").asText()));

            assertThat(api().post(base + "/control", host, Map.of("action", "ADMIT", "participationId", guestP))
                    .status()).isEqualTo(200);
            JsonNode admitted = waiting.awaitEvent("participant.admitted");
            assertThat(admitted.path("data").path("participationId").asText()).isEqualTo(guestP);
            sendChat(base, host, "welcome, Wanda");
            assertThat(waiting.awaitEvent("chat.message").path("data").path("text").asText()).isEqualTo("welcome, Wanda");
            assertThat(hostP).isNotBlank();
        }
    }

    @Test
    void someoneRemovedReadsNothingSaidAfterTheRemoval() {
        Meetings.Gathering g = Meetings.gather(host, pablo, cora, draft("Removal boundary"));
        String base = "/api/meetings/" + g.id();
        sendChat(base, pablo, "before my removal: quokka");

        try (ChannelClient removed = ChannelClient.withBearer(g.id(), pablo)) {
            removed.await(m -> "hello".equals(m.path("type").asText()));
            assertThat(api().post(base + "/control", host, Map.of("action", "REMOVE", "participationId", g.pabloP()))
                    .status()).isEqualTo(200);
            sendChat(base, host, "after the removal: wombat plans");
            assertThat(removed.closeCode()).isEqualTo(4403);
            assertThat(removed.drain(Duration.ofMillis(200))).as("not a word said after the removal")
                    .noneMatch(m -> m.path("data").path("text").asText().contains("wombat"));
        }

        Reply chat = api().get(base + "/chat/messages", pablo);
        assertThat(chat.status()).isEqualTo(403);
        assertThat(chat.contentType()).startsWith("application/problem+json");
        assertThat(chat.text("detail")).isEqualTo("You were removed from this meeting");
        assertThat(api().get(base + "/events?after=0", pablo).status()).isEqualTo(403);
        assertThat(api().get(base + "/polls", pablo).status()).isEqualTo(403);
        assertThat(api().get(base + "/questions", pablo).status()).isEqualTo(403);
        assertThat(contents(api().get("/api/search/messages?q=wombat", pablo))).as("said after the removal").isEmpty();
        assertThat(contents(api().get("/api/search/messages?q=quokka", pablo))).as("said before it")
                .containsExactly("before my removal: quokka");
        assertThat(contents(api().get("/api/search/messages?q=wombat", cora))).as("still there for the others")
                .containsExactly("after the removal: wombat plans");
        try (ChannelClient again = ChannelClient.withBearer(g.id(), pablo)) {
            assertThat(again.closeCode()).as("no new socket either").isEqualTo(1008);
        }
    }

    @Test
    void aRemovedGuestDoesNotComeBackThroughTheSameLinkUnlessTheHostLetsThem() {
        Reply meeting = schedule(host, with(draft("Guest removal"), "allowGuests", true,
                "settings", Map.of("joinBeforeHost", true)));
        String id = meeting.text("id");
        String base = "/api/meetings/" + id;
        api().post(base + "/join", host, Map.of());
        Map<String, Object> asGuest = Map.of("joinToken", GuestJoinIT.joinToken(meeting), "displayName", "Rex Rowdy");
        Reply first = api().post(base + "/join", null, asGuest);
        assertThat(first.status()).isEqualTo(200);
        String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("convene_device=").contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String device = cookie.substring(0, cookie.indexOf(';'));
        String rexP = first.text("participationId");
        String rexTicket = first.text("guestTicket");

        assertThat(api().post(base + "/control", host, Map.of("action", "REMOVE", "participationId", rexP)).status())
                .isEqualTo(200);
        long participations = count("select count(*) from participations where meeting_id = '" + id + "'");

        Reply sameBrowser = api().send("POST", base + "/join", null, asGuest, Map.of("Cookie", device));
        assertThat(sameBrowser.status()).isEqualTo(403);
        assertThat(sameBrowser.contentType()).startsWith("application/problem+json");
        assertThat(sameBrowser.text("detail")).isEqualTo("You were removed from this meeting");
        Reply sameTicket = api().send("POST", base + "/join", null, asGuest, Map.of("X-Convene-Guest-Ticket", rexTicket));
        assertThat(sameTicket.status()).as("known by the earlier ticket").isEqualTo(403);
        assertThat(count("select count(*) from participations where meeting_id = '" + id + "'"))
                .as("nothing written").isEqualTo(participations);
        assertThat(api().send("GET", base + "/chat/messages", null, null, Map.of("X-Convene-Guest-Ticket", rexTicket))
                .status()).as("the removed guest's ticket reads nothing").isEqualTo(403);

        assertThat(api().post(base + "/control", pablo, Map.of("action", "ALLOW_BACK", "participationId", rexP))
                .status()).as("not for participants").isIn(403, 404);
        assertThat(api().post(base + "/control", host, Map.of("action", "ALLOW_BACK", "participationId", rexP))
                .status()).isEqualTo(200);
        Reply back = api().send("POST", base + "/join", null, asGuest, Map.of("Cookie", device));
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        assertThat(back.text("state")).isEqualTo("JOINED");
    }

    @Test
    void aRemovedMemberComesBackOnlyWhenTheHostLetsThem() {
        Meetings.Gathering g = Meetings.gather(host, pablo, cora, draft("Member removal"));
        String base = "/api/meetings/" + g.id();
        assertThat(api().post(base + "/control", host, Map.of("action", "REMOVE", "participationId", g.coraP()))
                .status()).isEqualTo(200);
        assertThat(api().post("/api/meetings/" + g.code() + "/join", cora, Map.of()).status()).isEqualTo(403);
        assertThat(api().post(base + "/control", host, Map.of("action", "ALLOW_BACK", "participationId", g.pabloP()))
                .status()).as("only someone removed").isEqualTo(409);
        assertThat(api().post(base + "/control", host, Map.of("action", "ALLOW_BACK", "participationId", g.coraP()))
                .status()).isEqualTo(200);
        Reply back = api().post("/api/meetings/" + g.code() + "/join", cora, Map.of());
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.text("participationId")).as("the same participation").isEqualTo(g.coraP());
        assertThat(count("select count(*) from audit_entries where meeting_id = '" + g.id() + "' and action = 'ALLOW_BACK'"))
                .isEqualTo(1);
    }

    @Test
    void oneTicketHoldsAFewSocketsAndAFloodingSocketIsClosed() {
        Meetings.Gathering g = Meetings.gather(host, pablo, cora, draft("Socket limits"));
        String ticket = api().post("/api/meetings/" + g.id() + "/join", pablo, Map.of()).text("channelTicket");
        List<ChannelClient> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                ChannelClient c = ChannelClient.withTicket(g.id(), ticket);
                c.await(m -> "hello".equals(m.path("type").asText()));
                sockets.add(c);
            }
            for (ChannelClient oldest : sockets.subList(0, 3)) {
                assertThat(oldest.closeCode()).as("the oldest give way").isEqualTo(4429);
            }
            for (ChannelClient kept : sockets.subList(3, 8)) {
                kept.send(Map.of("type", "ping"));
                assertThat(kept.await(m -> !"event".equals(m.path("type").asText())).path("type").asText())
                        .isEqualTo("pong");
            }

            ChannelClient replayer = sockets.get(3);
            for (int i = 0; i < 10; i++) {
                replayer.send(Map.of("type", "resume", "after", 0));
            }
            List<JsonNode> answers = replayer.drain(Duration.ofSeconds(2));
            assertThat(answers.stream().filter(m -> "rate-limited".equals(m.path("code").asText())).count())
                    .as("replays beyond a few are refused").isGreaterThanOrEqualTo(6);

            ChannelClient flooder = sockets.get(4);
            String ping = Api.json(Map.of("type", "ping"));
            int sent = 0;
            try { // as fast as it goes, looking up every 20 so it stops writing once the server closed it
                for (; sent < 3_000 && !(sent % 20 == 0 && flooder.isClosed()); sent++) {
                    flooder.send(ping);
                }
            } catch (RuntimeException closedWhileSending) {
                // the server closed it mid-flood: that is the point
            }
            // closed by the server with 4429; a client still writing when the server ends the connection may
            // see it break before it reads the close frame (1006): either way it is closed, not served on
            assertThat(flooder.closeCode()).isIn(4429, 1006);
            long pongs = flooder.drain(Duration.ofMillis(500)).stream()
                    .filter(m -> "pong".equals(m.path("type").asText())).count();
            assertThat(pongs).as("answered only while within its allowance").isLessThan(sent);

            ChannelClient neighbour = sockets.get(5);
            neighbour.send(Map.of("type", "ping"));
            assertThat(neighbour.await(m -> !"event".equals(m.path("type").asText())).path("type").asText())
                    .as("the other sockets carry on").isEqualTo("pong");
        } finally {
            sockets.forEach(ChannelClient::close);
        }
    }

    private static void sendChat(String base, String token, String text) {
        Reply sent = api().post(base + "/chat/send", token, Map.of("clientMessageId", UUID.randomUUID().toString(),
                "text", text));
        assertThat(sent.status()).as(sent.toString()).isIn(200, 201);
    }

    private static List<JsonNode> list(Reply r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> all = new ArrayList<>();
        r.json().forEach(all::add);
        return all;
    }

    private static List<String> contents(Reply r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> all = new ArrayList<>();
        r.json().forEach(hit -> all.add(hit.path("content").asText()));
        return all;
    }
}
