package io.convene.integration.camel;

import io.convene.integration.Announcement;
import io.convene.integration.CalendarChanges;
import io.convene.integration.CalendarGrant;
import io.convene.integration.IntegrationGateway;
import io.convene.integration.Provider;
import io.convene.integration.WebhookCall;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import java.util.Map;

/** The integration port over Camel: each provider has its route. */
@Stateless
@Local(IntegrationGateway.class)
public class Gateway implements IntegrationGateway {

    static final String TARGET = "conveneTarget";
    static final String CHECKED = "conveneChecked";

    @EJB
    CamelRuntime camel;

    @Override
    public void announce(Announcement announcement, Announcement.Target target) {
        String endpoint = switch (target.provider()) {
            case SLACK -> SlackRoutes.ENDPOINT;
            case TEAMS -> TeamsRoutes.ENDPOINT;
            // refused at connect time (Integrations): no such connection can exist
            case GOOGLE, MICROSOFT -> throw new IllegalArgumentException("No announcement route for " + target.provider());
        };
        camel.send(endpoint, announcement, Map.of(TARGET, target));
    }

    @Override
    public String pushToCalendar(Announcement announcement, Announcement.Target target, String copyId) {
        java.util.Map<String, Object> headers = new java.util.HashMap<>();
        headers.put(TARGET, target);
        if (copyId != null) {
            headers.put(GoogleCalendarRoutes.COPY, copyId);
        }
        return camel.send(calendarRoute(target, false), announcement, headers).getHeader(GoogleCalendarRoutes.RESULT, String.class);
    }

    @Override
    public CalendarChanges pullCalendarChanges(Announcement.Target target, String syncToken) {
        java.util.Map<String, Object> headers = new java.util.HashMap<>();
        headers.put(TARGET, target);
        if (syncToken != null) {
            headers.put(GoogleCalendarRoutes.SYNC_TOKEN, syncToken);
        }
        return camel.send(calendarRoute(target, true), null, headers).getBody(CalendarChanges.class);
    }

    private static String calendarRoute(Announcement.Target target, boolean changes) {
        return switch (target.provider()) {
            case GOOGLE -> changes ? GoogleCalendarRoutes.CHANGES : GoogleCalendarRoutes.ENDPOINT;
            case MICROSOFT -> changes ? GraphCalendarRoutes.CHANGES : GraphCalendarRoutes.ENDPOINT;
            case SLACK, TEAMS -> throw new IllegalArgumentException("No calendar route for " + target.provider());
        };
    }

    @Override
    public void slackDirectMessage(Announcement.Target slack, String email, String text) {
        camel.send(SlackRoutes.DIRECT_MESSAGE, text, Map.of(TARGET, slack, SlackRoutes.EMAIL, email));
    }

    @Override
    public String slackUserEmail(Announcement.Target slack, String slackUserId) {
        return camel.send(SlackRoutes.USER_EMAIL, slackUserId, Map.of(TARGET, slack)).getHeader(SlackRoutes.EMAIL, String.class);
    }

    @Override
    public String check(Announcement.Target target) {
        String endpoint = switch (target.provider()) {
            case SLACK -> SlackRoutes.CHECK;
            case GOOGLE -> GoogleCalendarRoutes.CHECK;
            case MICROSOFT -> GraphCalendarRoutes.CHECK;
            case TEAMS -> throw new IllegalArgumentException("Teams incoming webhooks cannot be checked without posting");
        };
        return camel.send(endpoint, null, Map.of(TARGET, target)).getHeader(CHECKED, String.class);
    }

    @Override
    public CalendarGrant redeemConsent(Provider provider, String code, String verifier, String redirectUri) {
        return camel.send(CalendarConsentRoutes.REDEEM, new CalendarConsentRoutes.Redemption(provider, code, verifier,
                redirectUri), Map.of()).getBody(CalendarGrant.class);
    }

    @Override
    public int call(WebhookCall call) {
        return camel.send(WebhookRoutes.ENDPOINT, call, Map.of()).getHeader(WebhookRoutes.STATUS, Integer.class);
    }
}
