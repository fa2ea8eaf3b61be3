package io.convene.web.integration;

import io.convene.integration.CalendarConsent;
import io.convene.integration.Provider;
import io.convene.shared.Caller;
import io.convene.web.api.Callers;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;

/**
 * "Connect Google Calendar" and "Connect Outlook" (docs/integrations.md): {@code authorize} answers
 * the provider's consent address and gives the browser a nonce cookie; the provider sends the browser
 * back to {@code callback}, which connects the calendar and leads back to the home page's profile
 * screen, saying how it went.
 */
@Path("/integrations/calendars")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.ADMIN, Caller.HOST, Caller.PARTICIPANT, Caller.COMPLIANCE_OFFICER})
public class CalendarConsentResource {

    /** The browser's nonce of its own attempt: sent back only to the callback, ten minutes. */
    static final String COOKIE = "convene_calendar_consent";

    @Inject
    CalendarConsent consent;

    @Inject
    Callers callers;

    @Context
    HttpServletRequest http;

    @POST
    @Path("/{provider}/authorize")
    public Response authorize(@PathParam("provider") Provider provider) {
        CalendarConsent.Start start = consent.start(callers.current(), provider);
        return Response.ok(Map.of("consentUrl", start.consentUrl())).cookie(cookie(start.browserNonce(), 600)).build();
    }

    /** Where Google and Microsoft send the browser back; public, like any OAuth redirect address. */
    @GET
    @Path("/callback")
    @PermitAll
    public Response callback(@QueryParam("state") @Size(max = 200) String state, @QueryParam("code") @Size(max = 4096) String code,
                             @QueryParam("error") @Size(max = 200) String error, @CookieParam(COOKIE) String nonce) {
        CalendarConsent.Outcome outcome = consent.finish(state, code, error, nonce);
        String said = outcome.problem() == null ? "connected" : outcome.problem();
        String provider = outcome.provider() == null ? "" : "&provider=" + outcome.provider();
        return Response.seeOther(URI.create("/home/profile?calendar=" + said + provider)).cookie(cookie("", 0)).build();
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(COOKIE).value(value).path("/api/integrations/calendars").maxAge(maxAge).httpOnly(true)
                .secure(http.isSecure()).sameSite(NewCookie.SameSite.LAX).build();
    }
}
