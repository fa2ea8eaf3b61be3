package io.convene.web.whiteboard;

import io.convene.shared.Caller;
import io.convene.web.api.Callers;
import io.convene.web.meeting.MeetingResource;
import io.convene.whiteboard.BoardOps;
import io.convene.whiteboard.BoardView;
import io.convene.whiteboard.Whiteboards;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The whiteboard (seed API group 5): create, update with operations, read, lock, export. */
@Path("/meetings")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
public class WhiteboardResource {

    @Inject
    Whiteboards boards;

    @Inject
    Callers callers;

    @POST
    @Path("/{id}/whiteboard/create")
    @Consumes(MediaType.WILDCARD)
    public Response create(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           @HeaderParam(MeetingResource.GUEST_TICKET) @Size(max = 4096) String guestTicket) {
        return Response.status(Response.Status.CREATED).entity(boards.create(caller(authorization), guestTicket, id)).build();
    }

    @PUT
    @Path("/{id}/whiteboard/update")
    public BoardView update(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                            @HeaderParam(MeetingResource.GUEST_TICKET) @Size(max = 4096) String guestTicket,
                            @NotNull @Valid BoardOps ops) {
        return boards.update(caller(authorization), guestTicket, id, ops);
    }

    @GET
    @Path("/{id}/whiteboard")
    public BoardView board(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           @HeaderParam(MeetingResource.GUEST_TICKET) @Size(max = 4096) String guestTicket) {
        return boards.get(caller(authorization), guestTicket, id);
    }

    @POST
    @Path("/{id}/whiteboard/lock")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Caller.ADMIN, Caller.HOST, Caller.PARTICIPANT, Caller.COMPLIANCE_OFFICER}) // signed in: no guests
    public BoardView lock(@PathParam("id") String id) {
        return boards.lock(callers.current(), id, true);
    }

    @POST
    @Path("/{id}/whiteboard/unlock")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Caller.ADMIN, Caller.HOST, Caller.PARTICIPANT, Caller.COMPLIANCE_OFFICER}) // signed in: no guests
    public BoardView unlock(@PathParam("id") String id) {
        return boards.lock(callers.current(), id, false);
    }

    /** The board as an image: {@code format=svg} (default) or {@code png}. */
    @GET
    @Path("/{id}/whiteboard/export")
    @Produces({"image/svg+xml", "image/png"})
    public Response export(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           @HeaderParam(MeetingResource.GUEST_TICKET) @Size(max = 4096) String guestTicket,
                           @QueryParam("format") @DefaultValue("svg") @Pattern(regexp = "svg|png") String format) {
        boolean png = format.equals("png");
        return Response.ok(boards.export(caller(authorization), guestTicket, id, png), png ? "image/png" : "image/svg+xml")
                .header("Content-Disposition", "attachment; filename=whiteboard." + format).build();
    }

    private Caller caller(String authorization) {
        return callers.presented(authorization).orElse(null);
    }
}
