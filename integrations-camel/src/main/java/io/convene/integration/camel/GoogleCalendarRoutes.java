package io.convene.integration.camel;

import io.convene.integration.Announcement;
import io.convene.integration.CalendarChanges;
import io.convene.shared.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

/**
 * Google Calendar (API v3): keeps the copy of a meeting in its host's calendar. Insert with an id
 * made from the meeting's (so a replayed insert answers 409 and becomes an update, never a second
 * event), PATCH on change, DELETE on cancel. Access tokens come from the connection's refresh
 * token (OAuth token endpoint) and are kept until shortly before they expire; a 401 refreshes once
 * and repeats the call. 429 waits its Retry-After; 404/410 mean the user removed the event.
 */
public class GoogleCalendarRoutes extends RouteBuilder {

    public static final String ENDPOINT = "direct:google-calendar";
    public static final String CHANGES = "direct:google-calendar-changes";
    public static final String CHECK = "direct:google-check";
    static final String SYNC_TOKEN = "conveneSyncToken";
    /** Google mails the attendees the invitation, its changes and its cancellation. */
    private static final String UPDATES = "?sendUpdates=all";
    static final String COPY = "conveneCopyId";
    static final String RESULT = "conveneCalendarCopy";
    /** An occurrence of a recurring event is the event's id, "_" and its original start in UTC. */
    private static final DateTimeFormatter INSTANCE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final DateTimeFormatter LOCAL_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private final String apiUrl;
    private final String tokenUrl;
    private final Optional<String> clientId;
    private final Optional<String> clientSecret;
    private final Clock clock;
    private final Map<UUID, AccessToken> tokens = new ConcurrentHashMap<>();

    private record AccessToken(String value, Instant renewAfter) {
    }

    public GoogleCalendarRoutes(String apiUrl, String tokenUrl, Optional<String> clientId, Optional<String> clientSecret,
                                Clock clock) {
        this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId("google-calendar").process(ProviderErrorHandling.honouringRetryAfter(this::push));
        from(CHANGES).routeId("google-calendar-changes").process(ProviderErrorHandling.honouringRetryAfter(this::pull));
        from(CHECK).routeId("google-check").process(e -> {
            accessToken(e.getMessage().getHeader(RouteHeaders.TARGET, Announcement.Target.class), true);
            e.getMessage().setHeader(RouteHeaders.CHECKED, "Google gave a fresh access token for this calendar");
        });
    }

    /**
     * Reads events changed since the sync token (all of them, with deleted ones, without a token), page
     * by page; a 410 (token expired) starts over without one. Body: the changes; header: the next token.
     */
    private void pull(Exchange e) {
        Announcement.Target target = e.getMessage().getHeader(RouteHeaders.TARGET, Announcement.Target.class);
        String token = e.getMessage().getHeader(SYNC_TOKEN, String.class);
        String events = apiUrl + "/calendars/" + URLEncoder.encode(calendarId(target), StandardCharsets.UTF_8) + "/events";
        ProducerTemplate http = SharedProducer.of(e.getContext());
        java.util.List<CalendarChanges.Change> changes = new java.util.ArrayList<>();
        String page = null;
        while (true) {
            String query = (token == null ? "showDeleted=true&maxResults=250" : "syncToken=" + enc(token))
                    + (page == null ? "" : "&pageToken=" + enc(page));
            Message answer = call(http, target, "GET", events + "?" + query, null);
            int status = answer.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
            if (status == 410 && token != null) { // the sync token expired: read everything again
                token = null;
                page = null;
                changes.clear();
                continue;
            }
            expect(status, "list", 200);
            try (JsonReader r = Jsons.createReader(new StringReader(answer.getBody(String.class)))) {
                JsonObject list = r.readObject();
                for (JsonObject item : list.getJsonArray("items").getValuesAs(JsonObject.class)) {
                    changes.add(change(item));
                }
                page = list.getString("nextPageToken", null);
                if (page == null) {
                    e.getMessage().setBody(new CalendarChanges(changes, list.getString("nextSyncToken", token)));
                    return;
                }
            }
        }
    }

    private static CalendarChanges.Change change(JsonObject item) {
        boolean cancelled = "cancelled".equals(item.getString("status", ""));
        JsonObject start = item.containsKey("start") && !item.isNull("start") ? item.getJsonObject("start") : null;
        return new CalendarChanges.Change(item.getString("id"), cancelled, instant(item, "start"), instant(item, "end"),
                answers(item), item.getString("summary", null),
                item.getString("location", "") + "\n" + item.getString("description", ""),
                start == null ? null : start.getString("timeZone", null), invited(item),
                item.getString("recurringEventId", null), instant(item, "originalStartTime"), rule(item));
    }

