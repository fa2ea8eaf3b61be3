package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static io.convene.suite.Meetings.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The whiteboard in the meeting room with three people drawing at once, each in a browser of their
 * own: every stroke reaches the others while it is drawn (they see it before it is finished), all
 * three boards end alike, undo takes back only one's own, text is drawn (never markup), a locked
 * board takes no drawing from participants, a cleared board is empty for everyone. Prints the delay
 * from sending a stroke to seeing it in another browser (docs/benchmarks.md).
 */
class WhiteboardRoomIT extends SignedInPeople {

    @Test
    void threePeopleDrawAtOnceAndSeeEachOthersStrokesWhileTheyAreDrawn() throws Exception {
        Reply meeting = schedule(host, with(draft("Whiteboard room"), "allowGuests", true, "settings", Map.of("joinBeforeHost", true)));
        String id = meeting.text("id");
        try (Console hana = Console.withMedia(); Console ann = MeetingRoomIT.guest(meeting, "Ann Drawer");
             Console bob = MeetingRoomIT.guest(meeting, "Bob Drawer")) {
            MeetingRoomIT.enterAsHost(hana, meeting.text("joinUrl"));
            List<Console> all = List.of(hana, ann, bob);
            all.forEach(page -> page.click(By.id("tab-board")));
            hana.click(By.id("board-start"));
            all.forEach(page -> page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("board"))));

            List<CompletableFuture<Void>> strokes = new ArrayList<>();
            int row = 0;
            for (Console page : all) {
                int lane = row++;
                strokes.add(CompletableFuture.runAsync(() -> stroke(page, lane)));
            }
            strokes.forEach(CompletableFuture::join);
            for (Console page : all) {
                page.wait.until(d -> objects(page) == 3);
            }

            List<Long> delays = new ArrayList<>();
            for (Console drawer : all) {
                JsonNode mine = figures(drawer).get("sent");
                String object = mine.fieldNames().next();
                int finalPoints = Eventually.get(() -> points(drawer, object), p -> p > 0, Duration.ofSeconds(5));
                for (Console other : all) {
                    if (other == drawer) {
                        continue;
                    }
                    JsonNode seen = figures(other).get("seen").get(object);
                    assertThat(seen.get("points").asInt()).as("seen while still being drawn").isLessThan(finalPoints);
                    delays.add(seen.get("at").asLong() - mine.get(object).asLong());
                }
            }
            delays.sort(Long::compare);
            System.out.printf("WhiteboardRoomIT figures: three drawers, first sight of a stroke in another browser "
                    + "after it was first sent: p50 %d ms, max %d ms (%d samples)%n",
                    delays.get(delays.size() / 2), delays.get(delays.size() - 1), delays.size());

            ann.click(By.id("board-undo"));
            for (Console page : all) {
                page.wait.until(d -> objects(page) == 2);
            }

            bob.click(By.cssSelector("#board-tools [data-tool='TEXT']"));
            bob.type(By.id("board-text"), "<img src=x onerror=\"window.pwned=1\">");
            new Actions(bob.browser).moveToElement(bob.browser.findElement(By.id("board")), 0, 5).click().perform();
            hana.wait.until(d -> objects(hana) == 3);
            assertThat(hana.script("return window.pwned === undefined && !document.querySelector('#board-panel img');"))
                    .as("text is drawn, never markup").isEqualTo(true);
            Reply png = api().send("GET", "/api/meetings/" + id + "/whiteboard/export?format=png", host, null, Map.of());
            assertThat(png.status()).isEqualTo(200);
            assertThat(png.contentType()).isEqualTo("image/png");

            hana.click(By.id("board-lock"));
            ann.wait.until(d -> !d.findElement(By.cssSelector("#board-tools [data-tool='PATH']")).isEnabled());
            hana.click(By.id("board-clear"));
            for (Console page : all) {
                page.wait.until(d -> objects(page) == 0);
            }
            MeetingRoomIT.audit(ann, "whiteboard panel");
        }
    }

    /** A freehand stroke across the board in one of three lanes, over about two seconds, as a hand would draw it. */
    private static void stroke(Console page, int lane) {
        WebElement board = page.browser.findElement(By.id("board"));
        int width = board.getRect().getWidth();
        int height = board.getRect().getHeight();
        Actions hand = new Actions(page.browser)
                .moveToElement(board, -width / 2 + 10, -height / 3 + lane * height / 3).clickAndHold();
        int step = (width - 20) / 20;
        for (int i = 0; i < 20; i++) {
            hand.moveByOffset(step, (i % 2 == 0) ? 3 : -3).pause(Duration.ofMillis(100));
        }
        hand.release().perform();
    }

    private static long objects(Console page) {
        return (Long) page.script("return window.convene.board.objectCount();");
    }

    private static int points(Console page, String object) {
        return ((Long) page.script("return window.convene.board.pointsOf('" + object + "');")).intValue();
    }

    private static JsonNode figures(Console page) throws Exception {
        return Api.JSON.readTree((String) page.script("return JSON.stringify(window.convene.board.figures());"));
    }
}
