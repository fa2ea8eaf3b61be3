package io.convene.web.engagement;

import io.convene.meeting.Engagement;
import io.convene.poll.Ballot;
import io.convene.poll.PollDraft;
import io.convene.poll.PollView;
import io.convene.poll.Polls;
import io.convene.shared.Caller;
import io.convene.web.api.Callers;
import io.convene.web.api.EmojiReaction;
import io.convene.web.meeting.MeetingResource;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/** Raised hands, reactions to the meeting, polls. Those in the meeting; guests with their ticket. */
@Path("/meetings")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
public class EngagementResource {

    @Inject
    Engagement engagement;

    @Inject
    Polls polls;

    @Inject
    Callers callers;

    @POST
    @Path("/{id}/hand/raise")
    @Consumes(MediaType.WILDCARD)
    public Response raiseHand(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                              @HeaderParam(MeetingResource.GUEST_TICKET) @Size(max = 4096) String guestTicket) {
        engagement.hand(caller(authorization), guestTicket, id, true);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/hand/lower")
    @Consumes(MediaType.WILDCARD)
    public Response lowerHand(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                              @HeaderParam(MeetingResource.GUEST_TICKET) @Size(max = 4096) String guestTicket) {
        engagement.hand(caller(authorization), guestTicket, id, false);
        return Response.noContent().build();
    }

    /** The queue of raised hands, first raised first (host and co-hosts). */
    @GET
    @Path("/{id}/hands")
    @RolesAllowed({Caller.ADMIN, Caller.HOST, Caller.PARTICIPANT, Caller.COMPLIANCE_OFFICER}) // signed in: no guests
    public List<Engagement.RaisedHand> hands(@PathParam("id") String id,
                                             @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return engagement.hands(callers.current(), id);
    }

    @POST
    @Path("/{id}/reactions")
    public Response react(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                          @HeaderParam(MeetingResource.GUEST_TICKET) @Size(max = 4096) String guestTicket,
                          @NotNull @Valid EmojiReaction reaction) {
        engagement.react(caller(authorization), guestTicket, id, reaction.emoji());
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/polls")
    @RolesAllowed({Caller.ADMIN, Caller.HOST, Caller.PARTICIPANT, Caller.COMPLIANCE_OFFICER}) // signed in: no guests
    public Response openPoll(@PathParam("id") String id, @NotNull @Valid PollDraft draft) {
        return Response.status(Response.Status.CREATED).entity(polls.open(callers.current(), id, draft)).build();
    }

    @GET
    @Path("/{id}/polls")
    public List<PollView> polls(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                @HeaderParam(MeetingResource.GUEST_TICKET) @Size(max = 4096) String guestTicket) {
        return polls.list(caller(authorization), guestTicket, id);
    }

    @POST
    @Path("/{id}/polls/{pollId}/vote")
    public PollView vote(@PathParam("id") String id, @PathParam("pollId") UUID pollId,
                         @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                         @HeaderParam(MeetingResource.GUEST_TICKET) @Size(max = 4096) String guestTicket,
                         @NotNull @Valid Ballot ballot) {
        return polls.vote(caller(authorization), guestTicket, id, pollId, ballot);
    }

    @POST
    @Path("/{id}/polls/{pollId}/close")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Caller.ADMIN, Caller.HOST, Caller.PARTICIPANT, Caller.COMPLIANCE_OFFICER}) // signed in: no guests
    public PollView closePoll(@PathParam("id") String id, @PathParam("pollId") UUID pollId) {
        return polls.close(callers.current(), id, pollId);
    }

    private Caller caller(String authorization) {
        return callers.presented(authorization).orElse(null);
    }
}
