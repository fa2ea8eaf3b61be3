package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static io.convene.suite.Meetings.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The meeting room's chat, each person in a browser of their own: a private message reaches only its
 * two ends; a file sent in chat is downloaded byte-identical by another; links are links and markup
 * is text; reactions on messages reach the sender; history pages upward; unread messages are
 * counted; a reconnect loses and doubles nothing; private chat turned off by the host is gone.
 */
class ChatRoomIT extends SignedInPeople {

    @Test
    void privateMessagesFilesLinksAndReactionsBetweenBrowsers() throws Exception {
        Reply meeting = schedule(host, with(draft("Chat in the room"), "allowGuests", true,
                "settings", Map.of("joinBeforeHost", true)));
        Path downloads = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "downloads");
        Path file = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "plan", ".bin");
        byte[] bytes = new byte[300_000];
        new Random(7).nextBytes(bytes);
        Files.write(file, bytes);
        try (Console hana = Console.withMedia(); Console ann = MeetingRoomIT.guest(meeting, "Ann Sender");
             Console bob = guestDownloadingTo(meeting, "Bob Receiver", downloads)) {
            MeetingRoomIT.enterAsHost(hana, meeting.text("joinUrl"));
            for (Console page : List.of(hana, ann, bob)) {
                page.click(By.id("tab-chat"));
            }
            ann.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-to"), "Bob Receiver"));
            assertThat(ann.browser.findElement(By.cssSelector("label[for='chat-file']")).getText())
                    .as("the limit is said before uploading").contains("10 MB");

            new Select(ann.browser.findElement(By.id("chat-to"))).selectByVisibleText("Bob Receiver");
            ann.type(By.id("chat-text"), "psst <img src=x onerror=\"window.pwned=1\"> see https://example.org/plan?v=1 not javascript:alert(1)");
            ann.click(By.cssSelector("#chat-form button[type='submit']"));
            bob.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat"), "psst"));
            ann.wait.until(d -> ann.browser.findElement(By.id("chat-text")).getAttribute("value").isEmpty()); // answered
            assertThat(ann.script("return performance.getEntriesByType('resource')"
                    + ".filter((e) => e.name.includes('/chat/send')).length;"))
                    .as("a message without a file goes on the channel, not as a request of its own").isEqualTo(0L);
            WebElement privateLine = bob.browser.findElement(By.cssSelector("#chat .message.private"));
            assertThat(privateLine.getText()).contains("(privately to you)").contains("<img src=x");
            assertThat(privateLine.findElement(By.cssSelector("a")).getAttribute("href")).isEqualTo("https://example.org/plan?v=1");
            assertThat(privateLine.findElement(By.cssSelector("a")).getAttribute("rel")).contains("noopener");
            assertThat(bob.browser.findElements(By.cssSelector("#chat a[href^='javascript']"))).isEmpty();
            assertThat(bob.script("return window.pwned === undefined;")).as("markup is text").isEqualTo(true);

            new Select(ann.browser.findElement(By.id("chat-to"))).selectByVisibleText("Everyone");
            ann.type(By.id("chat-text"), "here is the plan");
            ann.browser.findElement(By.id("chat-file")).sendKeys(file.toString());
            ann.click(By.cssSelector("#chat-form button[type='submit']"));
            hana.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat"), "here is the plan"));
            assertThat(hana.browser.findElement(By.id("chat")).getText()).as("the private message went to Bob alone")
                    .doesNotContain("psst");

            bob.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat"), "here is the plan"));
            bob.click(By.cssSelector("#chat .attachment"));
            Path saved = downloads.resolve(file.getFileName().toString());
            Eventually.get(() -> Files.exists(saved) && size(saved) == bytes.length, ok -> ok, Duration.ofSeconds(20));
            assertThat(Files.readAllBytes(saved)).as("byte-identical").isEqualTo(bytes);

            bob.click(By.xpath("//li[contains(., 'here is the plan')]//button[starts-with(@aria-label, 'React with 👍')]"));
            ann.wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.xpath("//li[contains(., 'here is the plan')]//span[@class='message-reactions']"), "👍 1"));
            MeetingRoomIT.audit(ann, "chat panel");

            hana.click(By.id("tab-people"));
            hana.click(By.cssSelector("#meeting-controls [data-action='FORBID_PRIVATE_CHAT']"));
            ann.wait.until(d -> new Select(d.findElement(By.id("chat-to"))).getOptions().size() == 1);
        }
    }

    @Test
    void historyPagesUpwardUnreadIsCountedAndAReconnectLosesNothing() {
        Meetings.Gathering g = Meetings.gather(host, pablo, cora, with(draft("Long chat"), "allowGuests", true));
        String base = "/api/meetings/" + g.id();
        for (int i = 0; i < 60; i++) {
            api().post(base + "/chat/send", pablo, Map.of("clientMessageId", UUID.randomUUID().toString(), "text", "old message " + i));
        }
        try (Console gail = MeetingRoomIT.guest(g.meeting(), "Gail Late")) {
            gail.click(By.id("tab-chat"));
            gail.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat"), "old message 59"));
            assertThat(texts(gail)).as("the newest page").hasSize(50).doesNotContain("old message 9");
            gail.click(By.id("chat-earlier"));
            gail.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat"), "old message 0"));
            assertThat(texts(gail)).hasSize(60).doesNotHaveDuplicates();
            gail.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("chat-earlier")));

            gail.script("document.getElementById('chat').scrollTop = 0;");
            api().post(base + "/chat/send", pablo, Map.of("clientMessageId", UUID.randomUUID().toString(), "text", "while you read"));
            gail.wait.until(ExpectedConditions.textToBe(By.id("chat-unread"), "1 unread"));
            gail.click(By.id("tab-people"));
            api().post(base + "/chat/send", pablo, Map.of("clientMessageId", UUID.randomUUID().toString(), "text", "while away"));
            gail.wait.until(ExpectedConditions.textToBe(By.id("tab-chat"), "Chat (2)"));
            gail.click(By.id("tab-chat"));
            assertThat(gail.browser.findElement(By.id("chat-unread")).getText()).as("still above the end").isEqualTo("2 unread");
            gail.script("const c = document.getElementById('chat'); c.scrollTop = c.scrollHeight;");
            gail.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("chat-unread")));

            gail.script("convene.socket.close();");
            for (int i = 0; i < 5; i++) {
                api().post(base + "/chat/send", pablo, Map.of("clientMessageId", UUID.randomUUID().toString(), "text", "meanwhile " + i));
            }
            gail.wait.until(d -> "Reconnected".equals(d.findElement(By.id("status")).getText()));
            gail.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat"), "meanwhile 4"));
            List<String> all = texts(gail);
            assertThat(all.stream().filter(m -> m.contains("meanwhile"))).as("each once after the reconnect").hasSize(5);
            assertThat(all).doesNotHaveDuplicates();
        }
    }

    private static Console guestDownloadingTo(Reply meeting, String name, Path downloads) {
        return MeetingRoomIT.joinedAsGuest(Console.withMediaDownloadingTo(downloads), meeting, name);
    }

    /** Each message's text as the page shows it, in order. */
    private static List<String> texts(Console page) {
        return page.texts("#chat .message .text");
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
