package io.convene.web.qa;

import io.convene.qa.QuestionBoard;
import io.convene.qa.QuestionView;
import io.convene.shared.Caller;
import io.convene.web.api.Callers;
import io.convene.web.meeting.MeetingResource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/** Q&A: ask, upvote, answer, dismiss. Those in the meeting; answers and dismissals by hosts. */
@Path("/meetings")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
public class QuestionResource {

    @Inject
    QuestionBoard board;

    @Inject
    Callers callers;

    public record Text(@NotBlank @Size(max = 1000) String text) {
    }

    public record Answer(@NotBlank @Size(max = 4000) String text) {
    }

    @POST
    @Path("/{id}/questions")
    public Response ask(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                        @HeaderParam(MeetingResource.GUEST_TICKET) @Size(max = 4096) String guestTicket,
                        @NotNull @Valid Text question) {
        return Response.status(Response.Status.CREATED)
                .entity(board.ask(caller(authorization), guestTicket, id, question.text())).build();
    }

    @GET
    @Path("/{id}/questions")
    public List<QuestionView> questions(@PathParam("id") String id,
                                        @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                        @HeaderParam(MeetingResource.GUEST_TICKET) @Size(max = 4096) String guestTicket) {
        return board.list(caller(authorization), guestTicket, id);
    }

    @POST
    @Path("/{id}/questions/{questionId}/upvote")
    @Consumes(MediaType.WILDCARD)
    public QuestionView upvote(@PathParam("id") String id, @PathParam("questionId") UUID questionId,
                               @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                               @HeaderParam(MeetingResource.GUEST_TICKET) @Size(max = 4096) String guestTicket) {
        return board.upvote(caller(authorization), guestTicket, id, questionId, true);
    }

    @DELETE
    @Path("/{id}/questions/{questionId}/upvote")
    public QuestionView takeBackUpvote(@PathParam("id") String id, @PathParam("questionId") UUID questionId,
                                       @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                       @HeaderParam(MeetingResource.GUEST_TICKET) @Size(max = 4096) String guestTicket) {
        return board.upvote(caller(authorization), guestTicket, id, questionId, false);
    }

    @POST
    @Path("/{id}/questions/{questionId}/answer")
    @RolesAllowed({Caller.ADMIN, Caller.HOST, Caller.PARTICIPANT, Caller.COMPLIANCE_OFFICER}) // signed in: no guests
    public QuestionView answer(@PathParam("id") String id, @PathParam("questionId") UUID questionId,
                               @NotNull @Valid Answer answer) {
        return board.answer(callers.current(), id, questionId, answer.text());
    }

    @POST
    @Path("/{id}/questions/{questionId}/dismiss")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Caller.ADMIN, Caller.HOST, Caller.PARTICIPANT, Caller.COMPLIANCE_OFFICER}) // signed in: no guests
    public QuestionView dismiss(@PathParam("id") String id, @PathParam("questionId") UUID questionId) {
        return board.dismiss(callers.current(), id, questionId);
    }

    private Caller caller(String authorization) {
        return callers.presented(authorization).orElse(null);
    }
}
