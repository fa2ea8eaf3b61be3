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
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

/**
 * Outlook through Microsoft Graph v1.0: the copy of a meeting in its host's mailbox calendar
 * ({@code /users/{userId}/events}), with an app token from the Microsoft identity platform
 * (client credentials; Calendars.ReadWrite application permission). Creates carry the meeting id as
 * {@code transactionId}, so a retried create does not make a second event. Changes come back through
 * {@code calendarView/delta} (the delta link is the sync token), in UTC.
 */
public class GraphCalendarRoutes extends RouteBuilder {

    public static final String ENDPOINT = "direct:graph-calendar";
    public static final String CHANGES = "direct:graph-calendar-changes";
    public static final String CHECK = "direct:graph-check";

    private final String graphUrl;
    private final String loginUrl;
    private final Optional<String> tenant;
    private final Optional<String> clientId;
    private final Optional<String> clientSecret;
    private final Clock clock;
    private volatile String token;
    private volatile Instant renewAfter = Instant.EPOCH;

    public GraphCalendarRoutes(String graphUrl, String loginUrl, Optional<String> tenant, Optional<String> clientId,
                               Optional<String> clientSecret, Clock clock) {
        this.graphUrl = graphUrl.endsWith("/") ? graphUrl.substring(0, graphUrl.length() - 1) : graphUrl;
        this.loginUrl = loginUrl.endsWith("/") ? loginUrl.substring(0, loginUrl.length() - 1) : loginUrl;
        this.tenant = tenant;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId("graph-calendar").process(ProviderErrorHandling.honouringRetryAfter(this::push));
        from(CHANGES).routeId("graph-calendar-changes").process(ProviderErrorHandling.honouringRetryAfter(this::pull));
        from(CHECK).routeId("graph-check").process(e -> {
            accessToken(true);
            e.getMessage().setHeader(RouteHeaders.CHECKED, "The Microsoft identity platform gave Convene's app a token for tenant "
                    + tenant.orElse("?"));
        });
    }

    private void push(Exchange e) {
        Announcement a = e.getMessage().getBody(Announcement.class);
        Announcement.Target target = e.getMessage().getHeader(RouteHeaders.TARGET, Announcement.Target.class);
        String copy = e.getMessage().getHeader(GoogleCalendarRoutes.COPY, String.class);
        String events = graphUrl + "/users/" + enc(userId(target)) + "/events";
        ProducerTemplate http = SharedProducer.of(e.getContext());
        String result;
        if (a.event() == Announcement.Event.CANCELLED) {
            if (copy != null) {
                expect(call(http, "DELETE", events + "/" + enc(copy), null), "delete", 204, 404);
            }
            result = null;
        } else if (a.repeats() != null && !a.repeats().wholeSeries()) { // one occurrence of the series' event, changed alone
            String occurrence = copy != null ? copy : occurrenceAt(http, events, a.repeats().seriesCopy(), a.repeats().occurrence());
            Message updated = occurrence == null ? null : call(http, "PATCH", events + "/" + enc(occurrence), event(a, false));
            if (updated != null) {
                expect(updated, "update of an occurrence", 200, 404);
            }
            result = updated != null && status(updated) == 200 ? occurrence : null;
        } else if (copy == null) {
            Message created = call(http, "POST", events, event(a, true));
            expect(created, "create", 201, 200);
            result = read(created).getString("id");
            skip(http, events, result, a);
        } else {
            Message updated = call(http, "PATCH", events + "/" + enc(copy), event(a, false));
            expect(updated, "update", 200, 404);
            result = status(updated) == 200 ? copy : null; // deleted in Outlook: leave it gone
            if (result != null) {
                skip(http, events, result, a);
            }
        }
        e.getMessage().setHeader(GoogleCalendarRoutes.RESULT, result);
    }

    /** Outlook has no EXDATE: a series' meetings cancelled on their own are its occurrences deleted. */
    private void skip(ProducerTemplate http, String events, String series, Announcement a) {
        if (a.repeats() == null) {
            return;
        }
        for (Instant skipped : a.repeats().skipped()) {
            String occurrence = occurrenceAt(http, events, series, skipped);
            if (occurrence != null) {
                expect(call(http, "DELETE", events + "/" + enc(occurrence), null), "delete of an occurrence", 204, 404);
            }
        }
    }

