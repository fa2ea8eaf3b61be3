package io.convene.web.platform;

import io.convene.shared.Caller;
import io.convene.web.api.Callers;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may read {@code /metrics} (Payara's MicroProfile Metrics, which Payara puts into the
 * application at the root context, this one): an administrator with their bearer token, a scraper
 * with the scrape token {@code convene.metrics.token} as the password of HTTP Basic authentication
 * (a bearer token that is not Keycloak's is refused by the JWT check before this filter runs), or
 * anyone when {@code convene.metrics.public=true}. Everybody else gets a 401 or 403 problem.
 */
@WebFilter(filterName = "convene-metrics-access", urlPatterns = {"/metrics", "/metrics/*"})
public class MetricsAccess extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(MetricsAccess.class.getName());

    @Inject
    Callers callers;

    @Inject
    @ConfigProperty(name = "convene.metrics.public", defaultValue = "false")
    boolean open;

    @Inject
    @ConfigProperty(name = "convene.metrics.token")
    Optional<String> token;

    @Override
    public void init() {
        if (open) {
            LOG.warning("convene.metrics.public=true: /metrics answers anyone who can reach this server");
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<Caller> caller = callers.optional();
        if (open || caller.map(Caller::isAdmin).orElse(false) || carriesScrapeToken(request.getHeader("Authorization"))) {
            chain.doFilter(request, response);
        } else if (caller.isPresent()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN); // answered as a problem (ContainerErrorServlet)
        } else {
            response.setHeader("WWW-Authenticate", "Bearer, Basic realm=\"metrics\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        }
    }

    /** {@code Basic base64(anyname:token)}, compared in constant time. */
    boolean carriesScrapeToken(String authorization) {
        if (token.isEmpty() || token.get().isBlank() || authorization == null
                || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        String password = credentials.substring(credentials.indexOf(':') + 1);
        return MessageDigest.isEqual(sha256(password), sha256(token.get()));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
