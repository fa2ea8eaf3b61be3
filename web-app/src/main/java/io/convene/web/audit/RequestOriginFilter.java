package io.convene.web.audit;

import io.convene.audit.RequestOrigin;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Notes the client's address for the audit trail: the peer's address, not a forwarded-for header
 * (which anybody can send; behind a proxy, make the proxy's address mean the proxy).
 */
@Provider
@PreMatching
public class RequestOriginFilter implements ContainerRequestFilter {

    @Context
    HttpServletRequest request;

    @Inject
    RequestOrigin origin;

    @Override
    public void filter(ContainerRequestContext context) {
        origin.from(request.getRemoteAddr());
    }
}
