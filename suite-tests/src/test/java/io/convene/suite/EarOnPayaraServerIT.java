package io.convene.suite;

import static io.convene.suite.Meetings.HOST;
import static io.convene.suite.Meetings.draft;
import static org.assertj.core.api.Assertions.assertThat;

import io.convene.launcher.BrokerResources;
import io.convene.launcher.DatabaseResources;
import io.convene.launcher.HttpListeners;
import io.convene.launcher.Suite;
import io.convene.media.kurento.KmsStandIn;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EAR assembly on Payara Server, against the suite's PostgreSQL and Keycloak: it deploys, is
 * ready, serves authenticated API calls like the Micro WAR, and its console (web-admin at /admin)
 * signs in through Keycloak. It runs with Kurento chosen as its media server (the suite's Micro
 * WAR runs Janus), against the KMS stand-in of media-control's contract tests: kurento-client with
 * its Netty, Guava and Gson, loaded by the container from the EAR, signals a meeting's media.
 */
class EarOnPayaraServerIT {

    static PayaraServerDomain domain;
    static Api server;
    static KmsStandIn kms;

    @BeforeAll
    static void deployEar() throws InterruptedException {
        Suite suite = ConveneSuite.get();
        kms = new KmsStandIn(null);
        kms.start();
        Eventually.get(kms::getPort, port -> port > 0, Duration.ofSeconds(10));
        Map<String, String> config = new java.util.HashMap<>(suite.applicationConfig());
        config.put("convene.media.server", "kurento");
        config.put("convene.media.kurento-urls", kms.url());
        config.put("product.name", ""); // io.convene.launcher.HttpListeners.NO_PRODUCT_NAME: error pages name no server
        Path home = Path.of(System.getProperty("convene.payara.server.home"));
        Path target = Path.of(System.getProperty("convene.test.state.dir")).getParent();
        long t0 = System.nanoTime();
        domain = PayaraServerDomain.create(home, target.resolve("payara-server"), config,
                DatabaseResources.LIBRARIES.stream().map(suite.settings().runtimeDir()::resolve).toArray(Path[]::new));
        domain.start();
        domain.run(DatabaseResources.commands(2, 8));
        domain.run(BrokerResources.commands(suite.settings(), suite.settings().brokerPassword()));
        domain.run(HttpListeners.anonymous("http-listener-1", "http-listener-2"));
        long t1 = System.nanoTime();
        domain.deploy(Path.of(System.getProperty("convene.ear.file")));
        long t2 = System.nanoTime();
        System.out.printf("Payara Server domain created and started in %.1f s, EAR deployed in %.1f s%n",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        server = new Api(domain.httpUrl());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (domain != null) {
            domain.close();
        }
        if (kms != null) {
            kms.stop(1000);
        }
    }

    @Test
    void theEarIsReadyAndServesAuthenticatedCalls() throws InterruptedException, java.io.IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Reply ready = server.get("/health/ready", null);
        while (ready.status() != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            ready = server.get("/health/ready", null);
        }
        assertThat(ready.status()).as(ready + " (see " + domain.serverLog() + ")").isEqualTo(200);
        assertThat(ready.json().get("checks").findValuesAsText("name")).contains("database");
        assertThat(java.nio.file.Files.readString(domain.serverLog()))
                .as("the core's start-up found the reports module's own migrations in the EAR as well")
                .contains("The reports module's tables at version 1");

        Reply login = server.post("/api/users/login", null, Map.of("email", HOST, "password", ConveneSuite.demoPassword()));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        String token = login.text("access_token");

        Reply profile = server.get("/api/users/profile", token);
        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
        assertThat(profile.text("email")).isEqualTo(HOST);

        Reply scheduled = server.post("/api/meetings/schedule", token, draft("Scheduled through the EAR"));
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
        assertThat(ConveneSuite.api().get("/api/meetings/" + scheduled.text("id") + "/details", token).text("title"))
                .as("the Micro WAR sees what the EAR wrote: one database").isEqualTo("Scheduled through the EAR");

        Reply refused = server.get("/api/users/profile", "not-a-token");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");

        for (Reply r : List.of(ready, profile, refused, server.get("/api/nothing-here", token), server.get("/admin/", null))) {
            assertThat(r.headers().firstValue("Server")).as("no server banner: " + r).isEmpty();
            assertThat(r.headers().firstValue("X-Powered-By")).as(r.toString()).isEmpty();
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(r.toString()).contains("nosniff");
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(r.toString()).isPresent();
        }
        Reply metrics = server.get("/metrics", null);
        assertThat(metrics.status()).as("metrics are not public here either: " + metrics).isEqualTo(401);
        assertThat(metrics.contentType()).startsWith("application/problem+json");
        assertThat(server.send("GET", "/metrics", null, null, Map.of("Accept", "text/plain", "Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString(("metrics:" + System.getProperty("convene.metrics.token"))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)))).status()).isEqualTo(200);
    }

    @Test
    void kurentoChosenByConfigurationCarriesTheMeetingsMedia() throws InterruptedException {
        awaitReady();
        String token = server.post("/api/users/login", null, Map.of("email", HOST, "password", ConveneSuite.demoPassword()))
                .text("access_token");
        Reply scheduled = server.post("/api/meetings/schedule", token,
                Meetings.with(draft("Media through Kurento"), "settings", Map.of("joinBeforeHost", true)));
        String id = scheduled.text("id");
        assertThat(server.post("/api/meetings/" + id + "/join", token, Map.of()).status()).isEqualTo(200);

        try (ChannelClient socket = ChannelClient.withBearer(domain.httpUrl(), id, token)) {
            socket.send(Map.of("type", "media.publish", "kind", "camera", "sdp", "v=0\r\n(the browser's offer)"));
            // the KMS's candidate comes through kurento-client's event thread: before or after the answer, as the page allows
            java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> media = new java.util.HashMap<>();
            while (!(media.containsKey("media.answer") && media.containsKey("media.candidate"))) {
                com.fasterxml.jackson.databind.JsonNode m = socket.await(n -> n.path("type").asText().startsWith("media.")
                        || n.path("type").asText().equals("error"));
                assertThat(m.path("type").asText()).as(m.toString()).isNotEqualTo("error");
                media.putIfAbsent(m.path("type").asText(), m);
            }
            com.fasterxml.jackson.databind.JsonNode answer = media.get("media.answer");
            assertThat(answer.get("sdp").asText()).isEqualTo(KmsStandIn.ANSWER);
            assertThat(media.get("media.candidate").at("/candidate/candidate").asText())
                    .as("the KMS's own candidate comes back, for the link answered")
                    .isEqualTo(KmsStandIn.CANDIDATE);
            assertThat(media.get("media.candidate").path("link").asText()).isEqualTo(answer.path("link").asText());
            assertThat(kms.calls).containsSubsequence("create MediaPipeline", "create WebRtcEndpoint",
                    "invoke processOffer", "invoke gatherCandidates");
        }
        Eventually.get(() -> kms.liveOfType("WebRtcEndpoint"), n -> n == 0, Duration.ofSeconds(15)); // the socket closed: its link is released

        assertThat(server.post("/api/meetings/" + id + "/control", token, Map.of("action", "END")).status()).isEqualTo(200);
        Eventually.get(() -> kms.liveOfType("MediaPipeline"), n -> n == 0, Duration.ofSeconds(15)); // the meeting ended: its pipeline is released
        assertThat(kms.calls).contains("release WebRtcEndpoint", "release MediaPipeline");
    }

    private static void awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (server.get("/health/ready", null).status() != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
    }

    @Test
    void theConsoleSignsInThroughKeycloakAndOpensTheDashboard() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (server.get("/health/ready", null).status() != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        String client = "/admin/realms/convene/clients/" + consoleClient().get("id").asText();
        com.fasterxml.jackson.databind.node.ObjectNode before = (com.fasterxml.jackson.databind.node.ObjectNode) consoleClient();
        com.fasterxml.jackson.databind.node.ObjectNode withEar = before.deepCopy();
        // what an operator does for a new host: Keycloak sends people back only where it was told to
        withEar.withArray("redirectUris").add(domain.httpUrl() + "/admin/*");
        assertThat(ConveneSuite.keycloak().put(client, ConveneSuite.masterAdminToken(), withEar).status()).isEqualTo(204);
        try (Console console = Console.open(1280, 800).signIn(domain.httpUrl(), Meetings.ADMIN, ConveneSuite.demoPassword())) {
            console.wait.until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/admin/dashboard"));
            console.wait.until(d -> d.findElement(org.openqa.selenium.By.tagName("body")).getText().contains("Database"));
            assertThat(console.browser.getTitle()).isEqualTo("Dashboard · Convene console");
            assertThat(console.browser.getCurrentUrl()).startsWith(domain.httpUrl() + "/admin/");
            console.screenshot("ear-dashboard-1280x800");
        } finally {
            ConveneSuite.keycloak().put(client, ConveneSuite.masterAdminToken(), before);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode consoleClient() {
        return ConveneSuite.keycloak().get("/admin/realms/convene/clients?clientId=convene-admin-console",
                ConveneSuite.masterAdminToken()).json().get(0);
    }
}
