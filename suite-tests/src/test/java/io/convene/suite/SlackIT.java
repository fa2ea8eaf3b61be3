package io.convene.suite;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.providers;
import static io.convene.suite.ConveneSuite.tokenOf;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Slack through Camel against an HTTP server that answers as Slack's Web API does
 * ({@code chat.postMessage}: 200 with {@code ok}, or 429 with Retry-After).
 */
class SlackIT extends SignedInPeople {

    private static final String PATH = "/slack/api/chat.postMessage";
    private static final String TOKEN = "xoxb-convene-test-token";
    private String admin;

    @BeforeEach
    void connectSlack() {
        admin = tokenOf(Meetings.ADMIN);
        providers().resetAll();
        Reply connected = api().post("/api/integrations/third-party", admin, Map.of("provider", "SLACK",
                "action", "CONNECT", "settings", Map.of("channel", "C0CONVENE"), "secret", TOKEN));
        assertThat(connected.status()).as(connected.toString()).isEqualTo(200);
        assertThat(connected.raw()).doesNotContain(TOKEN);
        assertThat(connected.json().get("hasSecret").asBoolean()).isTrue();
    }

    @AfterEach
    void disconnectSlack() {
        assertThat(api().post("/api/integrations/third-party", admin, Map.of("provider", "SLACK", "action",
                "DISCONNECT")).status()).isEqualTo(204);
    }

    @Test
    void aScheduledMeetingIsPostedToTheChannelAfterTheRateLimitItWasGiven() {
        providers().stubFor(post(urlPathEqualTo(PATH)).inScenario("rate").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")
                        .withHeader("Content-Type", "application/json").withBody("{\"ok\":false,\"error\":\"ratelimited\"}"))
                .willSetStateTo("open"));
        providers().stubFor(post(urlPathEqualTo(PATH)).inScenario("rate").whenScenarioStateIs("open")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"channel\":\"C0CONVENE\",\"ts\":\"1764000000.000100\"}")));

        Reply m = schedule(host, draft("Slack me"));
        List<LoggedRequest> posts = Eventually.get(() -> providers().findAll(postRequestedFor(urlPathEqualTo(PATH))),
                found -> found.size() >= 2, Duration.ofSeconds(30));

        LoggedRequest second = posts.get(1);
        assertThat(second.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(second.getHeader("Content-Type")).startsWith("application/json");
        JsonNode body = (JsonNode) parse(second.getBodyAsString());
        assertThat(body.get("channel").asText()).isEqualTo("C0CONVENE");
        assertThat(body.get("text").asText()).contains("Slack me").contains("Hana Host").contains(m.text("joinUrl"));
        long waited = second.getLoggedDate().getTime() - posts.get(0).getLoggedDate().getTime();
        assertThat(waited).as("waited what Retry-After asked").isGreaterThanOrEqualTo(2000);
        JsonNode connection = slack();
        assertThat(connection.get("lastSuccessAt").isNull()).isFalse();
        assertThat(connection.toString()).doesNotContain(TOKEN);
    }

    @Test
    void aRefusedTokenShowsOnTheConnectionAndOnlyAdminsConnectSlack() {
        providers().stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"ok\":false,\"error\":\"invalid_auth\"}")));

        schedule(host, draft("Refused"));
        JsonNode connection = Eventually.get(SlackIT::slack, c -> !c.path("lastError").isNull()
                && !c.path("lastError").isMissingNode(), Duration.ofSeconds(30));
        assertThat(connection.get("lastError").asText()).contains("invalid_auth");

        assertThat(api().post("/api/integrations/third-party", host, Map.of("provider", "SLACK", "action", "CONNECT",
                "settings", Map.of("channel", "C1"), "secret", "xoxb-x")).status()).isEqualTo(403);
        assertThat(api().post("/api/integrations/third-party", admin, Map.of("provider", "SLACK", "action", "CONNECT",
                "settings", Map.of(), "secret", "xoxb-x")).status()).isEqualTo(400);
        assertThat(api().get("/api/integrations", host).json().toString()).doesNotContain("C0CONVENE");
    }

    @Test
    void whoAskedForSlackGetsTheirNoticesAsADirectMessageOthersDoNot() {
        providers().stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"ok\":true}")));
        providers().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/slack/api/users.lookupByEmail"))
                .withQueryParam("email", com.github.tomakehurst.wiremock.client.WireMock.equalTo(Meetings.PARTICIPANT))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"user\":{\"id\":\"U0PABLO\"}}")));
        for (String token : List.of(pablo, cora)) {
            assertThat(api().get("/api/users/profile", token).status()).isEqualTo(200);
        }
        assertThat(api().get("/api/notifications/subscriptions", cora).json().get("SLACK")).as("off until asked for").isEmpty();
        Reply on = api().post("/api/notifications/subscribe", pablo, Map.of("channel", "SLACK", "topic", "CHANGES"));
        assertThat(on.json().get("SLACK").toString()).contains("CHANGES");
        try {
            String id = schedule(host, Meetings.with(draft("DM me"), "invitees", List.of(Meetings.PARTICIPANT,
                    Meetings.COMPLIANCE))).text("id");
            LoggedRequest dm = Eventually.get(() -> providers().findAll(postRequestedFor(urlPathEqualTo(PATH))).stream()
                    .filter(r -> r.getBodyAsString().contains("U0PABLO")).toList(), found -> !found.isEmpty(),
                    Duration.ofSeconds(30)).get(0);
            JsonNode body = (JsonNode) parse(dm.getBodyAsString());
            assertThat(body.get("text").asText()).startsWith("You are invited to DM me").contains("/join/");
            assertThat(dm.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
            NotificationsIT.awaitKinds(cora, id, 1);
            assertThat(providers().findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                    urlPathEqualTo("/slack/api/users.lookupByEmail"))).stream()
                    .filter(r -> r.getUrl().contains("cora"))).as("Cora did not ask for Slack").isEmpty();
        } finally {
            api().delete("/api/notifications/unsubscribe?channel=SLACK&topic=CHANGES", pablo);
        }
    }

    private static Object parse(String json) {
        try {
            return Api.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode slack() {
        for (JsonNode c : api().get("/api/integrations", tokenOf(Meetings.ADMIN)).json()) {
            if ("SLACK".equals(c.get("provider").asText())) {
                return c;
            }
        }
        throw new AssertionError("No Slack connection");
    }
}