    /** The id of the series' occurrence that its rule starts at {@code originalStart}, if it is still there. */
    private String occurrenceAt(ProducerTemplate http, String events, String series, Instant originalStart) {
        Instant from = originalStart.minus(1, ChronoUnit.DAYS);
        Message page = call(http, "GET", events + "/" + enc(series) + "/instances?startDateTime=" + from
                + "&endDateTime=" + originalStart.plus(2, ChronoUnit.DAYS), null);
        expect(page, "instances", 200, 404);
        if (status(page) == 404) {
            return null;
        }
        for (JsonObject item : read(page).getJsonArray("value").getValuesAs(JsonObject.class)) {
            Instant original = offset(item, "originalStart");
            if (originalStart.equals(original != null ? original : utc(item, "start"))) {
                return item.getString("id");
            }
        }
        return null;
    }

    private void pull(Exchange e) {
        Announcement.Target target = e.getMessage().getHeader(RouteHeaders.TARGET, Announcement.Target.class);
        String deltaLink = e.getMessage().getHeader(GoogleCalendarRoutes.SYNC_TOKEN, String.class);
        ProducerTemplate http = SharedProducer.of(e.getContext());
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String next = deltaLink != null ? deltaLink : graphUrl + "/users/" + enc(userId(target))
                + "/calendarView/delta?startDateTime=" + now.minus(1, ChronoUnit.DAYS) + "&endDateTime=" + now.plus(365, ChronoUnit.DAYS);
        List<CalendarChanges.Change> changes = new ArrayList<>();
        while (true) {
            Message page = call(http, "GET", next, null);
            if (status(page) == 410 && deltaLink != null) { // the delta link expired: start over
                deltaLink = null;
                changes.clear();
                next = graphUrl + "/users/" + enc(userId(target)) + "/calendarView/delta?startDateTime="
                        + now.minus(1, ChronoUnit.DAYS) + "&endDateTime=" + now.plus(365, ChronoUnit.DAYS);
                continue;
            }
            expect(page, "delta", 200);
            JsonObject body = read(page);
            for (JsonObject item : body.getJsonArray("value").getValuesAs(JsonObject.class)) {
                boolean removed = item.containsKey("@removed") || item.getBoolean("isCancelled", false);
                changes.add(new CalendarChanges.Change(item.getString("id"), removed, utc(item, "start"), utc(item, "end"),
                        answers(item), item.getString("subject", null), text(item), null, invited(item, userId(target)),
                        item.getString("seriesMasterId", null), offset(item, "originalStart"), null));
            }
            if (body.containsKey("@odata.nextLink")) {
                next = body.getString("@odata.nextLink");
            } else {
                e.getMessage().setBody(new CalendarChanges(changes, body.getString("@odata.deltaLink", deltaLink)));
                return;
            }
        }
    }

    private Message call(ProducerTemplate http, String method, String url, String body) {
        Message answer = send(http, method, url, body, accessToken(false));
        if (status(answer) == 401) {
            answer = send(http, method, url, body, accessToken(true));
        }
        if (status(answer) == 429 || status(answer) == 503) {
            long s = ProviderThrottledException.retryAfterSeconds(answer.getHeader("Retry-After", String.class));
            throw new ProviderThrottledException("Microsoft Graph throttled: retry after " + s + " s", s);
        }
        return answer;
    }

    private static Message send(ProducerTemplate http, String method, String url, String body, String bearer) {
        Exchange done = http.send("http://graph?throwExceptionOnFailure=false&connectTimeout=10000&responseTimeout=15000", x -> {
            x.getMessage().setHeader(Exchange.HTTP_URI, url);
            x.getMessage().setHeader(Exchange.HTTP_METHOD, method);
            x.getMessage().setHeader("Authorization", "Bearer " + bearer);
            x.getMessage().setHeader("Prefer", "outlook.timezone=\"UTC\"");
            if (body != null) {
                x.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
                x.getMessage().setBody(body);
            }
        });
        PublicAddressConnections.rethrowRefusal(done);
        if (done.getException() != null) {
            throw new IllegalStateException("Microsoft Graph unreachable: " + done.getException().getMessage(), done.getException());
        }
        done.getMessage().setBody(done.getMessage().getBody(String.class));
        return done.getMessage();
    }

