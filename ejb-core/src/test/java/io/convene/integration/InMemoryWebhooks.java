package io.convene.integration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The webhook endpoints and their delivery log kept in memory, for unit tests ({@code persistence.JpaWebhookRepository}). */
final class InMemoryWebhooks implements WebhookRepository {

    private final List<WebhookEndpoint> endpoints = new ArrayList<>();
    private final Map<UUID, Webhooks.DeliveryView> log = new LinkedHashMap<>();
    private final Map<UUID, UUID> endpointOf = new LinkedHashMap<>();

    @Override
    public void add(WebhookEndpoint endpoint) {
        endpoints.add(endpoint);
    }

    @Override
    public void remove(WebhookEndpoint endpoint) {
        endpoints.remove(endpoint);
    }

    @Override
    public Optional<WebhookEndpoint> byId(UUID id) {
        return endpoints.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    @Override
    public List<WebhookEndpoint> all() {
        return endpoints.stream().sorted(Comparator.comparing(WebhookEndpoint::createdAt)).toList();
    }

    @Override
    public List<Webhooks.DeliveryView> deliveries(UUID endpointId, int limit) {
        return log.values().stream().filter(d -> endpointOf.get(d.id()).equals(endpointId))
                .sorted(Comparator.comparing(Webhooks.DeliveryView::firstAttemptAt).reversed()).limit(limit).toList();
    }

    @Override
    public void attempted(UUID deliveryId, UUID endpointId, Announcement.Event event, UUID meetingId, Instant at) {
        Webhooks.DeliveryView d = log.get(deliveryId);
        log.put(deliveryId, d == null
                ? new Webhooks.DeliveryView(deliveryId, event.name(), meetingId, 1, null, null, at, at, null)
                : new Webhooks.DeliveryView(deliveryId, d.event(), d.meetingId(), d.attempts() + 1, d.lastStatus(),
                        d.lastError(), d.firstAttemptAt(), at, d.deliveredAt()));
        endpointOf.putIfAbsent(deliveryId, endpointId);
    }

    @Override
    public void succeeded(UUID deliveryId, int status, Instant at) {
        log.computeIfPresent(deliveryId, (id, d) -> new Webhooks.DeliveryView(id, d.event(), d.meetingId(), d.attempts(),
                status, null, d.firstAttemptAt(), d.lastAttemptAt(), at));
    }

    @Override
    public void failed(UUID deliveryId, String error) {
        log.computeIfPresent(deliveryId, (id, d) -> new Webhooks.DeliveryView(id, d.event(), d.meetingId(), d.attempts(),
                d.lastStatus(), error, d.firstAttemptAt(), d.lastAttemptAt(), d.deliveredAt()));
    }

    @Override
    public boolean delivered(UUID deliveryId) {
        return log.containsKey(deliveryId) && log.get(deliveryId).deliveredAt() != null;
    }
}
