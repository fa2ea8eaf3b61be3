package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.MeetingRoomIT.enterAsHost;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static io.convene.suite.Meetings.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The meeting room's figures (docs/benchmarks.md), printed, never asserted as times: from the host's
 * click on Join to their camera reaching the media server, and to the people panel listing 200
 * people already in the meeting; the page's JavaScript heap then. What it asserts is that the room
 * got there: every person listed, one's own video connected.
 */
class RoomFiguresIT extends SignedInPeople {

    private static final int PEOPLE = 200;

    @Test
    void theHostsPageShowsTwoHundredPeopleAndTheirOwnVideo() throws Exception {
        Reply meeting = schedule(host, with(draft("Town hall"), "allowGuests", true, "settings", Map.of("joinBeforeHost", true)));
        String token = GuestJoinIT.joinToken(meeting);
        ExecutorService joiners = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> joins = new ArrayList<>();
            for (int i = 1; i <= PEOPLE; i++) {
                String name = "Attendee " + i;
                joins.add(joiners.submit(() -> api().post("/api/meetings/" + meeting.text("id") + "/join", null,
                        Map.of("joinToken", token, "displayName", name)).status()));
            }
            for (Future<Integer> join : joins) {
                assertThat(join.get()).isEqualTo(200);
            }
        } finally {
            joiners.shutdown();
        }

