package io.convene.suite;

import static io.convene.suite.ConveneSuite.demoPassword;
import static io.convene.suite.ConveneSuite.text;
import static io.convene.suite.Meetings.HOST;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static io.convene.suite.Meetings.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The meeting room as a host runs it, each person in a browser of their own (headless Chromium with
 * fake devices), asserting what the other side sees: the host lets a guest in from the people panel,
 * mutes them, removes them (confirmed) and lets them back; names are text, never markup; the panel
 * passes an accessibility audit.
 */
class MeetingRoomIT extends SignedInPeople {

    private static final String SNEAKY = "Gina <img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script>";

    @Test
    void theHostLetsAGuestInMutesRemovesAndLetsThemBackFromThePeoplePanel() {
        Reply meeting = schedule(host, with(draft("People panel"), "waitingRoom", true, "allowGuests", true));
        String id = meeting.text("id");
        try (Console hana = Console.withMedia(); Console gina = Console.withMedia()) {
            enterAsHost(hana, meeting.text("joinUrl"));

            gina.browser.get(meeting.text("joinUrl"));
            gina.type(By.id("display-name"), SNEAKY);
            gina.click(By.id("join"));
            gina.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("waiting")));

            By admit = By.cssSelector("#waiting-list button[aria-label^='Admit Gina']");
            hana.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("waiting-title"), "Waiting (1)"));
            assertThat(hana.browser.findElement(By.id("waiting-list")).getText()).as("the name is shown as text")
                    .contains("<img src=x");
            audit(hana, "people panel with someone waiting");
            hana.click(admit);
            gina.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("meeting")));
            hana.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("waiting-room")));

            hana.click(By.cssSelector("#people button[aria-label^='Mute Gina']"));
            gina.wait.until(ExpectedConditions.attributeToBe(By.id("mic"), "aria-pressed", "false"));
            assertThat(text("select audio_on::text from participations where meeting_id = '" + id
                    + "' and guest_name like 'Gina%'")).isEqualTo("false");
            hana.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("people"), "muted"));

            hana.click(By.cssSelector("#people button[aria-label^='Remove Gina']"));
            hana.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
            audit(hana, "confirmation dialog");
            hana.click(By.id("confirm-yes"));
            gina.wait.until(ExpectedConditions.textToBe(By.id("gone-title"), "You were removed from the meeting"));

            gina.browser.get(meeting.text("joinUrl"));
            gina.type(By.id("display-name"), "Gina again");
            gina.click(By.id("join"));
            gina.wait.until(ExpectedConditions.textToBe(By.id("join-problem"), "You were removed from this meeting"));

            hana.click(By.cssSelector("#removed-list button[aria-label^='Let back in Gina']"));
            hana.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("removed-list")));
            gina.click(By.id("join"));
            gina.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("waiting")));
            hana.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("waiting-list"), "Gina again"));

            assertThat(hana.script("return window.pwned === undefined;")).as("nothing in the name ran").isEqualTo(true);
            assertThat(gina.script("return window.pwned === undefined;")).isEqualTo(true);
            hana.screenshot("meeting-room-people-panel");
        }
    }

    @Test
    void hostsLockTheMeetingAndEndItForEveryoneOnlyWhenTheyConfirm() {
        Reply meeting = schedule(host, with(draft("Meeting controls"), "allowGuests", true,
                "settings", Map.of("joinBeforeHost", true)));
        try (Console hana = Console.withMedia(); Console gus = Console.withMedia()) {
            enterAsHost(hana, meeting.text("joinUrl"));
            gus.browser.get(meeting.text("joinUrl"));
            gus.type(By.id("display-name"), "Gus Guest");
            gus.click(By.id("join"));
            gus.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("meeting")));
            assertThat(gus.browser.findElement(By.id("meeting-controls")).isDisplayed())
                    .as("participants get no meeting controls").isFalse();
            assertThat(gus.browser.findElements(By.cssSelector("#people .person-actions"))).isEmpty();

            hana.click(By.cssSelector("#meeting-controls [data-action='LOCK']"));
            hana.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#meeting-controls [data-action='UNLOCK']")));
            assertThat(text("select locked::text from meetings where id = '" + meeting.text("id") + "'")).isEqualTo("true");

            hana.click(By.cssSelector("#meeting-controls [data-action='END']"));
            hana.click(By.id("confirm-no"));
            assertThat(text("select status from meetings where id = '" + meeting.text("id") + "'")).isEqualTo("LIVE");
            hana.click(By.cssSelector("#meeting-controls [data-action='END']"));
            hana.click(By.id("confirm-yes"));
            gus.wait.until(ExpectedConditions.textToBe(By.id("gone-title"), "The meeting has ended"));
            assertThat(text("select status from meetings where id = '" + meeting.text("id") + "'")).isEqualTo("ENDED");
        }
    }

    @Test
    void handsQueueInOrderForTheHostAndReactionsShowOnTheSendersTile() {
        Reply meeting = schedule(host, with(draft("Hands and reactions"), "allowGuests", true,
                "settings", Map.of("joinBeforeHost", true)));
        try (Console hana = Console.withMedia(); Console ann = guest(meeting, "Ann Asker"); Console bob = guest(meeting, "Bob Second")) {
            enterAsHost(hana, meeting.text("joinUrl"));
            ann.click(By.id("hand"));
            ann.wait.until(ExpectedConditions.attributeToBe(By.id("hand"), "aria-pressed", "true"));
            hana.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("hands-list"), "Ann Asker"));
            bob.click(By.id("hand"));
            hana.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("hands-title"), "Raised hands (2)"));
            assertThat(hana.texts("#hands-list .name"))
                    .as("first raised first").containsExactly("Ann Asker", "Bob Second");
            assertThat(bob.browser.findElement(By.id("hands")).isDisplayed()).as("the queue is for hosts").isFalse();

            hana.click(By.cssSelector("#hands-list button[aria-label^='Lower hand Ann']"));
            ann.wait.until(ExpectedConditions.attributeToBe(By.id("hand"), "aria-pressed", "false"));
            hana.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("hands-title"), "Raised hands (1)"));

            String annCamera = MediaIT.me(ann) + "-camera";
            hana.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-feed='" + annCamera + "']")));
            ann.click(By.cssSelector(".reactions button[data-emoji='👏']"));
            hana.wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("[data-feed='" + annCamera + "'] .reaction"), "👏"));
        }
    }

    @Test
    void aRecordingStartedFromTheButtonIsAnnouncedBeforeLateComersSendMediaAndBecomesPlayable() {
        Reply meeting = schedule(host, with(draft("Recorded from the room"), "allowGuests", true,
                "settings", Map.of("joinBeforeHost", true)));
        String id = meeting.text("id");
        try (Console hana = Console.withMedia(); Console gus = Console.withMedia()) {
            enterAsHost(hana, meeting.text("joinUrl"));
            hana.wait.until(d -> Boolean.TRUE.equals(hana.script("return !!convene.publishers.camera;")));
            hana.click(By.id("record"));
            hana.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("recording")));
            hana.wait.until(ExpectedConditions.attributeToBe(By.id("record"), "aria-pressed", "true"));

            gus.browser.get(meeting.text("joinUrl"));
            gus.type(By.id("display-name"), "Gus Late");
            gus.click(By.id("join"));
            gus.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
            assertThat(gus.browser.findElement(By.id("confirm-text")).getText()).contains("being recorded");
            assertThat(gus.script("return Object.keys(convene.publishers).length;")).as("nothing sent before they know")
                    .isEqualTo(0L);
            gus.click(By.id("confirm-yes"));
            gus.wait.until(d -> Boolean.TRUE.equals(gus.script("return !!convene.publishers.camera;")));
            assertThat(gus.browser.findElement(By.id("recording")).isDisplayed()).isTrue();
            assertThat(gus.browser.findElement(By.id("record")).isDisplayed()).as("participants cannot stop it").isFalse();

            hana.click(By.id("record"));
            gus.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("recording")));
        }
        Reply list = ConveneSuite.api().get("/api/meetings/" + id + "/recordings", host);
        assertThat(list.json()).hasSize(1);
        String recording = list.json().get(0).path("id").asText();
        Reply ready = Eventually.get(() -> ConveneSuite.api().get("/api/recordings/" + recording, host),
                r -> !"PROCESSING".equals(r.text("status")), java.time.Duration.ofSeconds(120));
        assertThat(ready.text("status")).as(ready.toString()).isEqualTo("READY");
        assertThat(ready.json().path("sizeBytes").asLong()).isPositive();
    }

    @Test
    void aPageReceivesVideoOnlyForTheTilesItShowsAndTheSoundOfWhoeverHasTheirMicrophoneOn() {
        Reply meeting = schedule(host, with(draft("Pages of tiles"), "allowGuests", true));
        try (Console hana = Console.withMedia()) {
            enterAsHost(hana, meeting.text("joinUrl") + "&tiles=1"); // a page of one tile: two guests fill two pages
            try (Console ada = guest(meeting, "Ada"); Console ben = guest(meeting, "Ben")) {
                String adaFeed = ada.script("return convene.me;") + "-camera";
                String benFeed = ben.script("return convene.me;") + "-camera";
                hana.wait.withMessage(() -> "the host's page knows " + hana.script("return JSON.stringify([[...convene.feeds.keys()],"
                        + " location.search, document.getElementById('status').textContent]);"))
                        .until(ExpectedConditions.textToBe(By.id("page-label"), "Page 1 of 2"));
                String first = String.valueOf(Eventually.get(() -> hana.script("return [...convene.shown].join(',');"),
                        shown -> List.of(adaFeed, benFeed).contains(String.valueOf(shown)), java.time.Duration.ofSeconds(20)));
                String second = first.equals(adaFeed) ? benFeed : adaFeed;
                seenAndHeard(hana, first, second);

                Console secondPage = second.equals(adaFeed) ? ada : ben;
                secondPage.click(By.id("mic"));
                secondPage.wait.until(ExpectedConditions.attributeToBe(By.id("mic"), "aria-pressed", "false"));
                Eventually.get(() -> MediaIT.stats(hana), s -> !s.has(second), java.time.Duration.ofSeconds(20));
                assertThat(hana.texts("#grid .tile:not(.mine)")).as("one tile shown").hasSize(1);

                hana.click(By.id("page-next"));
                hana.wait.until(ExpectedConditions.textToBe(By.id("page-label"), "Page 2 of 2"));
                seenAndHeard(hana, second, first); // the muted one seen now; the first, still unmuted, only heard
                audit(hana, "room with pages of tiles");
            }
        }
    }

    /** {@code seen} sends video frames to the page; {@code heard} only its sound (no frames arrive any more). */
    private static void seenAndHeard(Console page, String seen, String heard) {
        Eventually.get(() -> MediaIT.stats(page), s -> s.has(seen) && s.has(heard) && s.get(seen).get("frames").asLong() > 0
                && s.get(heard).get("audioPackets").asLong() > 0, java.time.Duration.ofSeconds(45));
        long[] heardOverTwoSeconds = Eventually.get(() -> growth(page, heard), g -> g != null && g[0] <= 2,
                java.time.Duration.ofSeconds(30));
        assertThat(heardOverTwoSeconds[1]).as("the sound of the feed off the page goes on").isGreaterThan(20);
        assertThat(growth(page, seen)[0]).as("video of the tile shown: a second's frames in two at least")
                .isGreaterThanOrEqualTo(Console.CAMERA_FPS);
    }

    /** How many video frames and audio packets of the feed arrived in two seconds (null: not received). */
    private static long[] growth(Console page, String feed) {
        com.fasterxml.jackson.databind.JsonNode before = MediaIT.stats(page).get(feed);
        com.fasterxml.jackson.databind.JsonNode after = MediaIT.later(page, feed, 2);
        return before == null || after == null ? null : new long[] {
            after.get("frames").asLong() - before.get("frames").asLong(),
            after.get("audioPackets").asLong() - before.get("audioPackets").asLong()};
    }

    @Test
    void aHostWhoLeavesHandsTheMeetingToSomeoneFirst() {
        Reply meeting = schedule(host, with(draft("Hand over"), "invitees", List.of(Meetings.PARTICIPANT)));
        String id = meeting.text("id");
        try (Console hana = Console.withMedia(); Console pablo = Console.withMedia()) {
            enterAsHost(hana, meeting.text("joinUrl"));
            enterAs(pablo, meeting.text("joinUrl"), Meetings.PARTICIPANT);
            hana.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("people"), "Pablo"));
            assertThat(pablo.browser.findElement(By.id("record")).isDisplayed()).as("not a host yet").isFalse();

            hana.click(By.id("leave"));
            hana.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("leave-dialog")));
            audit(hana, "host's leaving dialog");
            hana.click(By.id("leave-stay"));
            hana.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("leave-dialog")));
            assertThat(hana.browser.findElement(By.id("meeting")).isDisplayed()).as("staying stays").isTrue();

            hana.click(By.id("leave"));
            new org.openqa.selenium.support.ui.Select(hana.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("leave-successor")))).selectByVisibleText(
                    hana.browser.findElement(By.cssSelector("#leave-successor option")).getText());
            assertThat(hana.texts("#leave-successor option")).hasSize(1).allMatch(name -> name.startsWith("Pablo"));
            hana.click(By.id("leave-hand-over"));
            hana.wait.until(ExpectedConditions.textToBe(By.id("gone-title"), "You left the meeting"));
            pablo.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("record")));
            assertThat(text("select p.role from participations p join users u on u.id = p.user_id where p.meeting_id = '"
                    + id + "' and u.email = '" + Meetings.PARTICIPANT + "'")).isEqualTo("HOST");
            assertThat(text("select status from meetings where id = '" + id + "'")).as("the meeting goes on").isEqualTo("LIVE");
        }
    }

    @Test
    void devicesChangeDuringTheMeetingWithoutBreakingTheCallAndTheLayoutFollowsThePin() {
        Reply meeting = schedule(host, with(draft("Devices and layout"), "allowGuests", true,
                "settings", Map.of("joinBeforeHost", true)));
        try (Console hana = Console.withMedia(); Console gus = guest(meeting, "Gus Switcher")) {
            enterAsHost(hana, meeting.text("joinUrl"));
            String gusCamera = MediaIT.me(gus) + "-camera";
            MediaIT.flowing(hana, gusCamera);
            String before = (String) gus.script("return convene.publishers.camera.pc.getSenders()"
                    + ".find(s => s.track && s.track.kind === 'video').track.id;");

            gus.click(By.id("devices"));
            gus.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("devices-dialog")));
            audit(gus, "devices dialog");
            gus.script("const c = document.getElementById('meeting-camera');"
                    + "c.selectedIndex = c.options.length - 1; c.dispatchEvent(new Event('change'));");
            gus.wait.until(d -> !before.equals(gus.script("return convene.publishers.camera.pc.getSenders()"
                    + ".find(s => s.track && s.track.kind === 'video').track.id;")));
            assertThat(gus.script("return convene.local.getVideoTracks().length;")).as("one camera sent").isEqualTo(1L);
            long frames = MediaIT.stats(hana).path(gusCamera).path("frames").asLong();
            hana.wait.until(d -> MediaIT.stats(hana).path(gusCamera).path("frames").asLong() > frames + 20);
            gus.click(By.id("devices-close"));

            hana.click(By.cssSelector("[data-feed='" + gusCamera + "'] .pin"));
            hana.wait.until(ExpectedConditions.attributeContains(By.cssSelector("[data-feed='" + gusCamera + "']"), "class", "focus"));
            Object widths = hana.script("const tiles = [...document.querySelectorAll('#grid .tile')];"
                    + "return tiles.map(t => t.classList.contains('focus') + ':' + t.clientWidth);");
            Long mine = (Long) hana.script("return document.querySelector('#grid .tile.mine').clientWidth;");
            Long pinned = (Long) hana.script("return document.querySelector(\"[data-feed='" + gusCamera + "']\").clientWidth;");
            assertThat(pinned).as("the pinned tile is the large one: " + widths).isGreaterThan(mine * 2);

            hana.click(By.id("self-view"));
            hana.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#grid .tile.mine")));
            hana.click(By.id("fullscreen"));
            hana.wait.until(d -> Boolean.TRUE.equals(hana.script("return document.fullscreenElement === document.getElementById('meeting');")));
        }
    }

    @Test
    void onAPhoneInGermanTheRoomSpeaksGermanAndShowsTheVideoAndOnePanel() {
        Reply meeting = schedule(host, with(draft("Telefon"), "allowGuests", true, "settings", Map.of("joinBeforeHost", true)));
        ConveneSuite.api().post("/api/meetings/" + meeting.text("id") + "/join", host, Map.of());
        try (Console phone = Console.phoneInGerman()) {
            phone.browser.get(meeting.text("joinUrl"));
            phone.wait.until(ExpectedConditions.textToBe(By.id("join"), "Beitreten"));
            assertThat(phone.browser.findElement(By.id("prejoin-title")).getText()).isEqualTo("Dem Meeting beitreten");
            assertThat(phone.script("return document.documentElement.lang;")).isEqualTo("de");
            phone.type(By.id("display-name"), "Greta Gast");
            phone.click(By.id("join"));
            phone.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("meeting")));
            phone.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("people"), "(Sie)"));
            assertThat(phone.browser.findElement(By.id("tab-people")).getText()).isEqualTo("Teilnehmende");
            assertThat(phone.browser.findElement(By.id("leave")).getText()).isEqualTo("Verlassen");
            phone.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#grid .tile.mine")));
            assertThat(phone.texts("[role='tabpanel']:not([hidden])")).as("one panel at a time").hasSize(1);
            Object wide = phone.script("return [...document.querySelectorAll('body *')].filter(e => e.offsetParent !== null"
                    + " && e.getBoundingClientRect().right > 376).slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className"
                    + " + ':' + Math.round(e.getBoundingClientRect().right)).join(' ');");
            assertThat((Long) phone.script("return document.documentElement.scrollWidth;"))
                    .as("nothing wider than the phone: " + wide).isLessThanOrEqualTo(375L);
            phone.click(By.id("tab-chat"));
            assertThat(phone.browser.findElement(By.id("chat-text")).isDisplayed()).isTrue();
            audit(phone, "room on a phone, in German");
            phone.screenshot("meeting-room-phone-de");
        }
    }

    static Console guest(Reply meeting, String name) {
        return joinedAsGuest(Console.withMedia(), meeting, name);
    }

    /** The browser joins as a guest; a browser that does not get in is closed, not left running. */
    static Console joinedAsGuest(Console c, Reply meeting, String name) {
        try {
            c.browser.get(meeting.text("joinUrl"));
            c.type(By.id("display-name"), name);
            c.click(By.id("join"));
            c.wait.withMessage(c::describe).until(ExpectedConditions.visibilityOfElementLocated(By.id("meeting")));
            return c;
        } catch (RuntimeException | Error e) {
            c.close();
            throw e;
        }
    }

    /** The host opens the invitation's link, signs in on Keycloak's page and joins. */
    static void enterAsHost(Console page, String joinUrl) {
        enterAs(page, joinUrl, HOST);
    }

    /**
     * Someone with an account opens the invitation's link in a browser not signed in yet, signs in on
     * Keycloak's page — straight away for a meeting without guests, else after "Sign in" — and is back
     * inside the meeting (no second click).
     */
    static void enterAs(Console page, String joinUrl, String email) {
        page.browser.get(joinUrl);
        page.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class) // the page may go to Keycloak's meanwhile
                .until(d -> !d.findElements(By.id("username")).isEmpty()
                || d.findElements(By.id("sign-in")).stream().anyMatch(org.openqa.selenium.WebElement::isDisplayed));
        if (page.browser.findElements(By.id("username")).isEmpty()) {
            page.click(By.id("sign-in"));
        }
        page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(email);
        page.browser.findElement(By.id("password")).sendKeys(demoPassword());
        page.browser.findElement(By.id("kc-login")).click();
        page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("people"), "(you)"));
    }

    /** axe-core in the page as it is now: no serious or critical violation. */
    static void audit(Console page, String what) {
        Results results = new AxeBuilder().analyze(page.browser);
        List<String> bad = results.getViolations().stream()
                .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
                .map(MeetingRoomIT::describe).toList();
        assertThat(bad).as("accessibility of the " + what).isEmpty();
    }

    private static String describe(Rule r) {
        return r.getId() + " (" + r.getImpact() + "): " + r.getHelp() + " at "
                + r.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList();
    }
}
