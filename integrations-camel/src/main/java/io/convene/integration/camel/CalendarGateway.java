package io.convene.integration.camel;

import io.convene.integration.Announcement;
import io.convene.integration.CalendarChanges;
import io.convene.integration.CalendarGrant;
import io.convene.integration.CalendarProviders;
import io.convene.integration.Provider;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import java.util.HashMap;
import java.util.Map;

/** The calendar providers' port over Camel: Google Calendar's and Microsoft Graph's routes, and the consent's. */
@Stateless
@Local(CalendarProviders.class)
public class CalendarGateway implements CalendarProviders {

    @EJB
    CamelRuntime camel;

    @Override
    public String push(Announcement announcement, Announcement.Target target, String copyId) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(RouteHeaders.TARGET, target);
        if (copyId != null) {
            headers.put(GoogleCalendarRoutes.COPY, copyId);
        }
        return camel.send(route(target, false), announcement, headers).getHeader(GoogleCalendarRoutes.RESULT, String.class);
    }

    @Override
    public CalendarChanges pullChanges(Announcement.Target target, String syncToken) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(RouteHeaders.TARGET, target);
        if (syncToken != null) {
            headers.put(GoogleCalendarRoutes.SYNC_TOKEN, syncToken);
        }
        return camel.send(route(target, true), null, headers).getBody(CalendarChanges.class);
    }

    @Override
    public String check(Announcement.Target target) {
        String endpoint = switch (target.provider()) {
            case GOOGLE -> GoogleCalendarRoutes.CHECK;
            case MICROSOFT -> GraphCalendarRoutes.CHECK;
            case SLACK, TEAMS -> throw new IllegalArgumentException(target.provider() + " is no calendar");
        };
        return camel.send(endpoint, null, Map.of(RouteHeaders.TARGET, target)).getHeader(RouteHeaders.CHECKED, String.class);
    }

    @Override
    public CalendarGrant redeemConsent(Provider provider, String code, String verifier, String redirectUri) {
        return camel.send(CalendarConsentRoutes.REDEEM, new CalendarConsentRoutes.Redemption(provider, code, verifier,
                redirectUri), Map.of()).getBody(CalendarGrant.class);
    }

    private static String route(Announcement.Target target, boolean changes) {
        return switch (target.provider()) {
            case GOOGLE -> changes ? GoogleCalendarRoutes.CHANGES : GoogleCalendarRoutes.ENDPOINT;
            case MICROSOFT -> changes ? GraphCalendarRoutes.CHANGES : GraphCalendarRoutes.ENDPOINT;
            case SLACK, TEAMS -> throw new IllegalArgumentException("No calendar route for " + target.provider());
        };
    }
}
