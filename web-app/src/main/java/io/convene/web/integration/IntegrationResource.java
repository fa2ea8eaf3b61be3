package io.convene.web.integration;

import io.convene.integration.CalendarSync;
import io.convene.integration.ConnectRequest;
import io.convene.integration.ConnectionView;
import io.convene.integration.Integrations;
import io.convene.integration.SlackCommands;
import io.convene.shared.Caller;
import io.convene.web.api.Callers;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Connections to outside services (Slack for the organisation, so far). */
@Path("/integrations")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.ADMIN, Caller.HOST, Caller.PARTICIPANT, Caller.COMPLIANCE_OFFICER})
public class IntegrationResource {

    @Inject
    Integrations integrations;

    @Inject
    Callers callers;

    @Inject
    SlackCommands slackCommands;

    @Inject
    CalendarSync calendarSync;

    @GET
    public List<ConnectionView> list() {
        return integrations.list(callers.current());
    }

    /**
     * Slack's {@code /convene [title]} slash command: public, but every request must carry Slack's
     * signature over the raw body (checked in the service), so the body is taken as it came.
     */
    @POST
    @Path("/slack/commands")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public SlackCommands.Reply slackCommand(@Size(max = 10_000) String body,
                                            @HeaderParam("X-Slack-Request-Timestamp") String timestamp,
                                            @HeaderParam("X-Slack-Signature") String signature) {
        return slackCommands.handle(body == null ? "" : body, timestamp, signature);
    }

    /** Reads back now what the caller changed in their connected calendar (it also happens every 5 minutes). */
    @POST
    @Path("/calendar/sync")
    public CalendarSync.Report syncCalendar() {
        return calendarSync.syncMine(callers.current());
    }

    /** Connect (or replace) or disconnect a provider; the secret is never returned. */
    @POST
    @Path("/third-party")
    public Response change(@NotNull @Valid ConnectRequest request) {
        return integrations.change(callers.current(), request)
                .map(view -> Response.ok(view).build()).orElseGet(() -> Response.noContent().build());
    }
}
