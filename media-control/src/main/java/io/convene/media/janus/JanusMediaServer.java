package io.convene.media.janus;

import io.convene.media.MediaServer;
import jakarta.ejb.Local;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Janus (Debian's {@code janus}, the VideoRoom plugin) through its HTTP API at
 * {@code convene.media.janus-url} (e.g. {@code http://127.0.0.1:8088/janus}). An EJB in its own
 * module, reached from ejb-core through {@code @EJB}, as the Keycloak adapter is.
 */
@Singleton
@Local(MediaServer.class)
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JanusMediaServer implements MediaServer {

    static final String VIDEOROOM = "janus.plugin.videoroom";
    private static final Duration PATIENCE = Duration.ofSeconds(3);

    @Inject
    @ConfigProperty(name = "convene.media.janus-url")
    Optional<String> janusUrl;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PATIENCE).build();

    @Override
    public boolean configured() {
        return janusUrl.isPresent();
    }

    @Override
    public String probe() {
        String url = janusUrl.orElseThrow(() -> new IllegalStateException("No media server configured (convene.media.janus-url)"));
        HttpResponse<String> answer;
        try {
            answer = http.send(HttpRequest.newBuilder(URI.create(url + "/info")).timeout(PATIENCE).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Janus at " + url + " unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking Janus", e);
        }
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Janus at " + url + " answered " + answer.statusCode());
        }
        try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
            JsonObject info = reader.readObject();
            if (!info.getJsonObject("plugins").containsKey(VIDEOROOM)) {
                throw new IllegalStateException("Janus at " + url + " has no VideoRoom plugin");
            }
            return "Janus " + info.getString("version_string", "?") + " with VideoRoom at " + url;
        }
    }
}
