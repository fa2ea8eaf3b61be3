package io.convene.integration;

/** The port that calls the organisation's webhooks (a Camel route in {@code integrations-camel}). */
public interface WebhookSender {

    /** Makes one signed webhook request; answers the 2xx status, throws when the endpoint gave another. */
    int call(WebhookCall call);
}
