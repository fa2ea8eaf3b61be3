package io.convene.web.recording;

import io.convene.recording.RecordingService;
import io.convene.recording.RecordingView;
import io.convene.shared.Caller;
import io.convene.web.api.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** A meeting's recordings: the host and co-hosts start and stop them; who may watch lists them. */
@Path("/meetings")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.ADMIN, Caller.HOST, Caller.PARTICIPANT, Caller.COMPLIANCE_OFFICER})
public class MeetingRecordingResource {

    @Inject
    RecordingService recordings;

    @Inject
    Callers callers;

    @POST
    @Path("/{id}/record/start")
    @Consumes(MediaType.WILDCARD)
    public Response start(@PathParam("id") String id) {
        return Response.status(Response.Status.CREATED).entity(recordings.start(callers.current(), id)).build();
    }

    @POST
    @Path("/{id}/record/stop")
    @Consumes(MediaType.WILDCARD)
    public RecordingView stop(@PathParam("id") String id) {
        return recordings.stop(callers.current(), id);
    }

    @GET
    @Path("/{id}/recordings")
    public List<RecordingView> ofMeeting(@PathParam("id") String id) {
        return recordings.ofMeeting(callers.current(), id);
    }

}
