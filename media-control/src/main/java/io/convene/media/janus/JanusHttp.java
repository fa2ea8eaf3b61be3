package io.convene.media.janus;

import io.convene.media.MediaFailure;
import io.convene.shared.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** Janus's HTTP API: POSTs of JSON requests (each with a transaction) and GETs (info, the long poll). */
final class JanusHttp {

    static final Duration PATIENCE = Duration.ofSeconds(5);

    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PATIENCE).build();

    JanusHttp(String url) {
        this.url = url;
    }

    String url() {
        return url;
    }

    /** POSTs {@code request} (given a transaction if it has none) to {@code url/path}; a Janus error throws. */
    JsonObject post(String path, JsonObject request) {
        JsonObject body = request.containsKey("transaction") ? request
                : Jsons.createObjectBuilder(request).add("transaction", UUID.randomUUID().toString()).build();
        JsonObject reply = (JsonObject) exchange(HttpRequest.newBuilder(URI.create(url + path))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).header("Content-Type", "application/json"),
                PATIENCE);
        failOnError(reply);
        return reply;
    }

    /** GETs {@code url/path}: an object, or for the long poll an array of events. */
    JsonStructure get(String path, Duration patience) {
        return exchange(HttpRequest.newBuilder(URI.create(url + path)), patience);
    }

    static void failOnError(JsonObject reply) {
        if ("error".equals(reply.getString("janus", ""))) {
            JsonObject error = reply.getJsonObject("error");
            throw new JanusException(error.getInt("code", 0), error.getString("reason", "?"));
        }
    }

    /** One request and its JSON answer; anything but a 200 is a failure. */
    private JsonStructure exchange(HttpRequest.Builder request, Duration patience) {
        HttpResponse<String> answer;
        try {
            answer = http.send(request.timeout(patience).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new MediaFailure("Janus at " + url + " unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaFailure("Interrupted while asking Janus", e);
        }
        if (answer.statusCode() != 200) {
            throw new MediaFailure("Janus at " + url + " answered " + answer.statusCode());
        }
        try (JsonReader reader = Jsons.createReader(new StringReader(answer.body()))) {
            return reader.read();
        }
    }

    /** Janus refused a request: its error code and reason. */
    static final class JanusException extends MediaFailure {

        /** The session is gone (Janus restarted, or it timed out). */
        static final int NO_SUCH_SESSION = 458;
        static final int NO_SUCH_HANDLE = 459;

        final int code;

        JanusException(int code, String reason) {
            super("Janus refused: " + code + " " + reason);
            this.code = code;
        }
    }
}
