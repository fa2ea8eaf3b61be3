package io.convene.suite;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.providers;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Outlook through Microsoft Graph: the identity platform's token endpoint (client credentials) and
 * Graph's /users/{id}/events and calendarView/delta, played by WireMock as Microsoft answers.
 */
class OutlookCalendarIT extends SignedInPeople {

    private static final String EVENTS = "/ms/graph/users/hana(%40|@)convene\\.example/events.*";
    private static final String DELTA = "/ms/graph/users/hana(%40|@)convene\\.example/calendarView/delta";

    @BeforeEach
    void freshProviders() {
        providers().resetAll();
        providers().stubFor(post(urlPathEqualTo("/ms/login/convene-tenant/oauth2/v2.0/token"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .willReturn(json(200, "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"eyJ0.graph\"}")));
        providers().stubFor(post(urlPathMatching(EVENTS)).willReturn(json(201, "{\"id\":\"AAMkAGI2-1\"}")));
        providers().stubFor(patch(urlPathMatching(EVENTS)).willReturn(json(200, "{\"id\":\"AAMkAGI2-1\"}")));
    }

    @Test
    void theHostsOutlookCalendarKeepsTheMeetingAndMovesAndDeletionsComeBack() {
        assertThat(api().post("/api/integrations/third-party", pablo, Map.of("provider", "MICROSOFT", "action", "CONNECT",
                "settings", Map.of("userId", "hana@convene.example"))).status()).as("not one's own mailbox").isEqualTo(403);
        Reply connected = api().post("/api/integrations/third-party", host, Map.of("provider", "MICROSOFT",
                "action", "CONNECT"));
        assertThat(connected.status()).as(connected.toString()).isEqualTo(200);
        assertThat(connected.json().get("settings").asText()).contains("hana@convene.example");
        try {
            Reply m = schedule(host, draft("In Outlook"));
            String id = m.text("id");
            LoggedRequest created = Eventually.get(() -> providers().findAll(postRequestedFor(urlPathMatching(EVENTS))),
                    found -> !found.isEmpty(), Duration.ofSeconds(30)).get(0);
            JsonNode event = read(created.getBodyAsString());
            assertThat(created.getHeader("Authorization")).isEqualTo("Bearer eyJ0.graph");
            assertThat(event.get("subject").asText()).isEqualTo("In Outlook");
            assertThat(event.get("transactionId").asText()).as("a retried create makes no second event").isEqualTo(id);
            assertThat(event.get("start").get("timeZone").asText()).isEqualTo("Europe/Berlin");
            assertThat(event.get("location").get("displayName").asText()).isEqualTo(m.text("joinUrl"));
            assertThat(event.get("attendees").findValuesAsText("address")).as("Outlook invites them")
                    .containsExactly(Meetings.PARTICIPANT);
            Eventually.get(() -> ConveneSuite.count("select count(*) from calendar_copies where meeting_id = '" + id
                    + "' and external_id = 'AAMkAGI2-1'"), n -> n == 1, Duration.ofSeconds(10));

            java.time.LocalDateTime[] slot = Meetings.freshSlot(); // a time no other test uses
            Instant start = slot[0].atZone(java.time.ZoneId.of("Europe/Berlin")).toInstant();
            Instant end = slot[1].atZone(java.time.ZoneId.of("Europe/Berlin")).toInstant();
            String next = "http://127.0.0.1:" + providers().port() + "/ms/graph/users/hana@convene.example/calendarView/delta";
            providers().stubFor(get(urlPathMatching(DELTA)).withQueryParam("startDateTime", containing("T"))
                    .willReturn(json(200, "{\"value\":[{\"id\":\"AAMkAGI2-1\",\"subject\":\"In Outlook\",\"start\":{\"dateTime\":\""
                            + start.toString().replace("Z", ".0000000") + "\",\"timeZone\":\"UTC\"},\"end\":{\"dateTime\":\""
                            + end.toString().replace("Z", ".0000000") + "\",\"timeZone\":\"UTC\"},\"attendees\":[{\"type\":\"required\","
                            + "\"status\":{\"response\":\"tentativelyAccepted\"},\"emailAddress\":{\"address\":\"" + Meetings.PARTICIPANT
                            + "\",\"name\":\"Pablo Participant\"}}]}],"
                            + "\"@odata.deltaLink\":\"" + next + "?$deltatoken=first\"}")));
            Reply moved = api().post("/api/integrations/calendar/sync", host, null);
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
            assertThat(moved.json().get("moved").asInt()).isEqualTo(1);
            assertThat(moved.json().get("answers").asInt()).as("Pablo's answer in Outlook").isEqualTo(1);
            assertThat(api().get("/api/meetings/" + id + "/details", host).json().get("participants").findValuesAsText("answer"))
                    .contains("TENTATIVE");
            assertThat(api().get("/api/meetings/" + id + "/details", host).text("start")).isEqualTo(start.toString());

            providers().stubFor(get(urlPathMatching(DELTA)).withQueryParam("$deltatoken", containing("first"))
                    .willReturn(json(200, "{\"value\":[{\"id\":\"AAMkAGI2-1\",\"@removed\":{\"reason\":\"deleted\"}}],"
                            + "\"@odata.deltaLink\":\"" + next + "?$deltatoken=second\"}")));
            Reply deleted = api().post("/api/integrations/calendar/sync", host, null);
            assertThat(deleted.json().get("deleted").asInt()).isEqualTo(1);
            assertThat(NotificationsIT.awaitKinds(host, id, 1)).contains("CALENDAR_DELETED");
        } finally {
            api().post("/api/integrations/third-party", host, Map.of("provider", "MICROSOFT", "action", "DISCONNECT"));
        }
    }

    @Test
    void anEventMarkedAsAConveneMeetingInOutlookBecomesOneAndGainsTheJoinLink() {
        assertThat(api().post("/api/integrations/third-party", host, Map.of("provider", "MICROSOFT", "action", "CONNECT"))
                .status()).isEqualTo(200);
        try {
            java.time.LocalDateTime[] slot = Meetings.freshSlot();
            Instant start = slot[0].atZone(java.time.ZoneId.of("Europe/Berlin")).toInstant();
            Instant end = slot[1].atZone(java.time.ZoneId.of("Europe/Berlin")).toInstant();
            String next = "http://127.0.0.1:" + providers().port() + "/ms/graph/users/hana@convene.example/calendarView/delta";
            String made = "{\"id\":\"AAMkMarked-1\",\"subject\":\"Roadmap chat\",\"location\":{\"displayName\":\"Convene meeting\"},"
                    + "\"body\":{\"contentType\":\"text\",\"content\":\"Plans for the first quarter\"},"
                    + "\"start\":{\"dateTime\":\"" + start.toString().replace("Z", ".0000000") + "\",\"timeZone\":\"UTC\"},"
                    + "\"end\":{\"dateTime\":\"" + end.toString().replace("Z", ".0000000") + "\",\"timeZone\":\"UTC\"},"
                    + "\"attendees\":[{\"type\":\"required\",\"emailAddress\":{\"address\":\"" + Meetings.PARTICIPANT + "\"}},"
                    + "{\"type\":\"required\",\"emailAddress\":{\"address\":\"partner@example.org\"}}]}";
            providers().stubFor(get(urlPathMatching(DELTA)).withQueryParam("startDateTime", containing("T"))
                    .willReturn(json(200, "{\"value\":[" + made + ",{\"id\":\"AAMkLunch\",\"subject\":\"Lunch\","
                            + "\"start\":{\"dateTime\":\"" + start.toString().replace("Z", "") + "\"},\"end\":{\"dateTime\":\""
                            + end.toString().replace("Z", "") + "\"}}],\"@odata.deltaLink\":\"" + next + "?$deltatoken=marked\"}")));
            Reply synced = api().post("/api/integrations/calendar/sync", host, null);
            assertThat(synced.status()).as(synced.toString()).isEqualTo(200);
            assertThat(synced.json().get("adopted").asInt()).as("the marked event, not the lunch").isEqualTo(1);

            String id = ConveneSuite.text("select meeting_id from calendar_copies where external_id = 'AAMkMarked-1'");
            JsonNode meeting = api().get("/api/meetings/" + id + "/details", host).json();
            assertThat(meeting.get("title").asText()).isEqualTo("Roadmap chat");
            assertThat(meeting.get("start").asText()).isEqualTo(start.toString());
            assertThat(meeting.get("host").get("email").asText()).isEqualTo("hana@convene.example");
            assertThat(meeting.get("agenda").asText()).contains("Plans for the first quarter");
            assertThat(meeting.get("participants").findValuesAsText("email"))
                    .contains(Meetings.PARTICIPANT, "partner@example.org");

            // the event in Outlook gains the join link (and Outlook tells its attendees)
            LoggedRequest patched = Eventually.get(() -> providers().findAll(patchRequestedFor(urlPathMatching(
                    "/ms/graph/users/hana(%40|@)convene\\.example/events/AAMkMarked-1"))), found -> !found.isEmpty(),
                    Duration.ofSeconds(30)).get(0);
            JsonNode event = read(patched.getBodyAsString());
            assertThat(event.get("location").get("displayName").asText()).isEqualTo(meeting.get("joinUrl").asText());
            assertThat(event.get("attendees").findValuesAsText("address")).contains(Meetings.PARTICIPANT, "partner@example.org");
            assertThat(providers().findAll(postRequestedFor(urlPathMatching(EVENTS)))).as("no second event made").isEmpty();

            // read again: it is the meeting's copy now, not a new meeting
            providers().stubFor(get(urlPathMatching(DELTA)).withQueryParam("$deltatoken", containing("marked"))
                    .willReturn(json(200, "{\"value\":[" + made + "],\"@odata.deltaLink\":\"" + next + "?$deltatoken=again\"}")));
            assertThat(api().post("/api/integrations/calendar/sync", host, null).json().get("adopted").asInt()).isZero();
            assertThat(ConveneSuite.count("select count(*) from calendar_copies where external_id = 'AAMkMarked-1'")).isEqualTo(1);
        } finally {
            api().post("/api/integrations/third-party", host, Map.of("provider", "MICROSOFT", "action", "DISCONNECT"));
        }
    }

    @Test
    void aSeriesIsOneRecurringEventInOutlookItsCancelledMeetingsDeletedOccurrencesAndAnOccurrenceMovedThereMovesItsMeeting() {
        String series = "/ms/graph/users/hana(%40|@)convene\\.example/events/AAMkSeries-1";
        providers().stubFor(post(urlPathMatching(EVENTS)).willReturn(json(201, "{\"id\":\"AAMkSeries-1\"}")));
        assertThat(api().post("/api/integrations/third-party", host, Map.of("provider", "MICROSOFT", "action", "CONNECT"))
                .status()).isEqualTo(200);
        try {
            java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
            java.time.LocalDateTime first = java.time.LocalDate.now(berlin)
                    .plusDays(300 + java.util.concurrent.ThreadLocalRandom.current().nextInt(40))
                    .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.TUESDAY)).atTime(5, 40);
            Reply m = schedule(host, Meetings.with(draft("Weekly in Outlook"), "start", first.toString(),
                    "end", first.plusMinutes(30).toString(), "recurrence", Map.of("frequency", "WEEKLY", "count", 3)));
            String seriesId = ConveneSuite.text("select series_id from meetings where id = '" + m.text("id") + "'");
            java.util.List<String> ids = java.util.List.of(ConveneSuite.text("select string_agg(id::text, ',' order by occurrence_start)"
                    + " from meetings where series_id = '" + seriesId + "'").split(","));
            LoggedRequest created = Eventually.get(() -> providers().findAll(postRequestedFor(urlPathMatching(EVENTS))),
                    found -> !found.isEmpty(), Duration.ofSeconds(30)).get(0);
            JsonNode recurrence = read(created.getBodyAsString()).get("recurrence");
            assertThat(recurrence.at("/pattern/type").asText()).isEqualTo("weekly");
            assertThat(recurrence.at("/pattern/interval").asInt()).isEqualTo(1);
            assertThat(recurrence.at("/pattern/daysOfWeek/0").asText()).isEqualTo("tuesday");
            assertThat(recurrence.at("/range/type").asText()).isEqualTo("numbered");
            assertThat(recurrence.at("/range/numberOfOccurrences").asInt()).isEqualTo(3);
            assertThat(recurrence.at("/range/startDate").asText()).isEqualTo(first.toLocalDate().toString());
            assertThat(read(created.getBodyAsString()).get("attendees").findValuesAsText("address")).containsExactly(Meetings.PARTICIPANT);
            Eventually.get(() -> ConveneSuite.count("select count(*) from calendar_series_copies where series_id = '" + seriesId
                    + "' and external_id = 'AAMkSeries-1'"), n -> n == 1, Duration.ofSeconds(10));

            // Outlook has no EXDATE: the second meeting cancelled alone is its occurrence deleted
            StringBuilder occurrences = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                Instant at = first.plusWeeks(i).atZone(berlin).toInstant();
                occurrences.append(i == 0 ? "" : ",").append("{\"id\":\"AAMkOcc-").append(i + 1).append("\",\"originalStart\":\"")
                        .append(at).append("\",\"start\":{\"dateTime\":\"").append(at.toString().replace("Z", ".0000000"))
                        .append("\",\"timeZone\":\"UTC\"}}");
            }
            providers().stubFor(get(urlPathMatching(series + "/instances")).willReturn(json(200, "{\"value\":[" + occurrences + "]}")));
            providers().stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(urlPathMatching(EVENTS))
                    .willReturn(aResponse().withStatus(204)));
            assertThat(api().delete("/api/meetings/" + ids.get(1) + "?scope=occurrence", host).status()).isEqualTo(204);
            Eventually.get(() -> providers().findAll(com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(
                    urlPathMatching(EVENTS))), found -> !found.isEmpty(), Duration.ofSeconds(30));
            assertThat(providers().findAll(com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(urlPathMatching(EVENTS)))
                    .stream().map(LoggedRequest::getUrl).toList()).as("that occurrence, not the series")
                    .singleElement().asString().endsWith("/events/AAMkOcc-2");
            assertThat(providers().findAll(patchRequestedFor(urlPathMatching(series)))).as("the series' event made right first")
                    .isNotEmpty();

