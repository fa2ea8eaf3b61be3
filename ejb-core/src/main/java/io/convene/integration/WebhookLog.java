package io.convene.integration;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.UUID;

/** The webhook delivery log, written in transactions of its own: failed attempts are kept though the delivery rolls back. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WebhookLog {

    @PersistenceContext(unitName = "convene")
    EntityManager em;

    public void attempted(UUID deliveryId, UUID endpointId, Announcement.Event event, UUID meetingId, Instant at) {
        em.createNativeQuery("""
                        insert into webhook_deliveries (id, endpoint_id, event, meeting_id, attempts, first_attempt_at, last_attempt_at)
                        values (?1, ?2, ?3, ?4, 1, ?5, ?5)
                        on conflict (id) do update set attempts = webhook_deliveries.attempts + 1, last_attempt_at = ?5""")
                .setParameter(1, deliveryId).setParameter(2, endpointId).setParameter(3, event.name())
                .setParameter(4, meetingId).setParameter(5, at).executeUpdate();
    }

    public void succeeded(UUID deliveryId, int status, Instant at) {
        em.createNativeQuery("update webhook_deliveries set last_status = ?2, last_error = null, delivered_at = ?3 where id = ?1")
                .setParameter(1, deliveryId).setParameter(2, status).setParameter(3, at).executeUpdate();
    }

    public void failed(UUID deliveryId, String error) {
        em.createNativeQuery("update webhook_deliveries set last_error = ?2 where id = ?1")
                .setParameter(1, deliveryId).setParameter(2, error.length() > 1000 ? error.substring(0, 1000) : error)
                .executeUpdate();
    }

    /** Whether it already went through (a redelivered message is not sent again). */
    public boolean delivered(UUID deliveryId) {
        return ((Number) em.createNativeQuery("select count(*) from webhook_deliveries where id = ?1 and delivered_at is not null")
                .setParameter(1, deliveryId).getSingleResult()).longValue() > 0;
    }
}
