package io.convene.integration;

import java.util.UUID;

/** One webhook request to make: where, signed with what, and the JSON body. */
public record WebhookCall(UUID deliveryId, String url, String secret, String event, String body) {

    @Override
    public String toString() {
        return "WebhookCall[" + deliveryId + ", " + url + ", " + event + "]"; // never the secret
    }
}
