package io.convene.web.meeting;

import io.convene.meeting.Availability;
import io.convene.meeting.AvailabilityQuery;
import io.convene.meeting.ChannelEvent;
import io.convene.meeting.ControlRequest;
import io.convene.meeting.GuestLineage;
import io.convene.meeting.InvitationAnswer;
import io.convene.meeting.JoinOutcome;
import io.convene.meeting.JoinRequest;
import io.convene.meeting.MeetingChanges;
import io.convene.meeting.MeetingChannel;
import io.convene.meeting.MeetingControls;
import io.convene.meeting.MeetingDetails;
import io.convene.meeting.MeetingDraft;
import io.convene.meeting.MeetingService;
import io.convene.meeting.MeetingSummary;
import io.convene.shared.Caller;
import io.convene.shared.Page;
import io.convene.web.api.Callers;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
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
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import java.util.Optional;

/**
 * Meetings: schedule, edit, cancel, list, look at, join and leave. {@code {id}} is the meeting's id
 * or its ten-digit code.
 */
@Path("/meetings")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.ADMIN, Caller.HOST, Caller.PARTICIPANT, Caller.COMPLIANCE_OFFICER})
public class MeetingResource {

    /** The header a guest sends their ticket in (a bearer token is Keycloak's alone). */
    public static final String GUEST_TICKET = "X-Convene-Guest-Ticket";

    @Inject
    MeetingService meetings;

    @Inject
    MeetingControls controls;

    @Inject
    MeetingChannel channel;

    @Inject
    Callers callers;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest http;

    @POST
    @Path("/schedule")
    @RolesAllowed({Caller.ADMIN, Caller.HOST})
    public Response schedule(@NotNull @Valid MeetingDraft draft) {
        MeetingDetails details = meetings.schedule(callers.current(), draft);
        return Response.created(uri.getBaseUriBuilder().path("meetings/{id}/details").build(details.id()))
                .entity(details).build();
    }

    /** Before saving a meeting: who is busy at that time, and free slots of its length. */
    @POST
    @Path("/availability")
    public Availability availability(@NotNull @Valid AvailabilityQuery query) {
        return meetings.availability(callers.current(), query);
    }

    /** {@code scope=series}: this meeting and every meeting of its series still ahead; else this one alone. */
    @PUT
    @Path("/{id}/edit")
    public MeetingDetails edit(@PathParam("id") String id, @QueryParam("scope") @DefaultValue(OCCURRENCE) @Pattern(
            regexp = SCOPES, message = SCOPE_MESSAGE) String scope, @NotNull @Valid MeetingChanges changes) {
        return meetings.edit(callers.current(), id, changes, SERIES.equals(scope));
    }

    @DELETE
    @Path("/{id}")
    public Response cancel(@PathParam("id") String id, @QueryParam("scope") @DefaultValue(OCCURRENCE) @Pattern(
            regexp = SCOPES, message = SCOPE_MESSAGE) String scope) {
        meetings.cancel(callers.current(), id, SERIES.equals(scope));
        return Response.noContent().build();
    }

    private static final String OCCURRENCE = "occurrence";
    private static final String SERIES = "series";
    private static final String SCOPES = "occurrence|series";
    private static final String SCOPE_MESSAGE = "must be occurrence or series";

    @GET
    @Path("/upcoming")
    public Page<MeetingSummary> upcoming(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                                         @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return meetings.upcoming(callers.current(), page, size);
    }

    @GET
    @Path("/past")
    public Page<MeetingSummary> past(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                                     @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return meetings.past(callers.current(), page, size);
    }

    /** An invitee's answer to the invitation. */
    public record Answer(@NotNull InvitationAnswer answer) {
    }

    @PUT
    @Path("/{id}/answer")
    public MeetingDetails answer(@PathParam("id") String id, @NotNull @Valid Answer answer) {
        return meetings.answer(callers.current(), id, answer.answer());
    }

    @GET
    @Path("/{id}/details")
    public MeetingDetails details(@PathParam("id") String id) {
        return meetings.details(callers.current(), id);
    }

    /** Host controls: admit, deny, co-hosts, hand-over, remove, lock, end (host and co-hosts). */
    @POST
    @Path("/{id}/control")
    public MeetingDetails control(@PathParam("id") String id, @NotNull @Valid ControlRequest request) {
        return controls.control(callers.current(), id, request);
    }

    /** The channel's events after {@code after}, for clients catching up without a socket. */
    @GET
    @Path("/{id}/events")
    public List<ChannelEvent> events(@PathParam("id") String id,
                                     @QueryParam("after") @DefaultValue("0") @Min(0) long after) {
        return channel.eventsFor(callers.current(), id, after);
    }

    /**
     * Signed-in users join with a bearer token; guests without an account send no token, the link's
     * join token and a display name, and get a guest ticket back.
     */
    @POST
    @Path("/{id}/join")
    @PermitAll
    public Response join(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                         @HeaderParam(GUEST_TICKET) @Size(max = 4096) String earlierTicket,
                         @CookieParam(GuestDeviceCookie.NAME) String device, @NotNull @Valid JoinRequest request) {
        Optional<Caller> caller = callers.presented(authorization);
        if (caller.isPresent()) {
            return Response.ok(meetings.join(caller.get(), id, request, "user:" + caller.get().subject())).build();
        }
        String browser = GuestDeviceCookie.idFrom(device);
        JoinOutcome guest = meetings.joinAsGuest(id, request, "address:" + http.getRemoteAddr(),
                new GuestLineage(browser, earlierTicket));
        return Response.ok(guest).cookie(GuestDeviceCookie.of(browser, http.isSecure())).build();
    }

    /** For the join page before anyone signs in: with the link's token, whether guests may come and it is a webinar (else nothing). */
    @GET
    @Path("/{id}/entry")
    @PermitAll
    public MeetingService.Entry entry(@PathParam("id") String id, @QueryParam("t") @NotNull @Size(max = 128) String joinToken) {
        return meetings.entry(id, joinToken);
    }

    @POST
    @Path("/{id}/leave")
    @PermitAll
    public Response leave(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                          @HeaderParam(GUEST_TICKET) @Size(max = 4096) String guestTicket) {
        meetings.leave(callers.presented(authorization).orElse(null), guestTicket, id);
        return Response.noContent().build();
    }
}
