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
}
