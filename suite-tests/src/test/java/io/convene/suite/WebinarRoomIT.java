package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.demoPassword;
import static io.convene.suite.ConveneSuite.text;
import static io.convene.suite.Meetings.HOST;
import static io.convene.suite.MeetingRoomIT.audit;
import static io.convene.suite.MeetingRoomIT.enterAsHost;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A webinar as a host runs it: scheduled from the home page with "Webinar" ticked; in the room the
 * audience watches and listens — no camera, microphone or screen offered, and the server refuses a
 * publication even when a page sends one — until the host makes someone a panelist from the people
 * panel: their camera reaches the others; sent back to the audience, it stops at the server, even
 * from a page that keeps its connection open and hangs up nothing.
 */
class WebinarRoomIT extends SignedInPeople {

    private static final java.util.function.Supplier<String> JANUS =
            () -> ConveneSuite.get().applicationConfig().get("convene.media.janus-url");
    /** The further Janus the suite runs for webinars' audiences. */
    private static final java.util.function.Supplier<String> AUDIENCE_JANUS =
            () -> ConveneSuite.get().applicationConfig().get("convene.media.janus-audience-urls");

    @Test
    void theAudienceWatchesUntilTheHostBringsSomeoneOnStageAndBack() {
        String id;
        try (Console home = Console.open(1200, 900)) {
            HomeIT.signInAtHome(home, HOST, demoPassword());
            home.click(By.cssSelector("#nav a[href='/home/schedule']"));
            home.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Schedule a meeting"));
            ZoneId zone = ZoneId.of(home.browser.findElement(By.id("time-zone")).getAttribute("value"));
            ThreadLocalRandom random = ThreadLocalRandom.current();
            // days no other test schedules on (the API-scheduled slots start 60 days ahead): no conflict with them
            HomeIT.setDateAndTime(home, LocalDate.now(zone).plusDays(200 + random.nextInt(60)), LocalTime.of(random.nextInt(20), 7));
            home.type(By.id("title"), "All hands");
            home.click(By.id("allow-guests"));
            home.click(By.id("webinar"));
            home.click(By.id("schedule-save"));
            home.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "All hands"));
            id = home.browser.getCurrentUrl().replaceAll(".*/home/meetings/", "");
        }
        assertThat(text("select webinar::text from meetings where id = '" + id + "'")).isEqualTo("true");
        Reply meeting = api().get("/api/meetings/" + id + "/details", host); // its invitation's link

        try (Console hana = Console.withMedia()) {
            enterAsHost(hana, meeting.text("joinUrl"));
            String hanaFeed = hana.script("return convene.me;") + "-camera";
            try (Console ada = countingCameraAsks(Console.withMedia())) {
                ada.browser.get(meeting.text("joinUrl"));
                ada.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("webinar-note")));
                assertThat(ada.browser.findElement(By.id("preview-box")).isDisplayed()).as("a camera preview").isFalse();
                assertThat(ada.browser.findElement(By.id("camera")).isDisplayed()).as("a camera to choose").isFalse();
                ada.type(By.id("display-name"), "Ada Audience");
                ada.click(By.id("join"));
                ada.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("meeting")));
                String adaId = String.valueOf(ada.script("return convene.me;"));
                String adaFeed = adaId + "-camera";
                ada.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("audience-banner")));
                for (String control : new String[] {"mic", "cam", "share"}) {
                    assertThat(ada.browser.findElement(By.id(control)).isDisplayed()).as("the audience's " + control).isFalse();
                }
                JsonNode watched = Eventually.get(() -> MediaIT.stats(ada), s -> s.path(hanaFeed).path("frames").asLong() > 0,
                        Duration.ofSeconds(45));
                assertThat(ada.script("return window.cameraAsks;")).as("the audience's page asked for no camera or microphone")
                        .isEqualTo(0L);
                // the audience is served by the audience's Janus, to which the room's own forwards the stage
                assertThat(AUDIENCE_JANUS.get()).as("the suite runs a Janus for audiences").isNotNull();
                assertThat(MediaIT.publishers(AUDIENCE_JANUS.get(), id)).as("the host's camera, relayed").contains(hanaFeed);
                JsonNode remotes = MediaRoomsIT.videoRoom(JANUS.get(), Api.JSON.createObjectNode().put("request", "listremotes")
                        .put("room", id).put("publisher_id", hanaFeed));
                assertThat(remotes.path("list")).as("forwarded by the room's Janus: " + remotes).hasSize(1);
                int port = watched.path(hanaFeed).path("remotePort").asInt();
                assertThat(mediaPorts("janus-audience-1")).as("Ada's video comes from the audience's Janus, port " + port)
                        .contains(port);
                assertThat(mediaPorts("janus")).as("not from the room's own").doesNotContain(port);
                speakerMutedHoldsForTheAudience(hana, ada, hanaFeed);
                assertThat(ada.script("""
                        window.refusals = [];
                        convene.socket.addEventListener('message', (e) => {
                          const m = JSON.parse(e.data);
                          if (m.type === 'error') window.refusals.push(m.message);
                        });
                        const pc = new RTCPeerConnection();
                        const own = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
                        own.getTracks().forEach((t) => pc.addTrack(t, own));
                        const offer = await pc.createOffer();
                        convene.socket.send(JSON.stringify({ type: 'media.publish', kind: 'camera', sdp: offer.sdp }));
                        return true;""")).isEqualTo(true);
                ada.wait.until(d -> String.valueOf(ada.script("return window.refusals.join(' | ');"))
                        .contains("only the hosts and panelists are seen and heard"));
                assertThat(MediaIT.stats(hana).has(adaFeed)).as("nothing of the audience reaches the host").isFalse();
                hana.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("people"), "Ada Audience"));
                assertThat(hana.browser.findElement(By.cssSelector("#people [data-participation='" + adaId + "']")).getText())
                        .contains("in the audience");

                long asksBefore = (Long) ada.script("return window.cameraAsks;"); // the made-up publication's one
                hana.click(By.xpath("//li[@data-participation='" + adaId + "']//button[.='Make panelist']"));
                ada.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("audience-banner")));
                assertThat(ada.browser.findElement(By.id("cam")).isDisplayed()).as("a panelist's camera button").isTrue();
                Eventually.get(() -> MediaIT.stats(hana), s -> s.path(adaFeed).path("frames").asLong() > 0, Duration.ofSeconds(45));
                assertThat((Long) ada.script("return window.cameraAsks;")).as("her page asked for her camera once on stage")
                        .isEqualTo(asksBefore + 1);
                assertThat(MediaIT.publishers(AUDIENCE_JANUS.get(), id)).as("a panelist's camera reaches the audience too")
                        .contains(adaFeed);
                hana.wait.until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#people [data-participation='" + adaId + "']"), "panelist"));
                audit(hana, "people panel of a webinar");

                ada.browser.navigate().refresh(); // the same tab: she comes back as herself, on stage
                ada.wait.until(ExpectedConditions.attributeToBe(By.id("display-name"), "value", "Ada Audience"));
                ada.click(By.id("join"));
                ada.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("meeting")));
                assertThat(ada.script("return convene.me;")).as("the same participation").isEqualTo(adaId);
                assertThat(ada.browser.findElement(By.id("audience-banner")).isDisplayed()).as("still a panelist").isFalse();
                Eventually.get(() -> MediaIT.stats(hana), s -> s.path(adaFeed).path("frames").asLong() > 0, Duration.ofSeconds(45));
                assertThat(hana.browser.findElements(By.xpath("//ul[@id='people']/li[contains(., 'Ada Audience')]")))
                        .as("one Ada in the people panel, not two").hasSize(1);

                assertThat(ada.script("""
                        RTCPeerConnection.prototype.close = function () {};
                        const send = convene.socket.send.bind(convene.socket);
                        convene.socket.send = (m) => { if (!String(m).includes('media.hangup')) send(m); };
                        return true;""")).as("her page now keeps sending whatever it is told").isEqualTo(true);
                hana.click(By.xpath("//li[@data-participation='" + adaId + "']//button[.='Back to the audience']"));
                ada.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("audience-banner")));
                Eventually.get(() -> MediaIT.stats(hana), s -> !s.has(adaFeed), Duration.ofSeconds(20));
                assertThat(Eventually.get(() -> MediaIT.publishers(JANUS.get(), id), p -> !p.contains(adaFeed),
                        Duration.ofSeconds(20)))
                        .as("Janus no longer has her camera").doesNotContain(adaFeed).contains(hanaFeed);
                assertThat(Eventually.get(() -> MediaIT.publishers(AUDIENCE_JANUS.get(), id), p -> !p.contains(adaFeed),
                        Duration.ofSeconds(20)))
                        .as("nor the audience's").doesNotContain(adaFeed).contains(hanaFeed);
                assertThat(MediaIT.stats(ada).path(hanaFeed).path("frames").asLong()).as("she still watches").isPositive();
                assertThat(ada.script("return convene.local.getTracks().filter((t) => t.readyState === 'live').length;"))
                        .as("back in the audience, her page holds no camera or microphone").isEqualTo(0L);

                // the host's relay lost on the audience's Janus (as after it restarted): the audience is served by the room's own
                MediaRoomsIT.videoRoom(AUDIENCE_JANUS.get(), Api.JSON.createObjectNode().put("request", "remove_remote_publisher")
                        .put("room", id).put("id", hanaFeed));
                assertThat(MediaIT.publishers(AUDIENCE_JANUS.get(), id)).doesNotContain(hanaFeed);
                ada.browser.navigate().refresh();
                ada.wait.until(ExpectedConditions.attributeToBe(By.id("display-name"), "value", "Ada Audience"));
                ada.click(By.id("join"));
                ada.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("audience-banner")));
                JsonNode fallback = Eventually.get(() -> MediaIT.stats(ada), x -> x.path(hanaFeed).path("frames").asLong() > 0
                        && x.path(hanaFeed).path("remotePort").asInt() > 0, Duration.ofSeconds(45));
                assertThat(mediaPorts("janus")).as("her video now comes from the room's own Janus")
                        .contains(fallback.path(hanaFeed).path("remotePort").asInt());
            }
        }
    }

    /**
     * The speaker's microphone off holds at the server for an audience served elsewhere, even from a
     * page that keeps sending; on again, it reaches them again.
     */
    private static void speakerMutedHoldsForTheAudience(Console speaker, Console viewer, String feed) {
        if ("false".equals(speaker.browser.findElement(By.id("mic")).getAttribute("aria-pressed"))) {
            speaker.click(By.id("mic"));
            speaker.wait.until(ExpectedConditions.attributeToBe(By.id("mic"), "aria-pressed", "true"));
        }
        long flowing = MediaIT.stats(viewer).path(feed).path("audioPackets").asLong();
        Eventually.get(() -> MediaIT.stats(viewer).path(feed).path("audioPackets").asLong(), n -> n > flowing + 20,
                Duration.ofSeconds(15));
        speaker.click(By.id("mic"));
        speaker.wait.until(ExpectedConditions.attributeToBe(By.id("mic"), "aria-pressed", "false"));
        speaker.script("convene.local.getAudioTracks().forEach(t => { t.enabled = true; }); return 'on';");
        // the mute reaches the server: wait (with a deadline) for a second without audio, then check two more
        JsonNode before = Eventually.get(() -> {
            long was = MediaIT.stats(viewer).path(feed).path("audioPackets").asLong();
            JsonNode now = MediaIT.later(viewer, feed, 1);
            return now.get("audioPackets").asLong() == was ? now : null;
        }, quiet -> quiet != null, Duration.ofSeconds(15));
        JsonNode after = MediaIT.later(viewer, feed, 2);
        assertThat(after.get("audioPackets").asLong()).as("no audio of the muted speaker reaches the audience")
                .isEqualTo(before.get("audioPackets").asLong());
        assertThat(after.get("frames").asLong()).as("the video goes on").isGreaterThan(before.get("frames").asLong());
        speaker.click(By.id("mic"));
        speaker.wait.until(ExpectedConditions.attributeToBe(By.id("mic"), "aria-pressed", "true"));
        Eventually.get(() -> MediaIT.later(viewer, feed, 1), x -> x.get("audioPackets").asLong()
                > after.get("audioPackets").asLong() + 20, Duration.ofSeconds(10));
    }

    /** The ports a Janus the suite started sends and receives media on, as its configuration gives them. */
    static java.util.stream.IntStream mediaPorts(String folder) {
        try {
            String config = java.nio.file.Files.readString(ConveneSuite.get().settings().stateDir().resolve(folder).resolve("janus.jcfg"));
            java.util.regex.Matcher range = java.util.regex.Pattern.compile("rtp_port_range = \"(\\d+)-(\\d+)\"").matcher(config);
            assertThat(range.find()).as("a media port range in " + folder).isTrue();
            return java.util.stream.IntStream.rangeClosed(Integer.parseInt(range.group(1)), Integer.parseInt(range.group(2)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The page counts every time it asks the browser for a camera or microphone ({@code window.cameraAsks}), from its first script on. */
    static Console countingCameraAsks(Console page) {
        ((ChromeDriver) page.browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                window.cameraAsks = 0;
                const ask = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
                navigator.mediaDevices.getUserMedia = (constraints) => { window.cameraAsks++; return ask(constraints); };"""));
        return page;
    }
}
