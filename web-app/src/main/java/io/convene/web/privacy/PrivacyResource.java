package io.convene.web.privacy;

import io.convene.privacy.PrivacyRequestView;
import io.convene.privacy.PrivacyService;
import io.convene.shared.Caller;
import io.convene.web.api.Callers;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

/** GDPR/CCPA: exports of one's data (compliance officers: anyone's), erasure and legal holds. */
@Path("/privacy")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.ADMIN, Caller.HOST, Caller.PARTICIPANT, Caller.COMPLIANCE_OFFICER})
public class PrivacyResource {

    @Inject
    PrivacyService privacy;

    @Inject
    Callers callers;

    @Context
    UriInfo uri;

    /** Whose data: absent for one's own. */
    public record ExportRequest(UUID userId) {
    }

    public record ErasureRequest(@NotNull UUID userId) {
    }

    public record Hold(@NotBlank @Size(max = 500) String reason) {
    }

    @POST
    @Path("/exports")
    public Response export(@Valid ExportRequest body) {
        PrivacyRequestView r = privacy.requestExport(callers.current(), body == null ? null : body.userId());
        return Response.accepted(r).location(uri.getAbsolutePathBuilder().path(r.id().toString()).build()).build();
    }

    /** One's own exports, the latest first (ten). */
    @GET
    @Path("/exports")
    public java.util.List<PrivacyRequestView> myExports() {
        return privacy.myExports(callers.current());
    }

    @GET
    @Path("/exports/{id}")
    public PrivacyRequestView exportStatus(@PathParam("id") UUID id) {
        return privacy.request(callers.current(), id);
    }

    @GET
    @Path("/exports/{id}/download")
    @Produces("application/zip")
    public Response download(@PathParam("id") UUID id) {
        PrivacyService.Download d = privacy.download(callers.current(), id);
        StreamingOutput body = out -> {
            try (InputStream in = d.content()) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, "application/zip").header("Content-Length", d.size())
                .header("Content-Disposition", "attachment; filename=\"" + d.fileName() + "\"").build();
    }

    @POST
    @Path("/erasures")
    @RolesAllowed(Caller.COMPLIANCE_OFFICER)
    public PrivacyRequestView erase(@NotNull @Valid ErasureRequest body) {
        return privacy.erase(callers.current(), body.userId());
    }

    @GET
    @Path("/holds")
    @RolesAllowed(Caller.COMPLIANCE_OFFICER)
    public List<PrivacyService.LegalHold> holds() {
        return privacy.holds(callers.current());
    }

    @PUT
    @Path("/holds/{userId}")
    @RolesAllowed(Caller.COMPLIANCE_OFFICER)
    public PrivacyService.LegalHold placeHold(@PathParam("userId") UUID userId, @NotNull @Valid Hold body) {
        return privacy.placeHold(callers.current(), userId, body.reason());
    }

    @DELETE
    @Path("/holds/{userId}")
    @RolesAllowed(Caller.COMPLIANCE_OFFICER)
    public Response releaseHold(@PathParam("userId") UUID userId) {
        privacy.releaseHold(callers.current(), userId);
        return Response.noContent().build();
    }
}
