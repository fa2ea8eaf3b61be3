package io.convene.web.integration;

import io.convene.integration.Announcement;
import io.convene.integration.Webhooks;
import io.convene.shared.Caller;
import io.convene.web.api.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Outgoing webhooks (CRMs and the like): administrators only. */
@Path("/admin/webhooks")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN)
public class WebhookResource {

    @Inject
    Webhooks webhooks;

    @Inject
    Callers callers;

    /** Where to post and which meeting events. */
    public record Registration(@NotBlank @Size(max = 2000) String url,
                               @NotEmpty Set<Announcement.@NotNull Event> events) {
    }

    @POST
    public Response register(@NotNull @Valid Registration r) {
        return Response.status(Response.Status.CREATED).entity(webhooks.register(callers.current(), r.url(), r.events()))
                .build();
    }

    @GET
    public List<Webhooks.EndpointView> list() {
        return webhooks.list(callers.current());
    }

    @DELETE
    @Path("/{id}")
    public Response remove(@PathParam("id") UUID id) {
        webhooks.remove(callers.current(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    public List<Webhooks.DeliveryView> deliveries(@PathParam("id") UUID id) {
        return webhooks.deliveries(callers.current(), id);
    }
}