        try (Console hana = Console.withMedia()) {
            enterAsHost(hana, meeting.text("joinUrl"));
            hana.wait.until(d -> ((Number) hana.script("return document.querySelectorAll('#people li').length;")).intValue()
                    >= PEOPLE + 1);
            Object shownAfter = hana.script("return Math.round(performance.now() - convene.joinClickedAt);");
            assertThat(hana.texts("#people li")).hasSize(PEOPLE + 1).anyMatch(t -> t.startsWith("Attendee 200"));
            hana.wait.until(d -> hana.script("return convene.ownVideoAfterMs === undefined ? null : convene.ownVideoAfterMs;")
                    instanceof Number);
            Object ownVideo = hana.script("return convene.ownVideoAfterMs;");
            Object heap = hana.script("return Math.round(performance.memory.usedJSHeapSize / 1048576);");
            hana.click(By.id("people-search"));
            hana.type(By.id("people-search"), "Attendee 199");
            hana.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#people li"), 1));
            System.out.printf("RoomFiguresIT figures: join click to own video at the media server %s ms; to %d people"
                    + " listed in the people panel %s ms; page JavaScript heap with them %s MB%n", ownVideo, PEOPLE + 1,
                    shownAfter, heap);
        }
    }

    private static final int CAMERAS = 50;

    /**
     * Fifty cameras in one meeting (a crowd page publishes a small canvas stream for each of fifty
     * guests over their own channel socket): the host's page receives video of at most one page of
     * 25 tiles, the others only as sound (their microphones count as on). Printed: the page's heap and
     * how many links receive video.
     */
    @Test
    void aPageOfAFiftyCameraMeetingReceivesVideoOfTwentyFiveAtMost() {
        Reply meeting = schedule(host, with(draft("Fifty cameras"), "allowGuests", true, "settings", Map.of("joinBeforeHost", true)));
        try (Console hana = Console.withMedia(); Console crowd = Console.withMedia()) {
            enterAsHost(hana, meeting.text("joinUrl"));
            crowd.browser.get(meeting.text("joinUrl"));
            crowd.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("display-name"))); // past the sign-in check
            crowd.browser.manage().timeouts().scriptTimeout(java.time.Duration.ofMinutes(3)); // fifty joins and publications
            Object published = crowd.script(CROWD.formatted(meeting.text("id"), GuestJoinIT.joinToken(meeting), CAMERAS));
            assertThat(published).as("the crowd's publications").isEqualTo((long) CAMERAS);

            hana.wait.withTimeout(java.time.Duration.ofSeconds(90)).until(d ->
                    ((Number) hana.script("return Object.values(convene.subscriptions).filter((s) => s.pc"
                            + " && s.pc.connectionState === 'connected').length;")).intValue() == CAMERAS);
            long[] received = Eventually.get(() -> videoLinks(hana), counted -> counted[1] <= 25,
                    java.time.Duration.ofSeconds(30)); // links that just connected get their "none" within a second
            Object heap = hana.script("return Math.round(performance.memory.usedJSHeapSize / 1048576);");
            assertThat(hana.texts("#page-label")).containsExactly("Page 1 of 2");
            assertThat(received[0]).as("links received").isEqualTo(CAMERAS);
            assertThat(received[1]).as("links receiving video").isBetween(1L, 25L);
            System.out.printf("RoomFiguresIT figures: %d cameras in the meeting, %d links received, %d of them with"
                    + " video; page JavaScript heap %s MB%n", CAMERAS, received[0], received[1], heap);
        }
    }

    /** The page's links, and how many of them decoded video frames over three seconds. */
    private static long[] videoLinks(Console page) {
        com.fasterxml.jackson.databind.JsonNode first = MediaIT.stats(page);
        MediaIT.sleep(3000);
        com.fasterxml.jackson.databind.JsonNode later = MediaIT.stats(page);
        long withVideo = 0;
        for (java.util.Iterator<String> feeds = later.fieldNames(); feeds.hasNext(); ) {
            String feed = feeds.next();
            if (first.has(feed) && later.get(feed).get("frames").asLong() > first.get(feed).get("frames").asLong() + 3) {
                withVideo++;
            }
        }
        return new long[] {later.size(), withVideo};
    }

    /** In the crowd's page: fifty guests join, open their channel and publish a 160x120 canvas at 5 frames a second. */
    private static final String CROWD = """
            const [meetingId, joinToken, count] = ['%s', '%s', %d];
            const canvas = document.createElement('canvas');
            canvas.width = 160;
            canvas.height = 120;
            const g = canvas.getContext('2d');
            setInterval(() => { g.fillStyle = `hsl(${Date.now() / 20 %% 360}, 60%%, 50%%)`; g.fillRect(0, 0, 160, 120); }, 200);
            const stream = canvas.captureStream(5);
            let published = 0;
            for (let i = 1; i <= count; i++) {
              const joined = await (await fetch(`/api/meetings/${meetingId}/join`, { method: 'POST',
                headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ joinToken, displayName: 'Camera ' + i }) })).json();
              const socket = new WebSocket(`ws://${location.host}/ws/meetings/${meetingId}?ticket=${encodeURIComponent(joined.channelTicket)}`);
              await new Promise((resolve) => { socket.onopen = resolve; });
              const pc = new RTCPeerConnection(); // on this machine its own addresses do: no TURN relay taken
              stream.getTracks().forEach((t) => pc.addTransceiver(t, { direction: 'sendonly', streams: [stream] }));
              let link = null;
              const early = [];
              pc.onicecandidate = (e) => {
                const c = e.candidate ? { candidate: e.candidate.candidate, sdpMid: e.candidate.sdpMid, sdpMLineIndex: e.candidate.sdpMLineIndex } : null;
                if (link) socket.send(JSON.stringify({ type: 'media.candidate', link, candidate: c }));
                else early.push(c);
              };
              const answered = new Promise((resolve) => {
                socket.onmessage = async (m) => {
                  const message = JSON.parse(m.data);
                  if (message.type !== 'media.answer') return;
                  link = message.link;
                  await pc.setRemoteDescription({ type: 'answer', sdp: message.sdp });
                  early.splice(0).forEach((c) => socket.send(JSON.stringify({ type: 'media.candidate', link, candidate: c })));
                  resolve();
                };
              });
              await pc.setLocalDescription(await pc.createOffer());
              socket.send(JSON.stringify({ type: 'media.publish', kind: 'camera', sdp: pc.localDescription.sdp }));
              await answered;
              published++;
              (window.crowd = window.crowd || []).push({ socket, pc });
            }
            return published;
            """;
}
