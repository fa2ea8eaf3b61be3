package io.convene.integration.camel;

import io.convene.integration.Announcement;
import io.convene.shared.Jsons;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Microsoft Teams: meeting announcements as a MessageCard posted to the channel's incoming webhook
 * (its URL is the connection's secret). 2xx is done; 429 waits its Retry-After; anything else fails.
 */
public class TeamsRoutes extends RouteBuilder {

    public static final String ENDPOINT = "direct:teams";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM uuuu, HH:mm", Locale.ENGLISH);

    @Override
    public void configure() {
        from(ENDPOINT).routeId("teams-announcement")
                .process(e -> {
                    Announcement a = e.getMessage().getBody(Announcement.class);
                    Announcement.Target target = e.getMessage().getHeader(RouteHeaders.TARGET, Announcement.Target.class);
                    e.getMessage().removeHeaders("*");
                    e.getMessage().setHeader(Exchange.HTTP_URI, target.secret());
                    e.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
                    e.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
                    e.getMessage().setBody(card(a));
                })
                .to("http://teams?throwExceptionOnFailure=false&connectTimeout=10000&responseTimeout=15000")
                .process(ProviderErrorHandling.honouringRetryAfter(e -> {
                    int status = e.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
                    if (status == 429) {
                        long s = ProviderThrottledException.retryAfterSeconds(e.getMessage().getHeader("Retry-After", String.class));
                        throw new ProviderThrottledException("Teams rate limit: retry after " + s + " s", s);
                    }
                    if (status < 200 || status >= 300) {
                        throw new IllegalStateException("Teams answered HTTP " + status + ": "
                                + e.getMessage().getBody(String.class));
                    }
                }));
    }

    static String card(Announcement a) {
        ZoneId zone = ZoneId.of(a.timeZone());
        String when = WHEN.format(a.start().atZone(zone)) + " (" + zone.getId() + ")";
        String title = switch (a.event()) {
            case SCHEDULED -> a.title() + " was scheduled";
            case CHANGED -> a.title() + " was changed";
            case STARTED -> a.title() + " has started";
            case CANCELLED -> a.title() + " was cancelled";
        };
        var card = Jsons.createObjectBuilder().add("@type", "MessageCard").add("@context", "https://schema.org/extensions")
                .add("summary", title).add("themeColor", "4F6BED").add("title", title)
                .add("text", "Host: " + a.hostName() + "<br>" + when);
        if (a.event() != Announcement.Event.CANCELLED) {
            card.add("potentialAction", Jsons.createArrayBuilder().add(Jsons.createObjectBuilder()
                    .add("@type", "OpenUri").add("name", "Join")
                    .add("targets", Jsons.createArrayBuilder().add(Jsons.createObjectBuilder()
                            .add("os", "default").add("uri", a.joinUrl())))));
        }
        return card.build().toString();
    }
}
