package io.convene.web.platform;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The headers every answer of this module carries, errors included (the container's own error pages
 * are dispatched here too): no content sniffing, no referrer, no framing, and a content security
 * policy that lets nothing load (the API, health, metrics and problem bodies are data, never pages).
 * Pages set their own, stricter-where-it-matters policy over it: the join page (it loads its script,
 * its style and media) and, on Payara Micro where it shares this WAR, the console.
 */
@WebFilter(filterName = "convene-security-headers", urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class SecurityHeaders extends HttpFilter {

    /** For data: nothing may load, nothing may frame it. */
    public static final String DATA_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        if (!response.containsHeader("Content-Security-Policy")) { // the console's filter may have run first
            response.setHeader("Content-Security-Policy", DATA_POLICY);
        }
        chain.doFilter(request, response);
    }
}
