package io.convene.integration;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

/** The webhook delivery log, written in transactions of its own: failed attempts are kept though the delivery rolls back. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WebhookLog {

    @Inject
    WebhookRepository webhooks;

    public void attempted(UUID deliveryId, UUID endpointId, Announcement.Event event, UUID meetingId, Instant at) {
        webhooks.attempted(deliveryId, endpointId, event, meetingId, at);
    }

    public void succeeded(UUID deliveryId, int status, Instant at) {
        webhooks.succeeded(deliveryId, status, at);
    }

    public void failed(UUID deliveryId, String error) {
        webhooks.failed(deliveryId, error.length() > 1000 ? error.substring(0, 1000) : error);
    }

    /** Whether it already went through (a redelivered message is not sent again). */
    public boolean delivered(UUID deliveryId) {
        return webhooks.delivered(deliveryId);
    }
}
