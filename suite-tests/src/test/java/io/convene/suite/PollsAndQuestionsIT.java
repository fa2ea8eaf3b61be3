package io.convene.suite;

import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static io.convene.suite.Meetings.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Polls and Q&A in the meeting room, host and participants each in a browser of their own: a poll
 * launched by the host is answered by two participants and the host sees the counts grow, a changed
 * vote moves, a closed poll takes no more; questions are asked, upvoted into order, answered in
 * writing and dismissed, and everyone sees it. Text full of markup stays text.
 */
class PollsAndQuestionsIT extends SignedInPeople {

    @Test
    void aPollLaunchedByTheHostIsAnsweredAndTheHostSeesTheCounts() {
        try (Room room = Room.open("Room polls", "tab-polls", "Ann Voter", "Bob Voter")) {
            Console hana = room.hana();
            Console ann = room.ann();
            Console bob = room.bob();
            assertThat(ann.browser.findElement(By.id("poll-form")).isDisplayed()).as("participants do not launch polls").isFalse();
            hana.type(By.id("poll-question"), "Lunch <script>window.pwned=1</script>?");
            hana.browser.findElement(By.id("poll-options")).sendKeys("<b>Tea</b>\nCoffee");
            hana.click(By.id("poll-launch"));
            MeetingRoomIT.audit(hana, "polls panel");

            vote(ann, "<b>Tea</b>");
            vote(bob, "Coffee");
            hana.wait.until(d -> counts(hana).equals(List.of("1", "1")));
            vote(bob, "<b>Tea</b>");
            hana.wait.until(d -> counts(hana).equals(List.of("2", "0")));
            ann.wait.until(d -> counts(ann).equals(List.of("2", "0")));
            assertThat(ann.script("return window.pwned === undefined;")).isEqualTo(true);

            hana.click(By.cssSelector(".poll .close-poll"));
            ann.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".poll .vote")));
            assertThat(ann.browser.findElement(By.cssSelector(".poll input[type='radio']")).isEnabled()).isFalse();
        }
    }

    @Test
    void questionsAreAskedUpvotedIntoOrderAnsweredAndDismissed() {
        try (Room room = Room.open("Room Q&A", "tab-qa", "Ann Asker", "Bob Asker")) {
            Console hana = room.hana();
            Console ann = room.ann();
            Console bob = room.bob();
            ask(bob, "Is the canteen open?");
            ask(ann, "When is the <img src=x onerror=window.pwned=1> launch?");
            hana.wait.until(d -> questions(hana).size() == 2);
            bob.click(By.xpath("//li[contains(., 'launch')]//button[contains(@class, 'upvote')]"));
            hana.wait.until(d -> questions(hana).get(0).contains("launch"));
            MeetingRoomIT.audit(hana, "Q&A panel");

            hana.browser.findElement(By.xpath("//li[contains(., 'launch')]//input[contains(@class, 'answer-text')]"))
                    .sendKeys("In March");
            hana.click(By.xpath("//li[contains(., 'launch')]//button[contains(@class, 'answer-send')]"));
            ann.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("questions"), "Answer: In March"));
            hana.click(By.xpath("//li[contains(., 'canteen')]//button[contains(@class, 'dismiss')]"));
            bob.wait.until(d -> questions(bob).size() == 1);
            assertThat(questions(bob).get(0)).contains("<img src=x");
            assertThat(bob.script("return window.pwned === undefined;")).isEqualTo(true);
        }
    }

    /** A live meeting with the host signed in on the page and two guests, each with the same panel open. */
    record Room(Console hana, Console ann, Console bob) implements AutoCloseable {

        static Room open(String title, String tab, String annName, String bobName) {
            Reply meeting = schedule(host, with(draft(title), "allowGuests", true, "settings", Map.of("joinBeforeHost", true)));
            Room room = new Room(Console.withMedia(), MeetingRoomIT.guest(meeting, annName), MeetingRoomIT.guest(meeting, bobName));
            MeetingRoomIT.enterAsHost(room.hana, meeting.text("joinUrl"));
            for (Console page : List.of(room.hana, room.ann, room.bob)) {
                page.click(By.id(tab));
            }
            return room;
        }

        @Override
        public void close() {
            List.of(hana, ann, bob).forEach(Console::close);
        }
    }

    private static void vote(Console page, String option) {
        page.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".poll")));
        page.click(By.xpath("//div[@class='poll-option'][label[normalize-space(.)='" + option + "']]//input"));
        page.click(By.cssSelector(".poll .vote"));
    }

    private static List<String> counts(Console page) {
        return page.texts(".poll .count");
    }

    private static void ask(Console page, String question) {
        page.type(By.id("qa-text"), question);
        page.click(By.cssSelector("#qa-form button[type='submit']"));
    }

    private static List<String> questions(Console page) {
        return page.texts("#questions .question .text");
    }
}
