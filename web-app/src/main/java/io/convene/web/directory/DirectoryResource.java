package io.convene.web.directory;

import io.convene.directory.DirectoryForm;
import io.convene.directory.DirectoryReader;
import io.convene.directory.DirectoryRun;
import io.convene.directory.DirectoryRunView;
import io.convene.directory.DirectoryService;
import io.convene.directory.DirectorySettings;
import io.convene.directory.DirectoryVendor;
import io.convene.directory.DirectoryView;
import io.convene.directory.PreviewPerson;
import io.convene.directory.RoleMapping;
import io.convene.shared.Caller;
import io.convene.web.api.Callers;
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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** LDAP directories that provision users: configuration, test, preview, syncs. Administrators only. */
@Path("/admin/directory")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN)
public class DirectoryResource {

    @Inject
    DirectoryService directories;

    @Inject
    Callers callers;

    @Context
    UriInfo uri;

    /** A directory as written by an administrator; the bind password is write-only. */
    public record DirectoryInput(@NotBlank @Size(max = 100) String name, DirectoryVendor vendor,
                                 @Valid DirectorySettings settings, @Size(max = 1000) String bindPassword,
                                 @Size(max = 200) List<@NotNull RoleMapping> roleMappings, Boolean enabled,
                                 @Min(1) @Max(1440) Integer changesEveryMinutes, @Min(1) @Max(720) Integer fullEveryHours) {

        DirectoryForm form() {
            return new DirectoryForm(name, vendor, settings, bindPassword, roleMappings, enabled, changesEveryMinutes,
                    fullEveryHours);
        }
    }

    @GET
    @Path("/presets")
    public Map<DirectoryVendor, DirectorySettings> presets() {
        return directories.presets(callers.current());
    }

    @POST
    @Path("/directories")
    public Response create(@NotNull @Valid DirectoryInput input) {
        DirectoryView created = directories.create(callers.current(), input.form());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Path("/directories")
    public List<DirectoryView> list() {
        return directories.list(callers.current());
    }

    @GET
    @Path("/directories/{id}")
    public DirectoryView get(@PathParam("id") UUID id) {
        return directories.get(callers.current(), id);
    }

    @PUT
    @Path("/directories/{id}")
    public DirectoryView update(@PathParam("id") UUID id, @NotNull @Valid DirectoryInput input) {
        return directories.update(callers.current(), id, input.form());
    }

    @DELETE
    @Path("/directories/{id}")
    public Response delete(@PathParam("id") UUID id) {
        directories.delete(callers.current(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/directories/{id}/test")
    public DirectoryReader.ConnectionCheck test(@PathParam("id") UUID id) {
        return directories.test(callers.current(), id);
    }

    @GET
    @Path("/directories/{id}/preview")
    public List<PreviewPerson> preview(@PathParam("id") UUID id) {
        return directories.preview(callers.current(), id);
    }

    /** Queues a sync (FULL, or CHANGES by default); 202 with the run to follow. */
    @POST
    @Path("/directories/{id}/sync")
    public Response sync(@PathParam("id") UUID id, @QueryParam("mode") DirectoryRun.Mode mode) {
        DirectoryRunView run = directories.sync(callers.current(), id, mode);
        return Response.accepted(run).location(uri.getBaseUriBuilder().path("admin/directory/runs/" + run.id()).build())
                .build();
    }

    @GET
    @Path("/directories/{id}/runs")
    public List<DirectoryRunView> runs(@PathParam("id") UUID id) {
        return directories.runs(callers.current(), id);
    }

    @GET
    @Path("/runs/{runId}")
    public DirectoryRunView run(@PathParam("runId") UUID runId) {
        return directories.run(callers.current(), runId);
    }

    /** Future meetings whose host a directory deactivated. */
    @GET
    @Path("/orphaned-meetings")
    public List<DirectoryService.OrphanedMeeting> orphanedMeetings() {
        return directories.orphanedMeetings(callers.current());
    }
}
