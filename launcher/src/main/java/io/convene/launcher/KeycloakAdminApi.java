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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded Keycloak's admin REST API as its bootstrap administrator (on 127.0.0.1), for what
 * the launcher keeps in step at every start: the browser clients' addresses, the first
 * administrator of a production realm, no demo accounts on a host name.
 */
final class KeycloakAdminApi {

    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String token;

    KeycloakAdminApi(SuiteSettings settings) {
        this.base = settings.keycloakUrl();
        this.token = match(TOKEN, send(HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password="
                        + URLEncoder.encode(settings.keycloakAdminPassword(), StandardCharsets.UTF_8))), 200).body(), "a token");
    }

    /** GET of a path under /admin/realms/convene; its body. */
    String get(String path) {
        return send(request(path).GET(), 200).body();
    }

    /** A JSON body sent with {@code method}; the answer, which must have the status expected. */
    HttpResponse<String> send(String method, String path, String json, int expected) {
        return send(request(path).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)), expected);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + "/admin/realms/convene" + path)).header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IllegalStateException("Keycloak answered HTTP " + r.statusCode() + " to " + r.request().method() + " "
                        + r.request().uri().getPath());
            }
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first group of {@code pattern} in Keycloak's answer. */
    static String match(Pattern pattern, String text, String what) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("Keycloak's answer holds no " + what);
        }
        return m.group(1);
    }

    /** A JSON string. */
    static String quote(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
