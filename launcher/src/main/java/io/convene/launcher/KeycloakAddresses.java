package io.convene.launcher;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded Keycloak sends people back only to addresses its clients list, and it imports the
 * realm once: on every start the launcher adds the public address of this run ({@code
 * convene.public-url}) to the browser clients' redirect and logout addresses and allowed origins,
 * keeping what is there, so a new public address works without touching Keycloak by hand.
 */
final class KeycloakAddresses {

    private static final Logger LOG = Logger.getLogger(KeycloakAddresses.class.getName());
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    /** A browser client of the realm and the paths under the public address it sends people back to. */
    private record BrowserClient(String clientId, List<String> paths) {
    }

    private static final List<BrowserClient> CLIENTS = List.of(
            new BrowserClient("convene-join", List.of("/join/*", "/home", "/home/*")),
            new BrowserClient("convene-admin-console", List.of("/admin/*")));

    private KeycloakAddresses() {
    }

    static void follow(SuiteSettings settings, KeycloakAdminApi keycloak) {
        String publicUrl = settings.publicUrl();
        for (BrowserClient client : CLIENTS) {
            String found = keycloak.get("/clients?clientId=" + client.clientId());
            String id = KeycloakAdminApi.match(ID, found, client.clientId());
            Set<String> redirects = new LinkedHashSet<>(strings(found, "redirectUris"));
            client.paths().forEach(path -> redirects.add(publicUrl + path));
            Set<String> origins = new LinkedHashSet<>(strings(found, "webOrigins"));
            origins.add(publicUrl);
            String logout = String.join("##", redirects);
            String body = "{\"redirectUris\":" + array(redirects) + ",\"webOrigins\":" + array(origins)
                    + ",\"attributes\":{\"post.logout.redirect.uris\":\"" + logout + "\"}}";
            keycloak.send("PUT", "/clients/" + id, body, 204);
        }
        LOG.info(() -> "Keycloak sends people back to " + publicUrl);
    }

    /** The strings of a JSON array field, as Keycloak writes it (addresses hold no quotes or brackets). */
    static List<String> strings(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(json);
        if (!m.find()) {
            return List.of();
        }
        List<String> values = new java.util.ArrayList<>();
        Matcher value = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(m.group(1));
        while (value.find()) {
            values.add(value.group(1).replace("\\/", "/"));
        }
        return values;
    }

    private static String array(Set<String> values) {
        return values.stream().map(KeycloakAdminApi::quote).collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }
}
