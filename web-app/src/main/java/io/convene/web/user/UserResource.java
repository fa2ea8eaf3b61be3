package io.convene.web.user;

import io.convene.shared.Caller;
import io.convene.user.Credentials;
import io.convene.user.IdentityProvider.TokenGrant;
import io.convene.user.ProfilePictures;
import io.convene.user.ProfileUpdate;
import io.convene.user.Registration;
import io.convene.user.UserProfile;
import io.convene.user.UserService;
import io.convene.web.api.Callers;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

/** Registration, API sign-in and sign-out, and one's own profile. */
@Path("/users")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.ADMIN, Caller.HOST, Caller.PARTICIPANT, Caller.COMPLIANCE_OFFICER})
public class UserResource {

    @Inject
    UserService users;

    @Inject
    Callers callers;

    @Inject
    ProfilePictures pictures;

    @Context
    HttpServletRequest http;

    /** Self-registration, when an administrator has enabled it. */
    @POST
    @Path("/register")
    @PermitAll
    public Response register(@NotNull @Valid Registration registration) {
        UserProfile profile = users.register(registration);
        return Response.status(Response.Status.CREATED).entity(profile).build();
    }

    /**
     * E-mail and password for tokens, for scripts and API clients; browsers sign in with OIDC.
     * Throttled per client address and account (429 with Retry-After; docs/authentication.md).
     */
    @POST
    @Path("/login")
    @PermitAll
    public TokenResponse login(@NotNull @Valid Credentials credentials) {
        return TokenResponse.of(users.signIn(credentials, "address:" + http.getRemoteAddr()));
    }

    @GET
    @Path("/profile")
    public UserProfile profile() {
        return users.profile(callers.current());
    }

    @PUT
    @Path("/profile")
    public UserProfile updateProfile(@NotNull @Valid ProfileUpdate update) {
        return users.updateProfile(callers.current(), update);
    }

    /**
     * One's picture: a PNG, JPEG or GIF of at most 5 MB, kept as a small square PNG; the profile's
     * picture URL then points at it.
     */
    @PUT
    @Path("/profile/picture")
    @Consumes({"image/png", "image/jpeg", "image/gif"})
    public UserProfile uploadPicture(java.io.InputStream image) throws java.io.IOException {
        byte[] upload = image.readNBytes(ProfilePictures.MOST_BYTES + 1);
        return pictures.replace(callers.current(), upload);
    }

    @DELETE
    @Path("/profile/picture")
    public UserProfile removePicture() {
        return pictures.remove(callers.current());
    }

    /** Someone's uploaded picture, for every signed-in person (lists and meeting rooms show it). */
    @GET
    @Path("/{id: [0-9a-fA-F-]{36}}/picture")
    @Produces("image/png")
    public Response picture(@PathParam("id") java.util.UUID id) {
        ProfilePictures.Picture picture = pictures.of(callers.current(), id);
        return Response.ok(picture.png(), "image/png").header("Cache-Control", "private, max-age=86400")
                .lastModified(java.util.Date.from(picture.updatedAt())).build();
    }

    /** Ends the Keycloak session behind the token: its refresh token stops working. */
    @POST
    @Path("/logout")
    public Response logout() {
        users.signOut(callers.current());
        return Response.noContent().build();
    }

    /** The OAuth 2.0 token response fields (RFC 6749 section 5.1). */
    public record TokenResponse(String access_token, String refresh_token, String token_type, long expires_in,
                                long refresh_expires_in) {

        static TokenResponse of(TokenGrant grant) {
            return new TokenResponse(grant.accessToken(), grant.refreshToken(), grant.tokenType(), grant.expiresIn(),
                    grant.refreshExpiresIn());
        }
    }
}
