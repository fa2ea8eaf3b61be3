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

    @org.junit.jupiter.api.BeforeEach
    void freshProviders() {
        providers().resetAll();
    }

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
                .willReturn(json(200, "{\"kind\":\"calendar#event\",\"status\":\"confirmed\",\"etag\":\"1\"}")));

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
            Eventually.get(() -> ConveneSuite.count("select count(*) from calendar_copies where meeting_id = '"
                    + m.text("id") + "'"), n -> n == 1, Duration.ofSeconds(10));

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
        assertThat(api().post("/api/integrations/third-party", pablo, Map.of("provider", "GOOGLE",
                "action", "CONNECT")).status()).as("no refresh token").isEqualTo(400);
    }

    /**
     * Each change of a meeting is pushed to the host's calendar through a Camel route: a route that
     * made a producer (and its threads) per exchange and never stopped it would leave Payara with
     * more threads after every push. A thousand pushes leave the thread count where it was.
     */
    @Test
    void aThousandCalendarPushesLeaveTheThreadCountFlat() {
        googleAcceptsEverything("ya29.many");
        assertThat(api().post("/api/integrations/third-party", host, Map.of("provider", "GOOGLE",
                "action", "CONNECT", "secret", "1//refresh-token-of-hana")).status()).isEqualTo(200);
        try {
            // no one invited: a thousand changes tell nobody but the host's calendar
            String id = schedule(host, Meetings.with(draft("Pushed a thousand times"), "invitees", List.of())).text("id");
            String event = EVENTS + "/cv" + id.replace("-", "");
            Eventually.get(() -> ConveneSuite.count("select count(*) from calendar_copies where meeting_id = '" + id + "'"),
                    n -> n == 1, Duration.ofSeconds(30));
            int warmUp = 20; // the route's own threads (pools, timers) are there once it has run a while
            edit(id, 0, warmUp);
            pushes(event, warmUp);
            double before = PlatformIT.figure(PlatformIT.scrape(), "thread_count");

            edit(id, warmUp, warmUp + 1000);
            pushes(event, warmUp + 1000);
            double after = PlatformIT.figure(PlatformIT.scrape(), "thread_count");

            System.out.printf("Payara's threads: %.0f before 1,000 calendar pushes, %.0f after%n", before, after);
            assertThat(after).as("threads after 1,000 pushes (%s before)", before).isLessThan(before + 25);
        } finally {
            assertThat(api().post("/api/integrations/third-party", host, Map.of("provider", "GOOGLE",
                    "action", "DISCONNECT")).status()).isEqualTo(204);
        }
    }

    /** Google as it answers when all goes well: a token, and every insert and update of an event taken. */
    private static void googleAcceptsEverything(String accessToken) {
        providers().stubFor(post(urlPathEqualTo(TOKEN)).willReturn(json(200, "{\"access_token\":\"" + accessToken
                + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
        providers().stubFor(post(urlPathEqualTo(EVENTS)).willReturn(json(200, "{\"status\":\"confirmed\"}")));
        providers().stubFor(patch(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(EVENTS + "/.*"))
                .willReturn(json(200, "{\"status\":\"confirmed\"}")));
    }

    private static void edit(String meetingId, int from, int to) {
        for (int i = from; i < to; i++) {
            assertThat(api().put("/api/meetings/" + meetingId + "/edit", host, Map.of("title", "Pushed " + i)).status())
                    .isEqualTo(200);
        }
    }

    /** Waits until the calendar has had at least this many updates of the event. */
    private static void pushes(String event, int atLeast) {
        Eventually.get(() -> providers().findAll(patchRequestedFor(urlPathEqualTo(event))).size(), n -> n >= atLeast,
                Duration.ofMinutes(5));
    }

    @Test
    void aCopyMovedInTheCalendarMovesTheMeetingADeletedOneIsReportedToTheHost() {
        googleAcceptsEverything("ya29.sync");
        assertThat(api().get("/api/users/profile", pablo).status()).isEqualTo(200);
        assertThat(api().post("/api/integrations/third-party", host, Map.of("provider", "GOOGLE",
                "action", "CONNECT", "secret", "1//refresh-token-of-hana")).status()).isEqualTo(200);
        try {
            Map<String, Object> d = draft("Moved in Google");
            Reply m = schedule(host, d);
            String id = m.text("id");
            String eventId = "cv" + id.replace("-", "");
            Eventually.get(() -> ConveneSuite.count("select count(*) from calendar_copies where meeting_id = '" + id + "'"),
                    n -> n == 1, Duration.ofSeconds(30));
            java.time.LocalDateTime[] slot = Meetings.freshSlot(); // a time no other test uses
            java.time.Instant start = slot[0].atZone(java.time.ZoneId.of("Europe/Berlin")).toInstant();
            java.time.Instant end = slot[1].atZone(java.time.ZoneId.of("Europe/Berlin")).toInstant();

            // the host dragged it to another day in Google Calendar; someone else's event changed too
            providers().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(EVENTS))
                    .withQueryParam("showDeleted", com.github.tomakehurst.wiremock.client.WireMock.equalTo("true"))
                    .willReturn(json(200, "{\"kind\":\"calendar#events\",\"items\":["
                            + "{\"id\":\"" + eventId + "\",\"status\":\"confirmed\",\"start\":{\"dateTime\":\"" + start
                            + "\",\"timeZone\":\"Europe/Berlin\"},\"end\":{\"dateTime\":\"" + end + "\"}},"
                            + "{\"id\":\"lunch123\",\"status\":\"confirmed\",\"start\":{\"dateTime\":\"" + start + "\"},"
                            + "\"end\":{\"dateTime\":\"" + end + "\"}}],\"nextSyncToken\":\"sync-1\"}")));
            Reply first = api().post("/api/integrations/calendar/sync", host, null);
            assertThat(first.status()).as(first.toString()).isEqualTo(200);
            assertThat(first.json().get("moved").asInt()).isEqualTo(1);
            assertThat(first.json().get("read").asInt()).isEqualTo(2);
            assertThat(api().get("/api/meetings/" + id + "/details", host).text("start")).isEqualTo(start.toString());
            assertThat(NotificationsIT.awaitKinds(pablo, id, 2)).contains("CHANGED");

            // then deleted it there: Convene keeps the meeting and tells the host
            providers().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(EVENTS))
                    .withQueryParam("syncToken", com.github.tomakehurst.wiremock.client.WireMock.equalTo("sync-1"))
                    .willReturn(json(200, "{\"items\":[{\"id\":\"" + eventId + "\",\"status\":\"cancelled\"}],"
                            + "\"nextSyncToken\":\"sync-2\"}")));
            Reply second = api().post("/api/integrations/calendar/sync", host, null);
            assertThat(second.json().get("deleted").asInt()).as(second.toString()).isEqualTo(1);
            assertThat(api().get("/api/meetings/" + id + "/details", host).text("status")).isEqualTo("SCHEDULED");
            assertThat(NotificationsIT.awaitKinds(host, id, 1)).contains("CALENDAR_DELETED");
            assertThat(ConveneSuite.count("select count(*) from calendar_copies where meeting_id = '" + id + "'")).isZero();
        } finally {
            api().post("/api/integrations/third-party", host, Map.of("provider", "GOOGLE", "action", "DISCONNECT"));
        }
        assertThat(api().post("/api/integrations/calendar/sync", host, null).status()).as("nothing connected").isEqualTo(404);
    }

    @Test
    void theInviteesAreInvitedByGoogleAndNotByConveneAndTheirAnswersComeBack() throws Exception {
        providers().stubFor(post(urlPathEqualTo(TOKEN))
                .willReturn(json(200, "{\"access_token\":\"ya29.invite\",\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
        providers().stubFor(post(urlPathEqualTo(EVENTS)).willReturn(json(200, "{\"status\":\"confirmed\"}")));
        ErasureBoundariesIT.Person ana = ErasureBoundariesIT.register("Ana Attendee");
        ErasureBoundariesIT.Person abe = ErasureBoundariesIT.register("Abe Attendee");
        assertThat(api().post("/api/integrations/third-party", host, Map.of("provider", "GOOGLE",
                "action", "CONNECT", "secret", "1//refresh-token-of-hana")).status()).isEqualTo(200);
        try {
            Reply m = schedule(host, Meetings.with(draft("Invited by Google"), "invitees", List.of(ana.email(), abe.email())));
            String id = m.text("id");
            String eventId = "cv" + id.replace("-", "");
            LoggedRequest inserted = Eventually.get(() -> providers().findAll(postRequestedFor(urlPathEqualTo(EVENTS))),
                    found -> !found.isEmpty(), Duration.ofSeconds(30)).get(0);
            assertThat(inserted.queryParameter("sendUpdates").firstValue()).as("Google mails the attendees").isEqualTo("all");
            JsonNode event = read(inserted);
            assertThat(event.get("attendees").findValuesAsText("email")).containsExactlyInAnyOrder(ana.email(), abe.email());
            assertThat(event.get("location").asText()).isEqualTo(m.text("joinUrl"));

            // Convene's own e-mail stays quiet: the in-app notice is there, and no invitation follows it,
            // not even after the broker's last redelivery (1 + 2 + 4 + 8 s) could have brought one
            assertThat(NotificationsIT.awaitKinds(ana.token(), id, 1)).contains("INVITED");
            Thread.sleep(16_000); // nothing more arrives: past the last redelivery (1 + 2 + 4 + 8 s)
            assertThat(EmailInvitesIT.invites(ana.email(), id + "@convene")).isEmpty();
            assertThat(EmailInvitesIT.invites(abe.email(), id + "@convene")).isEmpty();

            // they answered in Google: Ana yes, Abe no; the next read of the host's calendar brings it
            providers().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(EVENTS))
                    .willReturn(json(200, "{\"items\":[{\"id\":\"" + eventId + "\",\"status\":\"confirmed\",\"attendees\":["
                            + "{\"email\":\"" + ana.email().toUpperCase() + "\",\"responseStatus\":\"accepted\"},"
                            + "{\"email\":\"" + abe.email() + "\",\"responseStatus\":\"declined\"},"
                            + "{\"email\":\"hana@convene.example\",\"responseStatus\":\"accepted\",\"organizer\":true}]}],"
                            + "\"nextSyncToken\":\"sync-answers\"}")));
            Reply synced = api().post("/api/integrations/calendar/sync", host, null);
            assertThat(synced.json().get("answers").asInt()).as(synced.toString()).isEqualTo(2);
            JsonNode people = api().get("/api/meetings/" + id + "/details", host).json().get("participants");
            Map<String, String> answers = new java.util.HashMap<>();
            people.forEach(p -> answers.put(p.get("email").asText(), p.path("answer").asText("")));
            assertThat(answers).containsEntry(ana.email(), "ACCEPTED").containsEntry(abe.email(), "DECLINED");
        } finally {
            api().post("/api/integrations/third-party", host, Map.of("provider", "GOOGLE", "action", "DISCONNECT"));
        }
    }

    @Test
    void aSeriesIsOneRecurringEventInGoogleAndItsMeetingsChangedAloneAreItsOccurrences() throws Exception {
        providers().stubFor(post(urlPathEqualTo(TOKEN))
                .willReturn(json(200, "{\"access_token\":\"ya29.series\",\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
        providers().stubFor(post(urlPathEqualTo(EVENTS)).willReturn(json(200, "{\"status\":\"confirmed\"}")));
        providers().stubFor(patch(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(EVENTS + "/.*"))
                .willReturn(json(200, "{\"status\":\"confirmed\"}")));
        ErasureBoundariesIT.Person rita = ErasureBoundariesIT.register("Rita Recurring");
        assertThat(api().post("/api/integrations/third-party", host, Map.of("provider", "GOOGLE",
                "action", "CONNECT", "secret", "1//refresh-token-of-hana")).status()).isEqualTo(200);
        try {
            java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
            java.time.LocalDateTime first = java.time.LocalDate.now(berlin)
                    .plusDays(300 + java.util.concurrent.ThreadLocalRandom.current().nextInt(40))
                    .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY)).atTime(5, 10);
            java.time.Instant scheduledAt = java.time.Instant.now();
            Reply m = schedule(host, Meetings.with(draft("Weekly in Google"), "start", first.toString(),
                    "end", first.plusMinutes(50).toString(), "invitees", List.of(rita.email()),
                    "recurrence", Map.of("frequency", "WEEKLY", "count", 3)));
            String series = ConveneSuite.text("select series_id from meetings where id = '" + m.text("id") + "'");
            List<String> ids = List.of(ConveneSuite.text("select string_agg(id::text, ',' order by occurrence_start) from meetings"
                    + " where series_id = '" + series + "'").split(","));
            String eventId = "cv" + ids.get(0).replace("-", "");

            LoggedRequest inserted = Eventually.get(() -> providers().findAll(postRequestedFor(urlPathEqualTo(EVENTS))),
                    found -> !found.isEmpty(), Duration.ofSeconds(30)).get(0);
            JsonNode event = read(inserted);
            assertThat(event.get("id").asText()).isEqualTo(eventId);
            assertThat(event.get("recurrence").get(0).asText()).isEqualTo("RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO;COUNT=3");
            assertThat(event.get("start").get("dateTime").asText()).isEqualTo(iso(first.atZone(berlin)));
            assertThat(event.get("attendees").findValuesAsText("email")).containsExactly(rita.email());
            assertThat(inserted.queryParameter("sendUpdates").firstValue()).as("Google invites the series' attendees").isEqualTo("all");
            Eventually.get(() -> ConveneSuite.count("select count(*) from calendar_series_copies where series_id = '" + series
                    + "' and external_id = '" + eventId + "'"), n -> n == 1, Duration.ofSeconds(10));

            // the second meeting an hour later, alone: that occurrence of the event changes, not the series
            java.time.LocalDateTime second = first.plusWeeks(1);
            Reply edited = api().put("/api/meetings/" + ids.get(1) + "/edit?scope=occurrence", host, Map.of(
                    "start", second.plusHours(1).toString(), "end", second.plusHours(1).plusMinutes(50).toString()));
            assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
            String instance = eventId + "_" + utcStamp(second.atZone(berlin));
            LoggedRequest moved = Eventually.get(() -> providers().findAll(patchRequestedFor(urlPathEqualTo(EVENTS + "/" + instance))),
                    found -> !found.isEmpty(), Duration.ofSeconds(30)).get(0);
            assertThat(read(moved).get("start").get("dateTime").asText())
                    .isEqualTo(iso(second.plusHours(1).atZone(berlin)));
            assertThat(read(moved).has("recurrence")).as("an occurrence carries no rule").isFalse();
            assertThat(moved.queryParameter("sendUpdates").firstValue()).isEqualTo("all");
            assertThat(providers().findAll(patchRequestedFor(urlPathEqualTo(EVENTS + "/" + eventId)))).as("the series as it was").isEmpty();

            // the third cancelled alone: the series' event leaves it out
            assertThat(api().delete("/api/meetings/" + ids.get(2) + "?scope=occurrence", host).status()).isEqualTo(204);
            LoggedRequest skipped = Eventually.get(() -> providers().findAll(patchRequestedFor(urlPathEqualTo(EVENTS + "/" + eventId))),
                    found -> !found.isEmpty(), Duration.ofSeconds(30)).get(0);
            assertThat(read(skipped).get("recurrence").toString()).contains("RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO;COUNT=3")
                    .contains("EXDATE;TZID=Europe/Berlin:" + first.plusWeeks(2).format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")));

            // in Google: the host dragged the first meeting an hour later, and Rita accepted the series
            java.time.ZonedDateTime firstThere = first.atZone(berlin);
            providers().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(EVENTS))
                    .willReturn(json(200, "{\"items\":[{\"id\":\"" + eventId + "\",\"status\":\"confirmed\","
                            + "\"recurrence\":[\"RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO;COUNT=3\"],"
                            + "\"start\":{\"dateTime\":\"" + firstThere.toOffsetDateTime() + "\",\"timeZone\":\"Europe/Berlin\"},"
                            + "\"end\":{\"dateTime\":\"" + firstThere.plusMinutes(50).toOffsetDateTime() + "\"},"
                            + "\"attendees\":[{\"email\":\"" + rita.email() + "\",\"responseStatus\":\"accepted\"}]},"
                            + "{\"id\":\"" + eventId + "_" + utcStamp(firstThere) + "\",\"status\":\"confirmed\","
                            + "\"recurringEventId\":\"" + eventId + "\",\"originalStartTime\":{\"dateTime\":\"" + firstThere.toOffsetDateTime() + "\"},"
                            + "\"start\":{\"dateTime\":\"" + firstThere.plusHours(1).toOffsetDateTime() + "\"},"
                            + "\"end\":{\"dateTime\":\"" + firstThere.plusHours(1).plusMinutes(50).toOffsetDateTime() + "\"}}],"
                            + "\"nextSyncToken\":\"sync-series\"}")));
            Reply synced = api().post("/api/integrations/calendar/sync", host, null);
            assertThat(synced.status()).as(synced.toString()).isEqualTo(200);
            assertThat(synced.json().get("moved").asInt()).as(synced.toString()).isEqualTo(1);
            assertThat(synced.json().get("answers").asInt()).as(synced.toString()).isEqualTo(1);
            JsonNode firstMeeting = api().get("/api/meetings/" + ids.get(0) + "/details", host).json();
            assertThat(firstMeeting.get("start").asText()).isEqualTo(firstThere.plusHours(1).toInstant().toString());
            assertThat(firstMeeting.get("participants").findValuesAsText("answer")).contains("ACCEPTED");
            assertThat(ConveneSuite.text("select string_agg(detached::text, ',' order by occurrence_start) from meetings"
                    + " where series_id = '" + series + "'")).isEqualTo("true,true,true");

            // Google invited Rita to the series, its change and its cancellation: Convene's e-mail stayed quiet,
            // even past the broker's last redelivery (1 + 2 + 4 + 8 s) of the first invitation
            long waited = Duration.between(scheduledAt, java.time.Instant.now()).toMillis();
            Thread.sleep(Math.max(0, 16_000 - waited)); // nothing more arrives: past the last redelivery
            assertThat(EmailInvitesIT.invites(rita.email(), series + "@convene")).isEmpty();
        } finally {
            api().post("/api/integrations/third-party", host, Map.of("provider", "GOOGLE", "action", "DISCONNECT"));
        }
    }

    @Test
    void aRecurringEventMarkedInGoogleBecomesASeriesAndItsEventGainsTheJoinLink() {
        providers().stubFor(post(urlPathEqualTo(TOKEN))
                .willReturn(json(200, "{\"access_token\":\"ya29.weekly\",\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
        providers().stubFor(patch(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(EVENTS + "/.*"))
                .willReturn(json(200, "{\"status\":\"confirmed\"}")));
        assertThat(api().post("/api/integrations/third-party", host, Map.of("provider", "GOOGLE",
                "action", "CONNECT", "secret", "1//refresh-token-of-hana")).status()).isEqualTo(200);
        try {
            java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
            java.time.ZonedDateTime first = java.time.LocalDate.now(berlin)
                    .plusDays(300 + java.util.concurrent.ThreadLocalRandom.current().nextInt(40))
                    .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.TUESDAY)).atTime(4, 20).atZone(berlin);
            String eventId = "gweekly" + java.util.UUID.randomUUID().toString().substring(0, 8);
            providers().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(EVENTS))
                    .willReturn(json(200, "{\"items\":[{\"id\":\"" + eventId + "\",\"status\":\"confirmed\","
                            + "\"summary\":\"Stand-up (Convene meeting)\",\"recurrence\":[\"RRULE:FREQ=WEEKLY;WKST=SU;COUNT=4;BYDAY=TU,TH\"],"
                            + "\"start\":{\"dateTime\":\"" + iso(first) + "\",\"timeZone\":\"Europe/Berlin\"},"
                            + "\"end\":{\"dateTime\":\"" + iso(first.plusMinutes(15)) + "\",\"timeZone\":\"Europe/Berlin\"},"
                            + "\"attendees\":[{\"email\":\"hana@convene.example\",\"self\":true,\"organizer\":true},"
                            + "{\"email\":\"" + Meetings.PARTICIPANT + "\",\"responseStatus\":\"needsAction\"}]}],"
                            + "\"nextSyncToken\":\"sync-weekly\"}")));
            Reply synced = api().post("/api/integrations/calendar/sync", host, null);
            assertThat(synced.json().get("adopted").asInt()).as(synced.toString()).isEqualTo(1);
            String series = ConveneSuite.text("select series_id from calendar_series_copies where external_id = '" + eventId + "'");
            assertThat(ConveneSuite.text("select string_agg(to_char(starts_at at time zone 'Europe/Berlin', 'Dy HH24:MI'), ','"
                    + " order by starts_at) from meetings where series_id = '" + series + "'"))
                    .as("a meeting for each of the event's four").isEqualTo("Tue 04:20,Thu 04:20,Tue 04:20,Thu 04:20");
            String firstId = ConveneSuite.text("select id from meetings where series_id = '" + series + "' order by starts_at limit 1");
            JsonNode meeting = api().get("/api/meetings/" + firstId + "/details", host).json();
            assertThat(meeting.get("participants").findValuesAsText("email")).contains(Meetings.PARTICIPANT);

            LoggedRequest patched = Eventually.get(() -> providers().findAll(patchRequestedFor(urlPathEqualTo(EVENTS + "/" + eventId))),
                    found -> !found.isEmpty(), Duration.ofSeconds(30)).get(0);
            assertThat(read(patched).get("location").asText()).isEqualTo(meeting.get("joinUrl").asText());
            assertThat(read(patched).get("recurrence").get(0).asText()).isEqualTo("RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=TU,TH;COUNT=4");
        } finally {
            api().post("/api/integrations/third-party", host, Map.of("provider", "GOOGLE", "action", "DISCONNECT"));
        }
    }

    private static String iso(java.time.ZonedDateTime at) {
        return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at);
    }

    private static String utcStamp(java.time.ZonedDateTime at) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(at.withZoneSameInstant(java.time.ZoneOffset.UTC));
    }

    @Test
    void anEventMarkedAsAConveneMeetingInGoogleBecomesOneAndGainsTheJoinLink() {
        providers().stubFor(post(urlPathEqualTo(TOKEN))
                .willReturn(json(200, "{\"access_token\":\"ya29.marked\",\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
        providers().stubFor(patch(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(EVENTS + "/.*"))
                .willReturn(json(200, "{\"status\":\"confirmed\"}")));
        assertThat(api().post("/api/integrations/third-party", host, Map.of("provider", "GOOGLE",
                "action", "CONNECT", "secret", "1//refresh-token-of-hana")).status()).isEqualTo(200);
        try {
            java.time.LocalDateTime[] slot = Meetings.freshSlot();
            String start = slot[0].atZone(java.time.ZoneId.of("Europe/Berlin")).toOffsetDateTime().toString();
            String end = slot[1].atZone(java.time.ZoneId.of("Europe/Berlin")).toOffsetDateTime().toString();
            providers().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(EVENTS))
                    .willReturn(json(200, "{\"items\":[{\"id\":\"gmarked1\",\"status\":\"confirmed\","
                            + "\"summary\":\"Budget (Convene meeting)\",\"description\":\"Numbers first\","
                            + "\"start\":{\"dateTime\":\"" + start + "\",\"timeZone\":\"Europe/Berlin\"},"
                            + "\"end\":{\"dateTime\":\"" + end + "\",\"timeZone\":\"Europe/Berlin\"},"
                            + "\"attendees\":[{\"email\":\"hana@convene.example\",\"self\":true,\"organizer\":true},"
                            + "{\"email\":\"" + Meetings.PARTICIPANT + "\",\"responseStatus\":\"needsAction\"}]}],"
                            + "\"nextSyncToken\":\"sync-marked\"}")));
            Reply synced = api().post("/api/integrations/calendar/sync", host, null);
            assertThat(synced.json().get("adopted").asInt()).as(synced.toString()).isEqualTo(1);
            String id = ConveneSuite.text("select meeting_id from calendar_copies where external_id = 'gmarked1'");
            JsonNode meeting = api().get("/api/meetings/" + id + "/details", host).json();
            assertThat(meeting.get("title").asText()).isEqualTo("Budget (Convene meeting)");
            assertThat(meeting.get("timeZone").asText()).isEqualTo("Europe/Berlin");
            assertThat(meeting.get("participants").findValuesAsText("email")).contains(Meetings.PARTICIPANT);

            LoggedRequest patched = Eventually.get(() -> providers().findAll(patchRequestedFor(urlPathEqualTo(EVENTS + "/gmarked1"))),
                    found -> !found.isEmpty(), Duration.ofSeconds(30)).get(0);
            assertThat(patched.queryParameter("sendUpdates").firstValue()).isEqualTo("all");
            assertThat(read(patched).get("location").asText()).isEqualTo(meeting.get("joinUrl").asText());
        } finally {
            api().post("/api/integrations/third-party", host, Map.of("provider", "GOOGLE", "action", "DISCONNECT"));
        }
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
