package io.convene.web.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Authentication comes first: a request that sends an Authorization header which is not a bearer
 * token Keycloak signed (an empty {@code Bearer }, {@code Basic ...}, any other scheme) is refused with
 * 401 before anything else looks at it. The MicroProfile JWT mechanism refuses a bad bearer token
 * itself but lets these through as anonymous, and the endpoints guests may use (they take a guest
 * ticket instead) would otherwise validate the body before their caller check.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class PresentedCredentials implements ContainerRequestFilter {

    @Inject
    Callers callers;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null && callers.optional().isEmpty()) {
            request.abortWith(Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, "Unauthorized",
                                    "Sign in: send a valid bearer token (or, as a guest, no Authorization header)")
                            .at(request.getUriInfo().getRequestUri().getPath()).toResponse())
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
        }
    }
}
