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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Outgoing webhooks to a CRM played by WireMock: signed, retried, logged, only the events chosen. */
class WebhookIT extends SignedInPeople {

    private static final String PATH = "/crm/convene-hooks";

    @Test
    void aSignedDeliveryIsRetriedUntilTheCrmTakesItAndLogged() throws Exception {
        String admin = tokenOf(Meetings.ADMIN);
        providers().stubFor(post(urlPathEqualTo(PATH)).inScenario("crm").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        providers().stubFor(post(urlPathEqualTo(PATH)).inScenario("crm").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(204)));
        Reply registered = api().post("/api/admin/webhooks", admin, Map.of(
                "url", "http://127.0.0.1:" + providers().port() + PATH, "events", List.of("SCHEDULED")));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String hook = registered.json().get("endpoint").get("id").asText();
        String secret = registered.json().get("secret").asText();
        try {
            String meetingId = schedule(host, draft("For the CRM")).text("id");
            List<LoggedRequest> posts = Eventually.get(() -> providers().findAll(postRequestedFor(urlPathEqualTo(PATH)))
                    .stream().filter(r -> r.getBodyAsString().contains(meetingId)).toList(),
                    found -> found.size() >= 2, Duration.ofSeconds(30));

            LoggedRequest taken = posts.get(1);
            assertThat(taken.getHeader("Convene-Delivery")).as("the same delivery, retried")
                    .isEqualTo(posts.get(0).getHeader("Convene-Delivery"));
            assertThat(taken.getHeader("Convene-Event")).isEqualTo("meeting.scheduled");
            String[] signature = taken.getHeader("Convene-Signature").split(",");
            String t = signature[0].substring(2);
            assertThat(signature[1]).isEqualTo("v1=" + hmac(secret, t + "." + taken.getBodyAsString()));
            JsonNode body = Api.JSON.readTree(taken.getBodyAsString());
            assertThat(body.get("event").asText()).isEqualTo("meeting.scheduled");
            assertThat(body.get("meeting").get("title").asText()).isEqualTo("For the CRM");
            assertThat(body.toString()).as("no join token leaves for a CRM").doesNotContain("?t=");

            JsonNode log = Eventually.get(() -> api().get("/api/admin/webhooks/" + hook + "/deliveries", admin).json(),
                    l -> l.size() > 0 && !l.get(0).path("deliveredAt").isNull(), Duration.ofSeconds(10)).get(0);
            assertThat(log.get("attempts").asInt()).isEqualTo(2);
            assertThat(log.get("lastStatus").asInt()).isEqualTo(204);

            assertThat(api().delete("/api/meetings/" + meetingId, host).status()).isEqualTo(204);
            Thread.sleep(2_000);
            assertThat(providers().findAll(postRequestedFor(urlPathEqualTo(PATH))).stream()
                    .filter(r -> r.getBodyAsString().contains("meeting.cancelled"))).as("not chosen").isEmpty();
            assertThat(api().get("/api/admin/webhooks", admin).raw()).doesNotContain(secret);
        } finally {
            assertThat(api().delete("/api/admin/webhooks/" + hook, admin).status()).isEqualTo(204);
        }
    }

    @Test
    void onlyAdministratorsRegisterAndOnlyHttpUrls() {
        String admin = tokenOf(Meetings.ADMIN);
        Map<String, Object> hook = Map.of("url", "https://crm.example/hooks", "events", List.of("STARTED"));
        assertThat(api().post("/api/admin/webhooks", host, hook).status()).isEqualTo(403);
        assertThat(api().post("/api/admin/webhooks", admin, Map.of("url", "file:///etc/passwd",
                "events", List.of("STARTED"))).status()).isEqualTo(400);
        assertThat(api().post("/api/admin/webhooks", admin, Map.of("url", "https://crm.example/hooks",
                "events", List.of())).status()).isEqualTo(400);
        assertThat(api().get("/api/admin/webhooks/" + java.util.UUID.randomUUID() + "/deliveries", admin).status())
                .isEqualTo(404);
    }

    private static String hmac(String secret, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }

}
