package io.convene.suite;

import static io.convene.suite.MeetingRoomIT.audit;
import static io.convene.suite.MeetingRoomIT.enterAsHost;
import static io.convene.suite.MeetingRoomIT.guest;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static io.convene.suite.Meetings.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Breakout rooms as a host runs them from the room's panel, four browsers with fake devices and the
 * real Janus: the host creates two rooms, picks a room for each guest and opens them; people in the
 * same room hear each other and nobody else (the server refuses a feed of another room even when a
 * page asks for it), a room's chat stays in it (and with the host), broadcasts reach every room, a request for help reaches the host, who goes to
 * that room and is heard there; a countdown brings everyone back to the main room and its media.
 */
class BreakoutRoomIT extends SignedInPeople {

    private static final String SNEAKY = "Five minutes left <img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script>";

    @Test
    void hostsRunBreakoutRoomsFromThePanelAndOnlyThoseInOneRoomHearEachOther() {
        Reply meeting = schedule(host, with(draft("Breakout rooms"), "allowGuests", true));
        try (Console hana = Console.withMedia()) {
            enterAsHost(hana, meeting.text("joinUrl"));
            try (Console ada = guest(meeting, "Ada"); Console ben = guest(meeting, "Ben"); Console cleo = guest(meeting, "Cleo")) {
                String adaFeed = camera(ada);
                String benFeed = camera(ben);
                String cleoFeed = camera(cleo);
                String hanaFeed = camera(hana);
                hearing(ben, Set.of(adaFeed, cleoFeed, hanaFeed), cleoFeed);

                hana.click(By.id("tab-rooms"));
                hana.type(By.id("breakout-count"), "2");
                hana.click(By.id("breakout-create"));
                pick(hana, ada, "Room 1");
                pick(hana, ben, "Room 2");
                pick(hana, cleo, "Room 2");
                hana.click(By.id("breakout-open"));

                for (Console c : new Console[] {ada, ben, cleo}) {
                    c.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("room-banner"), "You are in Room"));
                }
                assertThat(ada.browser.findElement(By.id("room-banner")).getText()).isEqualTo("You are in Room 1");
                assertThat(ben.browser.findElement(By.id("room-banner")).getText()).isEqualTo("You are in Room 2");
                hearing(ben, Set.of(cleoFeed), cleoFeed);
                hearing(cleo, Set.of(benFeed), benFeed);
                Eventually.get(() -> MediaIT.stats(ada), s -> s.size() == 0, Duration.ofSeconds(20));
                Eventually.get(() -> MediaIT.stats(hana), s -> s.size() == 0, Duration.ofSeconds(20));

                ben.click(By.id("tab-rooms"));
                ben.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("breakout-my-room"), "Cleo"));
                assertThat(ben.texts("#breakout-my-room li")).containsExactlyInAnyOrder("Ben (you)", "Cleo");
                assertThat(ben.script("""
                        window.refusedFeeds = [];
                        convene.socket.addEventListener('message', (e) => {
                          const m = JSON.parse(e.data);
                          if (m.type === 'media.refused') window.refusedFeeds.push(m.feed);
                        });
                        convene.socket.send(JSON.stringify({ type: 'media.subscribe', feed: '%s' }));
                        return true;""".formatted(adaFeed))).isEqualTo(true);
                ben.wait.until(d -> String.valueOf(ben.script("return window.refusedFeeds.join(',');")).equals(adaFeed));
                assertThat(MediaIT.stats(ben).has(adaFeed)).as("nothing of Ada's room reaches Ben").isFalse();

                ben.click(By.id("tab-chat"));
                ben.type(By.id("chat-text"), "Only for room two");
                ben.click(By.cssSelector("#chat-form button[type='submit']"));
                cleo.click(By.id("tab-chat"));
                cleo.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat"), "Only for room two"));
                hana.click(By.id("tab-chat"));
                hana.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat"), "Only for room two"));
                hana.click(By.id("tab-rooms"));
                ada.click(By.id("tab-chat"));
                assertThat(ada.browser.findElement(By.id("chat")).getText()).as("another room's chat").doesNotContain("room two");
                ben.click(By.id("tab-rooms"));

                hana.type(By.id("breakout-message"), SNEAKY);
                hana.click(By.id("breakout-broadcast"));
                ben.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("breakout-broadcasts"), "<script>"));
                ada.click(By.id("tab-rooms"));
                ada.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("breakout-broadcasts"), "Five minutes left"));
                audit(ben, "breakout rooms panel of someone in a room");

                ada.click(By.id("breakout-help"));
                hana.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("breakout-help-calls"),
                        "Ada asks for help in Room 1"));
                audit(hana, "breakout rooms panel of the host");
                hana.click(By.cssSelector("#breakout-help-calls button"));
                hana.wait.until(ExpectedConditions.textToBe(By.id("room-banner"), "You are in Room 1"));
                hearing(ada, Set.of(hanaFeed), hanaFeed);
                hearing(hana, Set.of(adaFeed), adaFeed);

                hana.type(By.id("breakout-countdown-seconds"), "5");
                hana.click(By.id("breakout-close-countdown"));
                ben.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("breakout-countdown"),
                        "Back to the main room in"));
                for (Console c : new Console[] {hana, ada, ben, cleo}) {
                    c.wait.withTimeout(Duration.ofSeconds(40)).until(ExpectedConditions.invisibilityOfElementLocated(By.id("room-banner")));
                }
                hearing(ben, Set.of(adaFeed, cleoFeed, hanaFeed), adaFeed);
                hearing(ada, Set.of(benFeed, cleoFeed, hanaFeed), benFeed);

                for (Console c : new Console[] {hana, ada, ben, cleo}) {
                    assertThat(c.script("return window.pwned === undefined;")).as("nothing in the broadcast ran").isEqualTo(true);
                }
                hana.screenshot("meeting-room-breakouts");
            }
        }
    }

    /** The page's own camera feed id. */
    private static String camera(Console page) {
        return page.script("return convene.me;") + "-camera";
    }

    /** The host picks a room for a guest in the panel; the pick stands once the server has it. */
    private static void pick(Console host, Console guest, String room) {
        String participation = String.valueOf(guest.script("return convene.me;"));
        By select = By.id("breakout-pick-" + participation);
        host.wait.until(ExpectedConditions.presenceOfElementLocated(select));
        host.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            new Select(d.findElement(select)).selectByVisibleText(room);
            return true;
        });
        host.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d ->
                String.valueOf(host.script("return window.convene && document.getElementById('breakout-pick-"
                        + participation + "').selectedOptions[0].textContent;")).equals(room)
                        && host.browser.findElement(By.id("breakout-problem")).getText().isEmpty());
    }

    /**
     * The page receives exactly these feeds, and audio of {@code sounding} keeps arriving (packets
     * grow between two reads a second apart).
     */
    private static void hearing(Console page, Set<String> feeds, String sounding) {
        JsonNode first = Eventually.get(() -> MediaIT.stats(page), s -> names(s).equals(feeds)
                && s.get(sounding).get("audioPackets").asLong() > 0, Duration.ofSeconds(45));
        JsonNode later = Eventually.get(() -> MediaIT.stats(page), s -> s.has(sounding) && s.get(sounding).get("audioPackets")
                .asLong() > first.get(sounding).get("audioPackets").asLong() + 20, Duration.ofSeconds(20));
        assertThat(names(later)).isEqualTo(feeds);
    }

    private static Set<String> names(JsonNode stats) {
        Set<String> names = new HashSet<>();
        stats.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
