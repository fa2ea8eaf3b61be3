package io.convene.web.user;

import io.convene.shared.Caller;
import io.convene.user.AccountAdministration;
import io.convene.user.RealmAdministration;
import io.convene.web.api.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;

/** Accounts in Keycloak's realm as administrators manage them: search, create local ones, sessions, roles, sign-out, passwords. */
@Path("/admin/accounts")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN)
public class AccountResource {

    private static final String SUBJECT = "[A-Za-z0-9-]{1,64}";

    @Inject
    AccountAdministration accounts;

    @Inject
    Callers callers;

    public record Roles(@NotNull @Size(max = 10) Set<@NotBlank String> roles) {
    }

    public record Enabled(@NotNull Boolean enabled) {
    }

    public record NewPassword(@NotBlank @Size(min = 12, max = 128) String password, boolean temporary) {
    }

    @GET
    public RealmAdministration.AccountPage list(@QueryParam("search") @Size(max = 100) String search,
                                                @QueryParam("first") @DefaultValue("0") @Min(0) int first,
                                                @QueryParam("max") @DefaultValue("50") @Min(1) @Max(200) int max) {
        return accounts.accounts(callers.current(), search, first, max);
    }

    /** A local account with a temporary password and its roles: 201 with the account. */
    @POST
    public Response create(@NotNull @Valid io.convene.user.NewLocalAccount account) {
        RealmAdministration.Account created = accounts.createLocal(callers.current(), account);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    @Path("/{subject}/sessions")
    public List<RealmAdministration.Session> sessions(@PathParam("subject") @Pattern(regexp = SUBJECT) String subject) {
        return accounts.sessions(callers.current(), subject);
    }

    @PUT
    @Path("/{subject}/roles")
    public RealmAdministration.Account roles(@PathParam("subject") @Pattern(regexp = SUBJECT) String subject,
                                             @NotNull @Valid Roles roles) {
        return accounts.assignRoles(callers.current(), subject, roles.roles());
    }

    /** Deactivates (no sign-ins, sessions ended) or reactivates the account. */
    @PUT
    @Path("/{subject}/enabled")
    public RealmAdministration.Account enabled(@PathParam("subject") @Pattern(regexp = SUBJECT) String subject,
                                               @NotNull @Valid Enabled body) {
        return accounts.setEnabled(callers.current(), subject, body.enabled());
    }

    @POST
    @Path("/{subject}/logout")
    public Response logout(@PathParam("subject") @Pattern(regexp = SUBJECT) String subject) {
        accounts.logout(callers.current(), subject);
        return Response.noContent().build();
    }

    @POST
    @Path("/{subject}/reset-password")
    public Response resetPassword(@PathParam("subject") @Pattern(regexp = SUBJECT) String subject,
                                  @NotNull @Valid NewPassword body) {
        accounts.resetPassword(callers.current(), subject, body.password(), body.temporary());
        return Response.noContent().build();
    }
}
