package io.convene.integration.camel;

import io.convene.integration.Announcement;
import io.convene.shared.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Slack: meeting announcements as {@code chat.postMessage} with the bot token to the connection's
 * channel. A 429 is retried after the Retry-After the API gave (at most three times); an
 * {@code "ok": false} answer (bad token, unknown channel) fails the delivery.
 */
public class SlackRoutes extends RouteBuilder {

    public static final String ENDPOINT = "direct:slack";
    public static final String USER_EMAIL = "direct:slack-user-email";
    public static final String DIRECT_MESSAGE = "direct:slack-direct-message";
    public static final String CHECK = "direct:slack-check";
    static final String TEXT = "conveneText";
    static final String EMAIL = "conveneEmail";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM uuuu, HH:mm", Locale.ENGLISH);

    private final String apiUrl;

    public SlackRoutes(String apiUrl) {
        this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId("slack-announcement")
                .process(e -> {
                    Announcement a = e.getMessage().getBody(Announcement.class);
                    Announcement.Target target = e.getMessage().getHeader(RouteHeaders.TARGET, Announcement.Target.class);
                    e.getMessage().setBody(message(a, channel(target)));
                    e.getMessage().removeHeaders("*");
                    e.getMessage().setHeader("Authorization", "Bearer " + target.secret());
                    e.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
                    e.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
                })
                .to(apiUrl + "/chat.postMessage?throwExceptionOnFailure=false")
                .process(ProviderErrorHandling.honouringRetryAfter(SlackRoutes::check));

        // users.lookupByEmail, then chat.postMessage to the user's id (the bot's direct message)
        from(DIRECT_MESSAGE).routeId("slack-direct-message")
                .process(e -> {
                    Announcement.Target target = e.getMessage().getHeader(RouteHeaders.TARGET, Announcement.Target.class);
                    String email = e.getMessage().getHeader(EMAIL, String.class);
                    String text = e.getMessage().getBody(String.class);
                    e.getMessage().removeHeaders("*");
                    e.getMessage().setHeader(RouteHeaders.TARGET, target);
                    e.getMessage().setHeader(TEXT, text);
                    e.getMessage().setBody(null);
                    e.getMessage().setHeader("Authorization", "Bearer " + target.secret());
                    e.getMessage().setHeader(Exchange.HTTP_METHOD, "GET");
                    e.getMessage().setHeader(Exchange.HTTP_QUERY, "email=" + java.net.URLEncoder.encode(email,
                            java.nio.charset.StandardCharsets.UTF_8));
                })
                .to(apiUrl + "/users.lookupByEmail?throwExceptionOnFailure=false")
                .process(ProviderErrorHandling.honouringRetryAfter(e -> {
                    check(e);
                    String userId;
                    try (JsonReader r = Jsons.createReader(new StringReader(e.getMessage().getBody(String.class)))) {
                        userId = r.readObject().getJsonObject("user").getString("id");
                    }
                    Announcement.Target target = e.getMessage().getHeader(RouteHeaders.TARGET, Announcement.Target.class);
                    e.getMessage().setBody(Jsons.createObjectBuilder().add("channel", userId)
                            .add("text", e.getMessage().getHeader(TEXT, String.class)).build().toString());
                    e.getMessage().removeHeaders("*");
                    e.getMessage().setHeader("Authorization", "Bearer " + target.secret());
                    e.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
                    e.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
                }))
                .to(apiUrl + "/chat.postMessage?throwExceptionOnFailure=false")
                .process(ProviderErrorHandling.honouringRetryAfter(SlackRoutes::check));

        // auth.test: whether the bot token works, and for which workspace (nothing is posted)
        from(CHECK).routeId("slack-check")
                .process(e -> {
                    Announcement.Target target = e.getMessage().getHeader(RouteHeaders.TARGET, Announcement.Target.class);
                    e.getMessage().removeHeaders("*");
                    e.getMessage().setBody(null);
                    e.getMessage().setHeader("Authorization", "Bearer " + target.secret());
                    e.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
                })
                .to(apiUrl + "/auth.test?throwExceptionOnFailure=false")
                .process(ProviderErrorHandling.honouringRetryAfter(e -> {
                    check(e);
                    try (JsonReader r = Jsons.createReader(new StringReader(e.getMessage().getBody(String.class)))) {
                        JsonObject answer = r.readObject();
                        e.getMessage().setHeader(RouteHeaders.CHECKED, "Slack workspace " + answer.getString("team", "?")
                                + " as " + answer.getString("user", "?"));
                    }
                }));

        from(USER_EMAIL).routeId("slack-user-email")
                .process(e -> {
                    Announcement.Target target = e.getMessage().getHeader(RouteHeaders.TARGET, Announcement.Target.class);
                    String user = e.getMessage().getBody(String.class);
                    e.getMessage().removeHeaders("*");
                    e.getMessage().setBody(null);
                    e.getMessage().setHeader("Authorization", "Bearer " + target.secret());
                    e.getMessage().setHeader(Exchange.HTTP_METHOD, "GET");
                    e.getMessage().setHeader(Exchange.HTTP_QUERY, "user=" + java.net.URLEncoder.encode(user,
                            java.nio.charset.StandardCharsets.UTF_8));
                })
                .to(apiUrl + "/users.info?throwExceptionOnFailure=false")
                .process(ProviderErrorHandling.honouringRetryAfter(e -> {
                    check(e);
                    try (JsonReader r = Jsons.createReader(new StringReader(e.getMessage().getBody(String.class)))) {
                        JsonObject profile = r.readObject().getJsonObject("user").getJsonObject("profile");
                        String email = profile == null ? null : profile.getString("email", null);
                        if (email == null) {
                            throw new IllegalStateException("Slack gave no e-mail address (the app needs users:read.email)");
                        }
                        e.getMessage().setHeader(EMAIL, email);
                    }
                }));
    }

