package io.convene.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;

/** An HTTP answer: status, headers and the body parsed as JSON (a missing node when there is none). */
public record Reply(int status, HttpHeaders headers, String raw, JsonNode json) {

    public String contentType() {
        return headers.firstValue("Content-Type").orElse("");
    }

    public String text(String field) {
        return json.path(field).asText(null);
    }

    @Override
    public String toString() {
        return status + " " + raw;
    }
}