            // in Outlook the host moved the third an hour later: that meeting alone moves
            Instant third = first.plusWeeks(2).atZone(berlin).toInstant();
            Instant movedTo = third.plus(Duration.ofHours(1));
            String next = "http://127.0.0.1:" + providers().port() + "/ms/graph/users/hana@convene.example/calendarView/delta";
            providers().stubFor(get(urlPathMatching(DELTA)).withQueryParam("startDateTime", containing("T"))
                    .willReturn(json(200, "{\"value\":[{\"id\":\"AAMkOcc-3\",\"type\":\"exception\",\"seriesMasterId\":\"AAMkSeries-1\","
                            + "\"originalStart\":\"" + third + "\",\"start\":{\"dateTime\":\"" + movedTo.toString().replace("Z", ".0000000")
                            + "\",\"timeZone\":\"UTC\"},\"end\":{\"dateTime\":\"" + movedTo.plus(Duration.ofMinutes(30)).toString()
                            .replace("Z", ".0000000") + "\",\"timeZone\":\"UTC\"}}],\"@odata.deltaLink\":\"" + next + "?$deltatoken=series\"}")));
            Reply synced = api().post("/api/integrations/calendar/sync", host, null);
            assertThat(synced.json().get("moved").asInt()).as(synced.toString()).isEqualTo(1);
            assertThat(api().get("/api/meetings/" + ids.get(2) + "/details", host).text("start")).isEqualTo(movedTo.toString());
            assertThat(api().get("/api/meetings/" + ids.get(0) + "/details", host).text("start"))
                    .isEqualTo(first.atZone(berlin).toInstant().toString());
        } finally {
            api().post("/api/integrations/third-party", host, Map.of("provider", "MICROSOFT", "action", "DISCONNECT"));
        }
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static JsonNode read(String json) {
        try {
            return Api.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
