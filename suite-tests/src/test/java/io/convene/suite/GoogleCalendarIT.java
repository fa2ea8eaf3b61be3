package io.convene.suite;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.providers;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A host's Google Calendar keeps a copy of their meetings: Calendar API v3 and Google's OAuth token
 * endpoint played by WireMock, answering as Google does (an expired token: 401; rate limit: 429).
 */
class GoogleCalendarIT extends SignedInPeople {

    private static final String EVENTS = "/google/calendar/v3/calendars/primary/events";
    private static final String TOKEN = "/google/token";

    @Test
    void theCopyIsInsertedUpdatedWithARenewedTokenAndDeleted() {
        providers().stubFor(post(urlPathEqualTo(TOKEN)).inScenario("token").whenScenarioStateIs(STARTED)
                .willReturn(json(200, "{\"access_token\":\"ya29.first\",\"expires_in\":3599,\"token_type\":\"Bearer\"}"))
                .willSetStateTo("second"));
        providers().stubFor(post(urlPathEqualTo(TOKEN)).inScenario("token").whenScenarioStateIs("second")
                .willReturn(json(200, "{\"access_token\":\"ya29.second\",\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
        providers().stubFor(post(urlPathEqualTo(EVENTS)).inScenario("insert").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("open"));
        providers().stubFor(post(urlPathEqualTo(EVENTS)).inScenario("insert").whenScenarioStateIs("open")
                .willReturn(json(200, "{\"kind\":\"calendar#event\",\"status\":\"confirmed\",\"etag\":\"\\\"1\\\"\"}")));

        Reply connected = api().post("/api/integrations/third-party", host, Map.of("provider", "GOOGLE",
                "action", "CONNECT", "secret", "1//refresh-token-of-hana"));
        assertThat(connected.status()).as(connected.toString()).isEqualTo(200);
        try {
            Reply m = schedule(host, draft("Copied to Google"));
            String eventId = "cv" + m.text("id").replace("-", "");
            LoggedRequest inserted = Eventually.get(() -> providers().findAll(postRequestedFor(urlPathEqualTo(EVENTS))),
                    found -> found.size() >= 2, Duration.ofSeconds(30)).get(1);
            JsonNode event = read(inserted);
            assertThat(inserted.getHeader("Authorization")).isEqualTo("Bearer ya29.first");
            assertThat(event.get("id").asText()).isEqualTo(eventId);
            assertThat(event.get("summary").asText()).isEqualTo("Copied to Google");
            assertThat(event.get("location").asText()).isEqualTo(m.text("joinUrl"));
            assertThat(event.get("start").get("timeZone").asText()).isEqualTo("Europe/Berlin");
            assertThat(event.get("start").get("dateTime").asText()).startsWith(((String) draft("x").get("start")).substring(0, 4));
            assertThat(event.get("description").asText()).contains("Meeting code: " + m.text("code"));

            // the access token has expired on Google's side: 401, a new token, the same PATCH again
            providers().stubFor(patch(urlPathEqualTo(EVENTS + "/" + eventId)).inScenario("patch").whenScenarioStateIs(STARTED)
                    .willReturn(json(401, "{\"error\":{\"code\":401,\"message\":\"Invalid Credentials\"}}")).willSetStateTo("ok"));
            providers().stubFor(patch(urlPathEqualTo(EVENTS + "/" + eventId)).inScenario("patch").whenScenarioStateIs("ok")
                    .willReturn(json(200, "{\"id\":\"" + eventId + "\",\"status\":\"confirmed\"}")));
            assertThat(api().put("/api/meetings/" + m.text("id") + "/edit", host, Map.of("title", "Copied (renamed)"))
                    .status()).isEqualTo(200);
            List<LoggedRequest> patches = Eventually.get(() -> providers().findAll(
                    patchRequestedFor(urlPathEqualTo(EVENTS + "/" + eventId))), found -> found.size() >= 2, Duration.ofSeconds(30));
            assertThat(patches.get(0).getHeader("Authorization")).isEqualTo("Bearer ya29.first");
            assertThat(patches.get(1).getHeader("Authorization")).isEqualTo("Bearer ya29.second");
            assertThat(read(patches.get(1)).get("summary").asText()).isEqualTo("Copied (renamed)");
            assertThat(read(patches.get(1)).has("id")).as("an update names no id").isFalse();

            providers().stubFor(delete(urlPathEqualTo(EVENTS + "/" + eventId)).willReturn(aResponse().withStatus(204)));
            assertThat(api().delete("/api/meetings/" + m.text("id"), host).status()).isEqualTo(204);
            Eventually.get(() -> providers().findAll(deleteRequestedFor(urlPathEqualTo(EVENTS + "/" + eventId))),
                    found -> found.size() == 1, Duration.ofSeconds(30));
            Eventually.get(() -> ConveneSuite.count("select count(*) from calendar_copies where meeting_id = '"
                    + m.text("id") + "'"), n -> n == 0, Duration.ofSeconds(10));
            assertThat(providers().findAll(postRequestedFor(urlPathEqualTo(EVENTS)))).as("inserted once (after the 429)")
                    .hasSize(2);
        } finally {
            assertThat(api().post("/api/integrations/third-party", host, Map.of("provider", "GOOGLE",
                    "action", "DISCONNECT")).status()).isEqualTo(204);
        }
        assertThat(api().post("/api/integrations/third-party", pablo, Map.of("provider", "MICROSOFT",
                "action", "CONNECT", "secret", "x")).status()).isEqualTo(400);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static JsonNode read(LoggedRequest r) {
        try {
            return Api.JSON.readTree(r.getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
