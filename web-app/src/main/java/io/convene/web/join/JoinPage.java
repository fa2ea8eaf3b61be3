package io.convene.web.join;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The join page, {@code /join/{code}?t=...} (the link in every invitation): plain HTML and
 * JavaScript (docs/join-page.md), public like the link itself — what it does, it does through the
 * API and the meeting channel with the ticket the join hands out, or an employee's Keycloak token
 * (the page signs in with PKCE; the issuer and client are written into the page). Served with a
 * strict content security policy: its own script and style, connections only to Convene and Keycloak.
 */
@WebServlet(urlPatterns = "/join/*")
public class JoinPage extends HttpServlet {

    @Inject
    @ConfigProperty(name = "convene.keycloak.url")
    String keycloakUrl;

    @Inject
    @ConfigProperty(name = "convene.keycloak.realm", defaultValue = "convene")
    String realm;

    @Inject
    @ConfigProperty(name = "convene.join.client-id", defaultValue = "convene-join")
    String clientId;

    /** Said on the page before an upload, so nobody waits for a file the server will refuse. */
    @Inject
    @ConfigProperty(name = "convene.chat.max-attachment-bytes", defaultValue = "10485760")
    long maxAttachmentBytes;

    private volatile String page;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null || !path.matches("/[A-Za-z0-9-]{1,64}")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String host = request.getHeader("Host");
        URI keycloak = URI.create(keycloakUrl);
        String keycloakOrigin = keycloak.getScheme() + "://" + keycloak.getAuthority();
        response.setHeader("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data:; media-src 'self' blob: mediastream:; connect-src 'self' ws://" + host
                + " wss://" + host + " " + keycloakOrigin + "; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
        response.setHeader("Referrer-Policy", "no-referrer"); // the link's token stays out of other sites' logs
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(page());
    }

    private String page() throws IOException {
        if (page == null) {
            try (InputStream in = getServletContext().getResourceAsStream("/WEB-INF/join/index.html")) {
                page = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .replace("{{issuer}}", attribute(keycloakUrl + "/realms/" + realm))
                        .replace("{{client}}", attribute(clientId))
                        .replace("{{maxAttachmentBytes}}", Long.toString(maxAttachmentBytes));
            }
        }
        return page;
    }

    private static String attribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
