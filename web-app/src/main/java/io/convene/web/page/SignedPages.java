package io.convene.web.page;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The pages beside the API that employees sign in to from the browser (the join page, the home
 * page): plain HTML and JavaScript modules, signed in with Keycloak by the page itself (PKCE; the
 * issuer and client are written into the page). Served with a strict content security policy: their
 * own script and style, connections only to Convene and Keycloak, never framed.
 */
@ApplicationScoped
public class SignedPages {

    /** Keycloak as browsers reach it (its tokens' issuer). */
    @Inject
    @ConfigProperty(name = "convene.keycloak.public-url")
    String keycloakUrl;

    @Inject
    @ConfigProperty(name = "convene.keycloak.realm", defaultValue = "convene")
    String realm;

    @Inject
    @ConfigProperty(name = "convene.join.client-id", defaultValue = "convene-join")
    String clientId;

    private final Map<String, String> templates = new ConcurrentHashMap<>();

    /**
     * Answers with the page {@code /WEB-INF/<template>}, its {@code {{name}}} places filled from
     * {@code values} (and {@code issuer}, {@code client}), never stored by the browser or a proxy.
     */
    public void serve(ServletContext context, HttpServletRequest request, HttpServletResponse response,
                      String template, Map<String, String> values) throws IOException {
        String host = request.getHeader("Host");
        URI keycloak = URI.create(keycloakUrl);
        String keycloakOrigin = keycloak.getScheme() + "://" + keycloak.getAuthority();
        response.setHeader("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data: blob:; media-src 'self' blob: mediastream:; connect-src 'self' ws://" + host
                + " wss://" + host + " " + keycloakOrigin + "; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
        response.setHeader("Referrer-Policy", "no-referrer"); // a link's token stays out of other sites' logs
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(templates.computeIfAbsent(template, t -> fill(context, t, values)));
    }

    private String fill(ServletContext context, String template, Map<String, String> values) {
        try (InputStream in = context.getResourceAsStream("/WEB-INF/" + template)) {
            String page = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{issuer}}", attribute(keycloakUrl + "/realms/" + realm))
                    .replace("{{client}}", attribute(clientId));
            for (Map.Entry<String, String> value : values.entrySet()) {
                page = page.replace("{{" + value.getKey() + "}}", attribute(value.getValue()));
            }
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String attribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
