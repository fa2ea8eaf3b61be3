package io.convene.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    /** A browser client of the realm and the paths under the public address it sends people back to. */
    private record BrowserClient(String clientId, List<String> paths) {
    }

    private static final List<BrowserClient> CLIENTS = List.of(
            new BrowserClient("convene-join", List.of("/join/*", "/home", "/home/*")),
            new BrowserClient("convene-admin-console", List.of("/admin/*")));

    private KeycloakAddresses() {
    }

    static void follow(SuiteSettings settings) {
        String publicUrl = settings.publicUrl();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String token = match(TOKEN, send(http, HttpRequest.newBuilder(URI.create(settings.keycloakUrl()
                        + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password="
                        + URLEncoder.encode(settings.keycloakAdminPassword(), StandardCharsets.UTF_8))), 200), "a token");
        for (BrowserClient client : CLIENTS) {
            String clients = settings.keycloakUrl() + "/admin/realms/convene/clients";
            String found = send(http, HttpRequest.newBuilder(URI.create(clients + "?clientId=" + client.clientId()))
                    .header("Authorization", "Bearer " + token).GET(), 200);
            String id = match(ID, found, client.clientId());
            Set<String> redirects = new LinkedHashSet<>(strings(found, "redirectUris"));
            client.paths().forEach(path -> redirects.add(publicUrl + path));
            Set<String> origins = new LinkedHashSet<>(strings(found, "webOrigins"));
            origins.add(publicUrl);
            String logout = String.join("##", redirects);
            String body = "{\"redirectUris\":" + array(redirects) + ",\"webOrigins\":" + array(origins)
                    + ",\"attributes\":{\"post.logout.redirect.uris\":\"" + logout + "\"}}";
            send(http, HttpRequest.newBuilder(URI.create(clients + "/" + id)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)), 204);
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
        return values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    private static String match(Pattern pattern, String text, String what) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("Keycloak's answer holds no " + what);
        }
        return m.group(1);
    }

    private static String send(HttpClient http, HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IllegalStateException("Keycloak answered HTTP " + r.statusCode() + " to " + r.request().method() + " "
                        + r.request().uri().getPath());
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
