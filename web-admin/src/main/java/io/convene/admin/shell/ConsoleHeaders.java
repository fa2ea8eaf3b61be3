package io.convene.admin.shell;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers of every console answer. The content security policy is the strictest Vaadin
 * Flow 24 runs under (docs/admin-console.md): Flow starts its client engine with an inline script and
 * runs the JavaScript the server sends by building functions from it, hence {@code 'unsafe-inline'}
 * and {@code 'unsafe-eval'} for scripts and inline styles for Lumo; everything else comes from the
 * console's own origin only, and nothing may frame it.
 */
public final class ConsoleHeaders {

    public static final String POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private ConsoleHeaders() {
    }

    public static void apply(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
