package io.convene.web.breakout;

import io.convene.breakout.Assignment;
import io.convene.breakout.BreakoutView;
import io.convene.breakout.Breakouts;
import io.convene.shared.Caller;
import io.convene.web.api.Callers;
import io.convene.web.meeting.MeetingResource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** Breakout rooms: host and co-hosts run them; those in the meeting see them. */
@Path("/meetings")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
public class BreakoutResource {

    @Inject
    Breakouts breakouts;

    @Inject
    Callers callers;

    public record Creation(@Min(1) @Max(50) int count) {
    }

    /** An optional timer: the rooms close by themselves after this many seconds. */
    public record Opening(@Min(10) @Max(24 * 3600) Integer seconds) {
    }

    public record Move(@NotNull UUID participationId, UUID roomId) {
    }

    public record Broadcast(@NotBlank @Size(max = 1000) String text) {
    }

    @POST
    @Path("/{id}/breakouts")
    @RolesAllowed({Caller.ADMIN, Caller.HOST, Caller.PARTICIPANT, Caller.COMPLIANCE_OFFICER}) // signed in: no guests
    public Response create(@PathParam("id") String id, @NotNull @Valid Creation creation) {
        return Response.status(Response.Status.CREATED).entity(breakouts.create(callers.current(), id, creation.count()))
                .build();
    }

    @GET
    @Path("/{id}/breakouts")
    public BreakoutView rooms(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                              @HeaderParam(MeetingResource.GUEST_TICKET) @Size(max = 4096) String guestTicket) {
        return breakouts.rooms(callers.presented(authorization).orElse(null), guestTicket, id);
    }

    @POST
    @Path("/{id}/breakouts/assign")
    @RolesAllowed({Caller.ADMIN, Caller.HOST, Caller.PARTICIPANT, Caller.COMPLIANCE_OFFICER}) // signed in: no guests
    public BreakoutView assign(@PathParam("id") String id, @NotNull @Valid Assignment assignment) {
        return breakouts.assign(callers.current(), id, assignment);
    }

    @POST
    @Path("/{id}/breakouts/open")
    @RolesAllowed({Caller.ADMIN, Caller.HOST, Caller.PARTICIPANT, Caller.COMPLIANCE_OFFICER}) // signed in: no guests
    public BreakoutView open(@PathParam("id") String id, @NotNull @Valid Opening opening) {
        return breakouts.open(callers.current(), id, opening.seconds());
    }

    @POST
    @Path("/{id}/breakouts/move")
    @RolesAllowed({Caller.ADMIN, Caller.HOST, Caller.PARTICIPANT, Caller.COMPLIANCE_OFFICER}) // signed in: no guests
    public BreakoutView move(@PathParam("id") String id, @NotNull @Valid Move move) {
        return breakouts.move(callers.current(), id, move.participationId(), move.roomId());
    }

    @POST
    @Path("/{id}/breakouts/broadcast")
    @RolesAllowed({Caller.ADMIN, Caller.HOST, Caller.PARTICIPANT, Caller.COMPLIANCE_OFFICER}) // signed in: no guests
    public Response broadcast(@PathParam("id") String id, @NotNull @Valid Broadcast broadcast) {
        breakouts.broadcast(callers.current(), id, broadcast.text());
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/breakouts/close")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Caller.ADMIN, Caller.HOST, Caller.PARTICIPANT, Caller.COMPLIANCE_OFFICER}) // signed in: no guests
    public BreakoutView close(@PathParam("id") String id,
                              @QueryParam("countdown") @Min(5) @Max(600) Integer countdown) {
        return breakouts.close(callers.current(), id, countdown);
    }

    /** Someone in a breakout room (guests too) asks the host and co-hosts to come. */
    @POST
    @Path("/{id}/breakouts/help")
    @Consumes(MediaType.WILDCARD)
    public Response askForHelp(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                               @HeaderParam(MeetingResource.GUEST_TICKET) @Size(max = 4096) String guestTicket) {
        breakouts.askForHelp(callers.presented(authorization).orElse(null), guestTicket, id);
        return Response.noContent().build();
    }
}
