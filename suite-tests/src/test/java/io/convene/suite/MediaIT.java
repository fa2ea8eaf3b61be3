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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Real media: Chromium browsers with fake cameras and microphones join a meeting through the join
 * page and send and receive audio and video through the real Janus, signalled over the meeting
 * channel; all inside the suite's network namespace (src/test/netns). Frames and packets are
 * counted from WebRTC's own statistics in the receiving browser. One meeting for the class (each
 * browser costs a core's worth of encoding), in order: see and hear, a host's mute, screen share,
 * a recording, a participant reached only through coturn, a page that loses its channel, a removal.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MediaIT extends SignedInPeople {

    static String meetingId;
    static String link;
    static Console gina;
    static Console gus;
    static final List<Console> browsers = new ArrayList<>();

    @BeforeAll
    static void twoGuestsJoinThroughTheJoinPage() {
        assertThat(System.getProperty("convene.test.netns"))
                .as("media tests run in a network namespace: run the tests as root, as .ci/run does").isNotNull();
        Reply meeting = schedule(host, with(draft("Media check"), "allowGuests", true,
                "settings", Map.of("joinBeforeHost", true)));
        meetingId = meeting.text("id");
        link = meeting.text("joinUrl");
        api().post("/api/meetings/" + meetingId + "/join", host, Map.of()); // the host, without media, runs it
        gina = joinAsGuest(link, "Gina Guest", 20); // Chromium's own 20 frames a second: the rates asserted here are of these two
        gus = joinAsGuest(link, "Gus Guest", 20);
    }

    @AfterAll
    static void closeBrowsers() {
        browsers.forEach(Console::close);
    }

    @Test
    @Order(1)
    void eachReceivesTheOthersVideoAndAudio() {
        String ginaCamera = me(gina) + "-camera";
        String gusCamera = me(gus) + "-camera";

        JsonNode atGus = flowing(gus, ginaCamera);
        JsonNode atGina = flowing(gina, gusCamera);
        JsonNode atGusLater = later(gus, ginaCamera, 2);

        assertThat(atGusLater.get("frames").asLong() - atGus.get("frames").asLong())
                .as("frames of Gina's camera decoded at Gus in 2 s (the fake camera makes 20 a second)").isGreaterThan(20);
        assertThat(atGusLater.get("audioPackets").asLong() - atGus.get("audioPackets").asLong())
                .as("audio packets of Gina's microphone at Gus in 2 s (50 a second)").isGreaterThan(40);
        assertThat(atGina.get("frames").asLong()).isPositive();
        System.out.printf("MediaIT figures: %.1f frames/s of Gina's camera at Gus; offer to connected, publisher %s ms, subscriber %s ms%n",
                (atGusLater.get("frames").asLong() - atGus.get("frames").asLong()) / 2.0,
                gina.script("return String(convene.publishers.camera.connectedAfterMs);"),
                gus.script("return String(convene.subscriptions['" + ginaCamera + "'].connectedAfterMs);"));
    }

    @Test
    @Order(2)
    void aBigTileReceivesTheHighLayerOfASimulcastCameraAndASmallOneTheLow() {
        String ginaCamera = me(gina) + "-camera";
        gus.browser.manage().window().setSize(new org.openqa.selenium.Dimension(1600, 900)); // two tiles of ~460 px
        int high = layer(gus, ginaCamera, "high");
        gus.browser.manage().window().setSize(new org.openqa.selenium.Dimension(1000, 800)); // two tiles of ~315 px
        int low = layer(gus, ginaCamera, "low");
        System.out.printf("MediaIT figures: Gina's camera reaches Gus %d px wide in a big tile, %d px in a small one%n", high, low);
        assertThat(low).as("the low layer is sent at half the resolution").isLessThanOrEqualTo(high / 2).isPositive();
        long frames = stats(gus).get(ginaCamera).get("frames").asLong();
        assertThat(later(gus, ginaCamera, 2).get("frames").asLong()).as("the low layer plays on").isGreaterThan(frames + 20);

        gus.browser.manage().window().setSize(new org.openqa.selenium.Dimension(1600, 900));
        assertThat(layer(gus, ginaCamera, "high")).as("back to the high layer").isEqualTo(high);
        gus.browser.manage().window().setSize(new org.openqa.selenium.Dimension(1000, 800));
    }

    /** Waits until the page asked for {@code quality} of the feed and the frame width it decodes settled; that width. */
    static int layer(Console c, String feed, String quality) {
        c.wait.until(d -> quality.equals(c.script("return convene.subscriptions['" + feed + "'].quality;")));
        int[] last = {-1};
        return Eventually.get(() -> {
            sleep(1500);
            int before = last[0];
            last[0] = stats(c).get(feed).get("width").asInt();
            return before == last[0] ? last[0] : -1;
        }, w -> w > 0, Duration.ofSeconds(30));
    }

    @Test
    @Order(3)
    void aHostsMuteStopsTheAudioAtTheServerEvenFromAClientThatIgnoresIt() {
        String ginaCamera = me(gina) + "-camera";
        assertThat(HostControlsIT.control(meetingId, host, "MUTE", me(gina)).status()).isEqualTo(200);
        gina.wait.until(ExpectedConditions.attributeToBe(By.id("mic"), "aria-pressed", "false"));
        // a client that does not follow: its microphone sends on
        gina.script("convene.local.getAudioTracks().forEach(t => { t.enabled = true; }); return 'on';");
        sleep(1500); // what was on its way has arrived

        JsonNode before = stats(gus).get(ginaCamera);
        JsonNode after = later(gus, ginaCamera, 2);
        assertThat(after.get("audioPackets").asLong()).as("no audio from Gina reaches Gus").isEqualTo(before.get("audioPackets").asLong());
        assertThat(after.get("frames").asLong()).as("her video goes on").isGreaterThan(before.get("frames").asLong());

        gina.click(By.id("mic")); // she unmutes herself (participants may): the server lets it through again
        gina.wait.until(ExpectedConditions.attributeToBe(By.id("mic"), "aria-pressed", "true"));
        JsonNode unmuted = Eventually.get(() -> later(gus, ginaCamera, 1), s -> s.get("audioPackets").asLong()
                > after.get("audioPackets").asLong() + 20, Duration.ofSeconds(10));
        assertThat(unmuted.get("audioPackets").asLong()).isGreaterThan(after.get("audioPackets").asLong() + 20);
    }

    @Test
    @Order(4)
    void aSharedScreenReachesTheOthers() {
        gina.click(By.id("share"));
        gina.wait.until(ExpectedConditions.attributeToBe(By.id("share"), "aria-pressed", "true"));
        String ginaScreen = me(gina) + "-screen";

        JsonNode screen = flowing(gus, ginaScreen);
        assertThat(later(gus, ginaScreen, 2).get("frames").asLong()).isGreaterThan(screen.get("frames").asLong());
        gus.screenshot("join-page-meeting");

        gina.click(By.id("share"));
        assertThat(Eventually.get(() -> stats(gus).has(ginaScreen), has -> !has, Duration.ofSeconds(10)))
                .as("the share's end reaches Gus").isFalse();
    }

    @Test
    @Order(5)
    void aRecordingBecomesOnePlayableWebmThatOnlyThoseAllowedWatch() throws Exception {
        Reply started = api().post("/api/meetings/" + meetingId + "/record/start", host, Map.of());
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String id = started.text("id");
        gus.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("recording")));
        assertThat(api().post("/api/meetings/" + meetingId + "/record/start", host, Map.of()).status())
                .as("one recording at a time").isEqualTo(409);
        sleep(6000);
        Reply stopped = api().post("/api/meetings/" + meetingId + "/record/stop", host, Map.of());
        assertThat(stopped.status()).as(stopped.toString()).isEqualTo(200);
        gus.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("recording")));
        long recordedMs = Duration.between(java.time.Instant.parse(stopped.text("startedAt")),
                java.time.Instant.parse(stopped.text("stoppedAt"))).toMillis();

        Reply ready = Eventually.get(() -> api().get("/api/recordings/" + id, host),
                r -> !r.text("status").equals("PROCESSING"), Duration.ofSeconds(120));
        assertThat(ready.text("status")).as(ready.toString()).isEqualTo("READY");
        byte[] file = bytes("/api/recordings/" + id + "/download", host, null).body();
        assertThat((long) file.length).isEqualTo(ready.json().get("sizeBytes").asLong());
        assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(file)))
                .isEqualTo(ready.text("sha256"));
        java.nio.file.Path saved = java.nio.file.Path.of(System.getProperty("convene.test.state.dir")).getParent()
                .resolve("recording.webm");
        java.nio.file.Files.write(saved, file);
        JsonNode probe = ffprobe(saved);
        double seconds = probe.get("format").get("duration").asDouble();
        System.out.printf("MediaIT figures: recorded %d ms, WebM plays %.2f s, %d bytes%n", recordedMs, seconds, file.length);
        assertThat(seconds * 1000).as("the WebM plays as long as it was recorded").isBetween(recordedMs - 1500.0, recordedMs + 1500.0);
        assertThat(probe.get("streams").findValuesAsText("codec_name")).contains("vp8", "opus");

        java.net.http.HttpResponse<byte[]> part = bytes("/api/recordings/" + id + "/playback", host, "bytes=100-199");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 100-199/" + file.length);
        assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(file, 100, 200));
        assertThat(bytes("/api/recordings/" + id + "/playback", host, "bytes=" + file.length + "-").statusCode()).isEqualTo(416);

        assertThat(bytes("/api/recordings/" + id + "/playback", pablo, null).statusCode()).as("not in the meeting").isEqualTo(403);
        assertThat(bytes("/api/recordings/" + id + "/playback", cora, "bytes=0-9").statusCode()).as("compliance").isEqualTo(206);
        assertThat(ConveneSuite.count("select count(*) from audit_entries where action = 'RECORDING_ACCESSED' and target = 'recording:"
                + id + "'")).as("every access audited").isEqualTo(4);

        // the compliance officer finds it in the console and downloads it there
        try (Console console = Console.open(1280, 800).signIn(Meetings.COMPLIANCE, ConveneSuite.demoPassword())) {
            console.browser.get(ConveneSuite.get().settings().httpUrl() + "/admin/compliance");
            console.click(By.xpath("//vaadin-tab[contains(., 'Recordings')]"));
            org.openqa.selenium.WebElement link = console.wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.id("recording-download-" + id)));
            assertThat(console.browser.findElement(By.cssSelector("vaadin-grid[aria-label='Recordings']")).getText())
                    .contains("Media check");
            java.net.http.HttpResponse<byte[]> fromConsole = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(link.getAttribute("href")))
                            .header("Cookie", "JSESSIONID=" + console.cookie("JSESSIONID")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(fromConsole.body()).isEqualTo(file);
            console.screenshot("compliance-recordings");
        }
        assertThat(ConveneSuite.count("select count(*) from audit_entries where action = 'RECORDING_ACCESSED' and target = 'recording:"
                + id + "'")).as("the console's download audited too").isEqualTo(5);

        // the host watches it from her home page: the player seeks by ranges with its ticket, and downloads it
        try (Console home = Console.open(1000, 800)) {
            HomeIT.signInAtHome(home, Meetings.HOST, ConveneSuite.demoPassword());
            home.click(By.id("nav-recordings"));
            home.click(By.cssSelector("[data-recording-id='" + id + "'] button.watch"));
            home.wait.until(d -> Boolean.TRUE.equals(home.script(
                    "const v = document.getElementById('recording-video'); return !!v && v.readyState >= 1 && v.duration > 0;")));
            double played = ((Number) home.script("return document.getElementById('recording-video').duration;")).doubleValue();
            assertThat(played).as("the player reads the whole recording").isCloseTo(seconds, org.assertj.core.data.Offset.offset(1.5));
            assertThat(home.script("const v = document.getElementById('recording-video');"
                    + " await new Promise(r => { v.addEventListener('seeked', r, { once: true }); v.currentTime = v.duration / 2; });"
                    + " return v.currentTime > 0;")).isEqualTo(true);
            String href = home.browser.findElement(By.id("recording-download")).getAttribute("href");
            assertThat(java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(href)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body()).as("the download link's file").isEqualTo(file);
            assertThat(bytes(href.replaceAll("ticket=[^&]*", "ticket=forged").replace(ConveneSuite.get().settings().httpUrl(), ""),
                    null, null).statusCode()).as("a forged ticket").isEqualTo(401);
        }
        assertThat(ConveneSuite.count("select count(*) from audit_entries where action = 'RECORDING_ACCESSED' and target = 'recording:"
                + id + "'")).as("the home page's playback and download audited").isGreaterThan(6);
        assertThat(Eventually.get(() -> NotificationsIT.mine(host, false).toString(), n -> n.contains("RECORDING_READY"),
                Duration.ofSeconds(20))).contains("RECORDING_READY");
    }

    @Test
    @Order(6)
    void aParticipantOnlyReachableThroughTheRelayConnectsThroughCoturn() {
        Console remote = joinAsGuest(link + "&relay=1", "Rita Relay", Console.CAMERA_FPS);
        JsonNode atRita = flowing(remote, me(gina) + "-camera");
        assertThat(atRita.get("localCandidate").asText()).as("Rita's end of the connection").isEqualTo("relay");
        assertThat(later(remote, me(gina) + "-camera", 2).get("frames").asLong()).isGreaterThan(atRita.get("frames").asLong());
        assertThat(flowing(gina, me(remote) + "-camera").get("frames").asLong()).as("and the others get Rita").isPositive();
        remote.click(By.id("leave"));
        remote.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("gone")));
    }

    @Test
    @Order(7)
    void aPageThatLosesItsChannelReconnectsAndItsMediaFlowsAgain() {
        String ginaCamera = me(gina) + "-camera";
        String before = flowing(gus, ginaCamera).get("link").asText();

        gina.script("convene.socket.close(); return 'dropped';"); // as a lost network would

        try {
            gina.wait.until(d -> "Reconnected".equals(d.findElement(By.id("status")).getText()));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Gina's page: " + gina.script("return JSON.stringify({status: document.getElementById('status')"
                    + ".textContent, gone: !document.getElementById('gone').hidden, why: document.getElementById('gone-title')"
                    + ".textContent, socket: convene.socket.readyState, closed: convene.lastClose});"), e);
        }
        JsonNode again = Eventually.get(() -> later(gus, ginaCamera, 1), s -> s != null
                && !s.path("link").asText().equals(before) && s.path("frames").asLong() > 10, Duration.ofSeconds(30));
        assertThat(later(gus, ginaCamera, 2).get("frames").asLong()).as("Gina's camera reaches Gus again")
                .isGreaterThan(again.get("frames").asLong());
    }

    @Test
    @Order(8)
    void aRemovedParticipantsMediaStops() {
        String gusCamera = me(gus) + "-camera";
        String janus = ConveneSuite.get().applicationConfig().get("convene.media.janus-url");
        assertThat(publishers(janus, meetingId)).contains(gusCamera);

        assertThat(HostControlsIT.control(meetingId, host, "REMOVE", me(gus)).status()).isEqualTo(200);

        gus.wait.until(ExpectedConditions.textToBe(By.id("gone-title"), "You were removed from the meeting"));
        assertThat(Eventually.get(() -> publishers(janus, meetingId), p -> !p.contains(gusCamera), Duration.ofSeconds(10)))
                .as("Janus no longer forwards Gus's camera").doesNotContain(gusCamera).contains(me(gina) + "-camera");
        assertThat(Eventually.get(() -> stats(gina).has(gusCamera), has -> !has, Duration.ofSeconds(10)))
                .as("Gina's page dropped his tile").isFalse();
    }

    @Test
    @Order(9)
    void aMeetingScheduledToBeRecordedFromItsStartIsRecordedOnceItIsLive() {
        Reply meeting = schedule(host, with(draft("Recorded from the start"), "allowGuests", true, "recordOnStart", true,
                "settings", Map.of("joinBeforeHost", true)));
        String id = meeting.text("id");
        assertThat(meeting.json().get("recordOnStart").asBoolean()).isTrue();
        assertThat(ConveneSuite.count("select count(*) from recordings where meeting_id = '" + id + "'")).as("not before it is live")
                .isZero();
        assertThat(api().post("/api/meetings/" + id + "/join", host, Map.of()).status()).isEqualTo(200); // live now
        String recording = Eventually.get(() -> ConveneSuite.text("select coalesce((select id::text from recordings where meeting_id = '"
                + id + "' and status = 'RECORDING'), '')"), found -> !found.isEmpty(), Duration.ofSeconds(30));
        assertThat(ConveneSuite.text("select (started_by = (select host_id from meetings where id = '" + id + "'))::text"
                + " from recordings where id = '" + recording + "'")).as("started as the host's").isEqualTo("true");
        assertThat(ConveneSuite.count("select count(*) from audit_entries where action = 'RECORDING_STARTED' and target = 'recording:"
                + recording + "' and detail like '%recorded from its start%'")).isEqualTo(1);

        Console guest = joinAsGuest(meeting.text("joinUrl"), "Rhoda Recorded", Console.CAMERA_FPS);
        guest.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("recording"))); // told on arrival,
        guest.click(By.id("confirm-yes")); // and asked before anything of hers is sent
        Console other = joinAsGuest(meeting.text("joinUrl"), "Ralf Recorded", Console.CAMERA_FPS);
        other.click(By.id("confirm-yes"));
        flowing(other, me(guest) + "-camera"); // her camera goes through the media server, which records it
        Reply stopped = api().post("/api/meetings/" + id + "/record/stop", host, Map.of());
        assertThat(stopped.status()).as(stopped.toString()).isEqualTo(200);
        Reply ready = Eventually.get(() -> api().get("/api/recordings/" + recording, host),
                r -> !r.text("status").equals("PROCESSING"), Duration.ofSeconds(120));
        assertThat(ready.text("status")).as(ready.toString()).isEqualTo("READY");
        assertThat(ready.json().get("durationMs").asLong()).isPositive();
    }

    // ---------- helpers ----------

    /** Joins through the join page with a camera of {@code fps} frames a second. */
    static Console joinAsGuest(String joinLink, String name, int fps) {
        Console c = Console.withMedia(fps);
        browsers.add(c);
        c.browser.get(joinLink);
        c.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("display-name"))); // past the sign-in check
        c.wait.until(d -> Boolean.TRUE.equals(c.script("return !!(convene.local && convene.local.getTracks().length);")));
        c.type(By.id("display-name"), name);
        c.click(By.id("join"));
        c.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("meeting")));
        return c;
    }

    static String me(Console c) {
        return (String) c.script("return convene.me;");
    }

    /** Waits until the browser decodes frames of {@code feed}; its numbers then. */
    static JsonNode flowing(Console c, String feed) {
        return Eventually.get(() -> stats(c).path(feed), s -> s.path("frames").asLong() > 0, Duration.ofSeconds(30));
    }

    static JsonNode later(Console c, String feed, int seconds) {
        sleep(seconds * 1000L);
        return stats(c).get(feed);
    }

    /** Per received feed: video frames decoded and their width, audio packets received, the kind of this end's ICE candidate. */
    static JsonNode stats(Console c) {
        Object json = c.script("""
                const out = {};
                for (const [feed, s] of Object.entries(convene.subscriptions)) {
                  if (!s.pc) continue;
                  const stats = await s.pc.getStats();
                  const r = { link: s.link, frames: 0, audioPackets: 0, localCandidate: null, state: s.pc.connectionState };
                  stats.forEach((x) => {
                    if (x.type === 'inbound-rtp' && x.kind === 'video') {
                      r.frames += x.framesDecoded || 0;
                      r.width = x.frameWidth || 0;
                    }
                    if (x.type === 'inbound-rtp' && x.kind === 'audio') r.audioPackets += x.packetsReceived || 0;
                    if (x.type === 'transport' && x.selectedCandidatePairId) {
                      const pair = stats.get(x.selectedCandidatePairId);
                      const local = pair && stats.get(pair.localCandidateId);
                      r.localCandidate = local ? local.candidateType : null;
                      const remote = pair && stats.get(pair.remoteCandidateId);
                      r.remotePort = remote ? remote.port : null;
                    }
                  });
                  out[feed] = r;
                }
                return JSON.stringify(out);
                """);
        try {
            return Api.JSON.readTree(String.valueOf(json));
        } catch (java.io.IOException e) {
            throw new AssertionError("Not stats: " + json, e);
        }
    }

    static java.net.http.HttpResponse<byte[]> bytes(String path, String token, String range) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(ConveneSuite.get().settings().httpUrl() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (range != null) {
            request.header("Range", range);
        }
        try {
            return java.net.http.HttpClient.newHttpClient().send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** What Debian's ffprobe says of a media file: its streams and format, as JSON. */
    static JsonNode ffprobe(java.nio.file.Path file) throws Exception {
        Process p = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries", "stream=codec_name,codec_type:format=duration",
                "-of", "json", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return Api.JSON.readTree(out);
    }

    /** Who publishes in the media room of the meeting {@code room}, as Janus itself lists them. */
    static List<String> publishers(String janus, String room) {
        JsonNode answer = MediaRoomsIT.videoRoom(janus, Api.JSON.createObjectNode().put("request", "listparticipants")
                .put("room", room));
        List<String> ids = new ArrayList<>();
        answer.path("participants").forEach(p -> {
            if (p.path("publisher").asBoolean()) {
                ids.add(p.get("id").asText());
            }
        });
        return ids;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
