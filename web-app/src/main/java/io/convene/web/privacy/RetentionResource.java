package io.convene.web.privacy;

import io.convene.privacy.Retention;
import io.convene.shared.Caller;
import io.convene.web.api.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Retention policies: how long chat, notifications and meeting logs are kept; dry run and purge. Administrators. */
@Path("/admin/retention")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN)
public class RetentionResource {

    @Inject
    Retention retention;

    @Inject
    Callers callers;

    /** Ages in days; absent keeps for ever. */
    public record PolicyInput(Integer chatDays, Integer notificationDays, Integer meetingLogDays, Integer recordingDays) {
    }

    @GET
    public Retention.Policy policy() {
        return retention.policy(callers.current());
    }

    @PUT
    public Retention.Policy change(@NotNull @Valid PolicyInput p) {
        return retention.change(callers.current(), p.chatDays(), p.notificationDays(), p.meetingLogDays(), p.recordingDays());
    }

    @POST
    @Path("/dry-run")
    public Retention.Report dryRun() {
        return retention.dryRun(callers.current());
    }

    @POST
    @Path("/purge")
    public Retention.Report purge() {
        return retention.purgeNow(callers.current());
    }
}
