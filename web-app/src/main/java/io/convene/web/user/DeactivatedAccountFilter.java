package io.convene.web.user;

import io.convene.shared.AccountDeactivatedException;
import io.convene.user.AccountStanding;
import io.convene.user.ActiveAccounts;
import io.convene.web.api.Callers;
import io.convene.web.api.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * The caller's standing, checked once for every request that carries a verified token, before
 * roles, validation and any service: a person whose account is deactivated is refused with 401
 * even while a token issued before the deactivation is still valid. The status is read from the
 * database (one indexed lookup by subject) unless this node found the person active lately and no
 * deactivation was announced since ({@link ActiveAccounts}: then no service is called at all), so
 * every node sees a deactivation at once.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 100)
public class DeactivatedAccountFilter implements ContainerRequestFilter {

    @Inject
    Callers callers;

    @Inject
    AccountStanding standing;

    @Inject
    ActiveAccounts active;

    @Override
    public void filter(ContainerRequestContext request) {
        callers.optional()
                .filter(caller -> !active.knownActive(caller.subject()))
                .filter(caller -> standing.deactivated(caller.subject())).ifPresent(caller -> {
            AccountDeactivatedException refusal = new AccountDeactivatedException();
            request.abortWith(Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, refusal.title(),
                            refusal.getMessage()).at(request.getUriInfo().getRequestUri().getPath()).toResponse())
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\", error_description=\"account deactivated\"")
                    .build());
        });
    }
}
