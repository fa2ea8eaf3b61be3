package io.convene.web.notification;

import io.convene.notification.DeadLetters;
import io.convene.notification.DeadLetters.DeadLetter;
import io.convene.shared.Caller;
import io.convene.web.api.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Failed deliveries on the dead-letter queue: list, replay, discard (administrators). */
@Path("/admin/notifications")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN)
public class DeadLetterResource {

    @Inject
    DeadLetters deadLetters;

    @Inject
    Callers callers;

    @GET
    @Path("/dead-letters")
    public List<DeadLetter> list() {
        return deadLetters.list(callers.current());
    }

    @POST
    @Path("/dead-letters/{id}/replay")
    public DeadLetter replay(@PathParam("id") String id) {
        return deadLetters.replay(callers.current(), id);
    }

    @DELETE
    @Path("/dead-letters/{id}")
    public DeadLetter discard(@PathParam("id") String id) {
        return deadLetters.discard(callers.current(), id);
    }
}
