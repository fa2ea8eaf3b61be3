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
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
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

    /** VideoRoom's {@code admin_key}: only who knows it makes or removes rooms. */
    @Inject
    @ConfigProperty(name = "convene.media.janus-admin-key")
    Optional<String> adminKey;

    /** VideoRoom's answer when the room is there already (427) or is not there (426). */
    private static final int ROOM_EXISTS = 427;
    private static final int NO_SUCH_ROOM = 426;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PATIENCE).build();

    @Override
    public boolean configured() {
        return janusUrl.isPresent();
    }

    @Override
    public void openRoom(UUID meetingId) {
        JsonObjectBuilder create = Json.createObjectBuilder().add("request", "create").add("room", meetingId.toString())
                .add("description", "Convene meeting " + meetingId).add("is_private", true).add("publishers", 100)
                .add("permanent", false);
        adminKey.ifPresent(key -> create.add("admin_key", key));
        videoRoom(create.build(), ROOM_EXISTS);
    }

    @Override
    public void closeRoom(UUID meetingId) {
        JsonObjectBuilder destroy = Json.createObjectBuilder().add("request", "destroy").add("room", meetingId.toString())
                .add("permanent", false);
        videoRoom(destroy.build(), NO_SUCH_ROOM);
    }

    /**
     * One synchronous VideoRoom request in a Janus session of its own (create, attach, message,
     * destroy: nothing to keep alive between requests); {@code fine} is the error code that means
     * the room already is as asked.
     */
    private JsonObject videoRoom(JsonObject body, int fine) {
        String url = janusUrl.orElseThrow(() -> new IllegalStateException("No media server configured"));
        long session = post(url, Json.createObjectBuilder().add("janus", "create")).getJsonObject("data").getJsonNumber("id").longValue();
        try {
            long handle = post(url + "/" + session, Json.createObjectBuilder().add("janus", "attach").add("plugin", VIDEOROOM))
                    .getJsonObject("data").getJsonNumber("id").longValue();
            JsonObject data = post(url + "/" + session + "/" + handle, Json.createObjectBuilder().add("janus", "message")
                    .add("body", body)).getJsonObject("plugindata").getJsonObject("data");
            int error = data.getInt("error_code", 0);
            if (error != 0 && error != fine) {
                throw new IllegalStateException("Janus VideoRoom refused " + body.getString("request") + ": " + error + " "
                        + data.getString("error", ""));
            }
            return data;
        } finally {
            post(url + "/" + session, Json.createObjectBuilder().add("janus", "destroy"));
        }
    }

    private JsonObject post(String url, JsonObjectBuilder request) {
        String body = request.add("transaction", UUID.randomUUID().toString()).build().toString();
        JsonObject reply = exchange(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"), url);
        if ("error".equals(reply.getString("janus", ""))) {
            throw new IllegalStateException("Janus refused: " + reply.getJsonObject("error"));
        }
        return reply;
    }

    @Override
    public String probe() {
        String url = janusUrl.orElseThrow(() -> new IllegalStateException("No media server configured (convene.media.janus-url)"));
        JsonObject info = exchange(HttpRequest.newBuilder(URI.create(url + "/info")), url);
        if (!info.getJsonObject("plugins").containsKey(VIDEOROOM)) {
            throw new IllegalStateException("Janus at " + url + " has no VideoRoom plugin");
        }
        return "Janus " + info.getString("version_string", "?") + " with VideoRoom at " + url;
    }

    /** One request to Janus's HTTP API and its JSON answer; anything but a 200 is a failure. */
    private JsonObject exchange(HttpRequest.Builder request, String url) {
        HttpResponse<String> answer;
        try {
            answer = http.send(request.timeout(PATIENCE).build(), HttpResponse.BodyHandlers.ofString());
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
            return reader.readObject();
        }
    }
}