    /** A recurring event's RRULE (its recurrence lines also hold EXDATE and RDATE), or null. */
    private static String rule(JsonObject item) {
        if (!item.containsKey("recurrence") || item.isNull("recurrence")) {
            return null;
        }
        return item.getJsonArray("recurrence").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).filter(line -> line.startsWith("RRULE:"))
                .map(line -> line.substring("RRULE:".length())).findFirst().orElse(null);
    }

    /** Whom the event invites: its attendees but the calendar's owner and the organiser. */
    private static java.util.List<String> invited(JsonObject item) {
        java.util.List<String> invited = new java.util.ArrayList<>();
        if (item.containsKey("attendees") && !item.isNull("attendees")) {
            for (JsonObject attendee : item.getJsonArray("attendees").getValuesAs(JsonObject.class)) {
                if (attendee.containsKey("email") && !attendee.getBoolean("self", false) && !attendee.getBoolean("organizer", false)) {
                    invited.add(attendee.getString("email").toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return invited;
    }

    /** The attendees' answers: Google's responseStatus accepted, tentative, declined (needsAction: none yet). */
    private static java.util.Map<String, String> answers(JsonObject item) {
        java.util.Map<String, String> answers = new java.util.HashMap<>();
        if (item.containsKey("attendees") && !item.isNull("attendees")) {
            for (JsonObject attendee : item.getJsonArray("attendees").getValuesAs(JsonObject.class)) {
                String answer = switch (attendee.getString("responseStatus", "")) {
                    case "accepted" -> "ACCEPTED";
                    case "tentative" -> "TENTATIVE";
                    case "declined" -> "DECLINED";
                    default -> null;
                };
                if (answer != null && attendee.containsKey("email")) {
                    answers.put(attendee.getString("email").toLowerCase(java.util.Locale.ROOT), answer);
                }
            }
        }
        return answers;
    }

    /** A timed event's start or end; null for all-day events (Convene meetings never are). */
    private static Instant instant(JsonObject item, String field) {
        JsonObject when = item.containsKey(field) && !item.isNull(field) ? item.getJsonObject(field) : null;
        String dateTime = when == null ? null : when.getString("dateTime", null);
        return dateTime == null ? null : java.time.OffsetDateTime.parse(dateTime).toInstant();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private void push(Exchange e) {
        Announcement a = e.getMessage().getBody(Announcement.class);
        Announcement.Target target = e.getMessage().getHeader(RouteHeaders.TARGET, Announcement.Target.class);
        String copy = e.getMessage().getHeader(COPY, String.class);
        String events = apiUrl + "/calendars/" + URLEncoder.encode(calendarId(target), StandardCharsets.UTF_8) + "/events";
        ProducerTemplate http = SharedProducer.of(e.getContext());
        String result;
        if (a.event() == Announcement.Event.CANCELLED) {
            if (copy != null) {
                int status = call(http, target, "DELETE", events + "/" + copy + UPDATES, null).getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
                expect(status, "delete", 204, 200, 404, 410);
            }
            result = null;
        } else if (a.repeats() != null && !a.repeats().wholeSeries()) { // one occurrence of the series' event, changed alone
            String instance = a.repeats().seriesCopy() + "_" + INSTANCE_STAMP.format(a.repeats().occurrence().atOffset(java.time.ZoneOffset.UTC));
            int status = call(http, target, "PATCH", events + "/" + instance + UPDATES, event(a, null)).getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
            expect(status, "update of an occurrence", 200, 404, 410);
            result = status == 200 ? instance : null;
        } else if (copy == null) {
            String id = eventId(a);
            Message inserted = call(http, target, "POST", events + UPDATES, event(a, id));
            int status = inserted.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
            if (status == 409) { // inserted before (a replayed delivery): update it instead
                status = call(http, target, "PATCH", events + "/" + id + UPDATES, event(a, null)).getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
            }
            expect(status, "insert", 200);
            result = id;
        } else {
            int status = call(http, target, "PATCH", events + "/" + copy + UPDATES, event(a, null)).getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
            expect(status, "update", 200, 404, 410);
            result = status == 200 ? copy : null; // the user deleted it in their calendar: leave it gone
        }
        e.getMessage().setHeader(RESULT, result);
    }

    /** One API call with a valid access token; a 401 renews the token once and repeats it. */
    private Message call(ProducerTemplate http, Announcement.Target target, String method, String url, String body) {
        Message answer = send(http, method, url, body, accessToken(target, false));
        if (answer.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class) == 401) {
            answer = send(http, method, url, body, accessToken(target, true));
        }
        int status = answer.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status == 429 || status == 403 && String.valueOf(answer.getBody(String.class)).contains("rateLimitExceeded")) {
            long s = ProviderThrottledException.retryAfterSeconds(answer.getHeader("Retry-After", String.class));
            throw new ProviderThrottledException("Google Calendar rate limit: retry after " + s + " s", s);
        }
        return answer;
    }

    private static Message send(ProducerTemplate http, String method, String url, String body, String token) {
        Exchange done = http.send("http://google?throwExceptionOnFailure=false&connectTimeout=10000&responseTimeout=15000", x -> {
            x.getMessage().setHeader(Exchange.HTTP_URI, url);
            x.getMessage().setHeader(Exchange.HTTP_METHOD, method);
            x.getMessage().setHeader("Authorization", "Bearer " + token);
            if (body != null) {
                x.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
                x.getMessage().setBody(body);
            }
        });
        PublicAddressConnections.rethrowRefusal(done);
        if (done.getException() != null) {
            throw new IllegalStateException("Google Calendar unreachable: " + done.getException().getMessage(), done.getException());
        }
        done.getMessage().setBody(done.getMessage().getBody(String.class));
        return done.getMessage();
    }

    private String accessToken(Announcement.Target target, boolean renew) {
        AccessToken cached = tokens.get(target.connectionId());
        if (!renew && cached != null && clock.instant().isBefore(cached.renewAfter())) {
            return cached.value();
        }
        String form = "grant_type=refresh_token&refresh_token=" + URLEncoder.encode(target.secret(), StandardCharsets.UTF_8)
                + clientId.map(id -> "&client_id=" + URLEncoder.encode(id, StandardCharsets.UTF_8)).orElse("")
                + clientSecret.map(s -> "&client_secret=" + URLEncoder.encode(s, StandardCharsets.UTF_8)).orElse("");
        Exchange done = TokenEndpoint.post(getContext(), "google-token", tokenUrl, form);
        int status = done.getException() != null ? -1 : done.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status != 200) {
            throw new IllegalStateException("Google refused the refresh token (HTTP " + status + "): reconnect Google");
        }
        try (JsonReader r = Jsons.createReader(new StringReader(done.getMessage().getBody(String.class)))) {
            JsonObject t = r.readObject();
            long lifetime = t.getJsonNumber("expires_in").longValue();
            AccessToken fresh = new AccessToken(t.getString("access_token"),
                    clock.instant().plusSeconds(Math.max(lifetime - 60, lifetime / 2)));
            tokens.put(target.connectionId(), fresh);
            return fresh.value();
        }
    }

    /** Google event ids are base32hex (0-9, a-v), 5 to 1024 characters: the meeting's UUID in hex fits. */
    static String eventId(Announcement a) {
        return "cv" + a.meetingId().toString().replace("-", "");
    }

    static String event(Announcement a, String id) {
        var json = Jsons.createObjectBuilder();
        if (id != null) {
            json.add("id", id);
        }
        String description = (a.agenda() == null || a.agenda().isBlank() ? "" : a.agenda().strip() + "\n\n")
                + "Join: " + a.joinUrl() + "\nMeeting code: " + a.code();
        if (a.repeats() != null && a.repeats().wholeSeries()) {
            json.add("recurrence", recurrence(a));
        }
        return json.add("summary", a.title()).add("description", description).add("location", a.joinUrl())
                .add("start", Jsons.createObjectBuilder().add("dateTime", DateTimeFormatter.ISO_OFFSET_DATE_TIME
                        .format(a.start().atZone(java.time.ZoneId.of(a.timeZone())))).add("timeZone", a.timeZone()))
                .add("end", Jsons.createObjectBuilder().add("dateTime", DateTimeFormatter.ISO_OFFSET_DATE_TIME
                        .format(a.end().atZone(java.time.ZoneId.of(a.timeZone())))).add("timeZone", a.timeZone()))
                .add("source", Jsons.createObjectBuilder().add("title", "Convene").add("url", a.joinUrl()))
                .add("attendees", attendees(a)).add("guestsCanModify", false)
                .build().toString();
    }

    /**
     * A series' rule and the meetings cancelled on their own (RFC 5545 lines, as Google takes them).
     */
    private static jakarta.json.JsonArrayBuilder recurrence(Announcement a) {
        jakarta.json.JsonArrayBuilder lines = Jsons.createArrayBuilder().add("RRULE:" + a.repeats().rule());
        if (!a.repeats().skipped().isEmpty()) {
            java.time.ZoneId zone = java.time.ZoneId.of(a.timeZone());
            lines.add("EXDATE;TZID=" + a.timeZone() + ":" + a.repeats().skipped().stream()
                    .map(s -> LOCAL_STAMP.format(s.atZone(zone))).collect(java.util.stream.Collectors.joining(",")));
        }
        return lines;
    }

    /** The invitees as the event's attendees: Google invites them itself ({@code sendUpdates=all}). */
    private static jakarta.json.JsonArrayBuilder attendees(Announcement a) {
        jakarta.json.JsonArrayBuilder list = Jsons.createArrayBuilder();
        for (Announcement.Attendee attendee : a.attendees()) {
            var one = Jsons.createObjectBuilder().add("email", attendee.email());
            if (attendee.name() != null && !attendee.name().equals(attendee.email())) {
                one.add("displayName", attendee.name());
            }
            list.add(one);
        }
        return list;
    }

    private static String calendarId(Announcement.Target target) {
        try (JsonReader r = Jsons.createReader(new StringReader(target.settings()))) {
            return r.readObject().getString("calendarId", "primary");
        }
    }

    private static void expect(int status, String what, int... fine) {
        for (int f : fine) {
            if (status == f) {
                return;
            }
        }
        throw new IllegalStateException("Google Calendar " + what + " answered HTTP " + status);
    }
}
