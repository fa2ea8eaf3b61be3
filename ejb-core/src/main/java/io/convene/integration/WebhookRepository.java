package io.convene.integration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where webhook endpoints and their deliveries are kept ({@code persistence.JpaWebhookRepository}). */
public interface WebhookRepository {

    void add(WebhookEndpoint endpoint);

    void remove(WebhookEndpoint endpoint);

    Optional<WebhookEndpoint> byId(UUID id);

    /** Every endpoint, oldest first. */
    List<WebhookEndpoint> all();

    /** The endpoint's deliveries, newest first, at most {@code limit}. */
    List<Webhooks.DeliveryView> deliveries(UUID endpointId, int limit);

    /** One more attempt at a delivery (its first makes its record). */
    void attempted(UUID deliveryId, UUID endpointId, Announcement.Event event, UUID meetingId, Instant at);

    void succeeded(UUID deliveryId, int status, Instant at);

    void failed(UUID deliveryId, String error);

    /** Whether the delivery went through already. */
    boolean delivered(UUID deliveryId);
}