    /** The app's token (client credentials), kept until a minute before it expires. */
    private synchronized String accessToken(boolean renew) {
        if (!renew && token != null && clock.instant().isBefore(renewAfter)) {
            return token;
        }
        if (tenant.isEmpty() || clientId.isEmpty() || clientSecret.isEmpty()) {
            throw new IllegalStateException("Microsoft Graph is not configured (convene.microsoft.tenant, client-id, client-secret)");
        }
        String form = "grant_type=client_credentials&scope=" + enc("https://graph.microsoft.com/.default")
                + "&client_id=" + enc(clientId.get()) + "&client_secret=" + enc(clientSecret.get());
        Exchange done = TokenEndpoint.post(getContext(), "graph-token", loginUrl + "/" + enc(tenant.get()) + "/oauth2/v2.0/token", form);
        if (done.getException() != null || status(done.getMessage()) != 200) {
            throw new IllegalStateException("The Microsoft identity platform refused Convene's app credentials");
        }
        JsonObject t = read(done.getMessage());
        long lifetime = t.getJsonNumber("expires_in").longValue();
        token = t.getString("access_token");
        renewAfter = clock.instant().plusSeconds(Math.max(lifetime - 60, lifetime / 2));
        return token;
    }

    static String event(Announcement a, boolean create) {
        var json = Jsons.createObjectBuilder().add("subject", a.title())
                .add("body", Jsons.createObjectBuilder().add("contentType", "text").add("content",
                        (a.agenda() == null || a.agenda().isBlank() ? "" : a.agenda().strip() + "\n\n")
                                + "Join: " + a.joinUrl() + "\nMeeting code: " + a.code()))
                .add("start", when(a.start(), a.timeZone())).add("end", when(a.end(), a.timeZone()))
                .add("location", Jsons.createObjectBuilder().add("displayName", a.joinUrl()))
                .add("attendees", attendees(a)); // Outlook sends them the invitation, its changes and its cancellation
        if (a.repeats() != null && a.repeats().wholeSeries()) {
            json.add("recurrence", recurrence(a));
        }
        if (create) {
            json.add("transactionId", a.meetingId().toString());
        }
        return json.build().toString();
    }

    /**
     * A series' rule as Graph's patternedRecurrence: daily, weekly on days, or monthly on the first
     * meeting's day; numbered, or until a date (in the series' zone).
     */
    private static JsonObject recurrence(Announcement a) {
        ZoneId zone = ZoneId.of(a.timeZone());
        io.convene.meeting.Recurrence rule = io.convene.meeting.Recurrence.parse(a.repeats().rule(), zone);
        java.time.LocalDate first = LocalDateTime.ofInstant(a.start(), zone).toLocalDate();
        var pattern = Jsons.createObjectBuilder().add("interval", rule.interval());
        switch (rule.frequency()) {
            case DAILY -> pattern.add("type", "daily");
            case WEEKLY -> {
                var days = Jsons.createArrayBuilder();
                (rule.days().isEmpty() ? java.util.Set.of(first.getDayOfWeek()) : new java.util.TreeSet<>(rule.days()))
                        .forEach(d -> days.add(d.name().toLowerCase(java.util.Locale.ROOT)));
                pattern.add("type", "weekly").add("daysOfWeek", days).add("firstDayOfWeek", "monday");
            }
            case MONTHLY -> pattern.add("type", "absoluteMonthly").add("dayOfMonth", first.getDayOfMonth());
        }
        var range = Jsons.createObjectBuilder().add("startDate", first.toString()).add("recurrenceTimeZone", a.timeZone());
        if (rule.count() != null) {
            range.add("type", "numbered").add("numberOfOccurrences", rule.count());
        } else {
            range.add("type", "endDate").add("endDate", rule.until().toString());
        }
        return Jsons.createObjectBuilder().add("pattern", pattern).add("range", range).build();
    }

    /** Where and what the event says: its location's name and its body. */
    private static String text(JsonObject item) {
        JsonObject location = item.containsKey("location") && !item.isNull("location") ? item.getJsonObject("location") : null;
        JsonObject body = item.containsKey("body") && !item.isNull("body") ? item.getJsonObject("body") : null;
        return (location == null ? "" : location.getString("displayName", "")) + "\n" + (body == null ? "" : body.getString("content", ""));
    }