    static String message(Announcement a, String channel) {
        ZoneId zone = ZoneId.of(a.timeZone());
        String text = switch (a.event()) {
            case SCHEDULED -> ":calendar: *" + a.title() + "* was scheduled by " + a.hostName() + " for "
                    + WHEN.format(a.start().atZone(zone)) + " (" + zone.getId() + "). Join: " + a.joinUrl();
            case CHANGED -> ":pencil2: *" + a.title() + "* was changed: now " + WHEN.format(a.start().atZone(zone))
                    + " (" + zone.getId() + "). Join: " + a.joinUrl();
            case STARTED -> ":movie_camera: *" + a.title() + "* has started. Join: " + a.joinUrl();
            case CANCELLED -> ":x: *" + a.title() + "* (" + WHEN.format(a.start().atZone(zone)) + ") was cancelled.";
        };
        return Jsons.createObjectBuilder().add("channel", channel).add("text", text).add("unfurl_links", false)
                .build().toString();
    }

    private static String channel(Announcement.Target target) {
        try (JsonReader r = Jsons.createReader(new StringReader(target.settings()))) {
            return r.readObject().getString("channel");
        }
    }

    /** Slack answers 200 with {@code ok} true or false, or 429 with Retry-After. */
    static void check(Exchange e) {
        int status = e.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String body = e.getMessage().getBody(String.class);
        e.getMessage().setBody(body); // read once: keep it for the next step
        if (status == 429) {
            long seconds = ProviderThrottledException.retryAfterSeconds(e.getMessage().getHeader("Retry-After", String.class));
            throw new ProviderThrottledException("Slack rate limit: retry after " + seconds + " s", seconds);
        }
        if (status != 200) {
            throw new IllegalStateException("Slack answered HTTP " + status);
        }
        JsonObject answer;
        try (JsonReader r = Jsons.createReader(new StringReader(body == null ? "{}" : body))) {
            answer = r.readObject();
        }
        if (!answer.getBoolean("ok", false)) {
            throw new IllegalStateException("Slack refused the message: " + answer.getString("error", "unknown error"));
        }
    }
}