    /** Whom the event invites: its attendees but the mailbox's owner. */
    private static java.util.List<String> invited(JsonObject item, String mailbox) {
        java.util.List<String> invited = new java.util.ArrayList<>();
        if (item.containsKey("attendees") && !item.isNull("attendees")) {
            for (JsonObject attendee : item.getJsonArray("attendees").getValuesAs(JsonObject.class)) {
                JsonObject address = attendee.containsKey("emailAddress") ? attendee.getJsonObject("emailAddress") : null;
                String email = address == null ? null : address.getString("address", null);
                if (email != null && !email.equalsIgnoreCase(mailbox)) {
                    invited.add(email.toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return invited;
    }

    /** The attendees' answers: Graph's status.response accepted, tentativelyAccepted, declined. */
    private static java.util.Map<String, String> answers(JsonObject item) {
        java.util.Map<String, String> answers = new java.util.HashMap<>();
        if (item.containsKey("attendees") && !item.isNull("attendees")) {
            for (JsonObject attendee : item.getJsonArray("attendees").getValuesAs(JsonObject.class)) {
                JsonObject status = attendee.containsKey("status") ? attendee.getJsonObject("status") : null;
                String answer = status == null ? null : switch (status.getString("response", "")) {
                    case "accepted" -> "ACCEPTED";
                    case "tentativelyAccepted" -> "TENTATIVE";
                    case "declined" -> "DECLINED";
                    default -> null;
                };
                JsonObject address = attendee.containsKey("emailAddress") ? attendee.getJsonObject("emailAddress") : null;
                if (answer != null && address != null && address.containsKey("address")) {
                    answers.put(address.getString("address").toLowerCase(java.util.Locale.ROOT), answer);
                }
            }
        }
        return answers;
    }

    private static jakarta.json.JsonArrayBuilder attendees(Announcement a) {
        jakarta.json.JsonArrayBuilder list = Jsons.createArrayBuilder();
        for (Announcement.Attendee attendee : a.attendees()) {
            list.add(Jsons.createObjectBuilder().add("type", "required").add("emailAddress", Jsons.createObjectBuilder()
                    .add("address", attendee.email()).add("name", attendee.name() == null ? attendee.email() : attendee.name())));
        }
        return list;
    }

    /** Graph's dateTimeTimeZone: a local time and the zone it is in (IANA names are accepted). */
    private static JsonObject when(Instant instant, String zone) {
        return Jsons.createObjectBuilder().add("dateTime", LocalDateTime.ofInstant(instant, ZoneId.of(zone)).toString())
                .add("timeZone", zone).build();
    }

    /** A DateTimeOffset property (an occurrence's originalStart), or null. */
    private static Instant offset(JsonObject item, String field) {
        String value = item.containsKey(field) && !item.isNull(field) ? item.getString(field, null) : null;
        return value == null ? null : java.time.OffsetDateTime.parse(value).toInstant();
    }

    private static Instant utc(JsonObject item, String field) {
        if (!item.containsKey(field) || item.isNull(field)) {
            return null;
        }
        JsonObject when = item.getJsonObject(field);
        String dateTime = when.getString("dateTime", null);
        if (dateTime == null) {
            return null;
        }
        String zone = when.getString("timeZone", "UTC");
        LocalDateTime local = LocalDateTime.parse(dateTime.length() > 19 ? dateTime.substring(0, 19) : dateTime);
        return "UTC".equalsIgnoreCase(zone) ? local.toInstant(ZoneOffset.UTC) : local.atZone(ZoneId.of(zone)).toInstant();
    }

    private static String userId(Announcement.Target target) {
        try (JsonReader r = Jsons.createReader(new StringReader(target.settings()))) {
            return r.readObject().getString("userId");
        }
    }

    private static JsonObject read(Message m) {
        try (JsonReader r = Jsons.createReader(new StringReader(m.getBody(String.class)))) {
            return r.readObject();
        }
    }

    private static int status(Message m) {
        return m.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    }

    private static void expect(Message m, String what, int... fine) {
        int status = status(m);
        for (int f : fine) {
            if (status == f) {
                return;
            }
        }
        throw new IllegalStateException("Microsoft Graph " + what + " answered HTTP " + status);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
