package io.convene.integration.persistence;

import io.convene.integration.Announcement;
import io.convene.integration.WebhookEndpoint;
import io.convene.integration.WebhookRepository;
import io.convene.integration.Webhooks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link WebhookRepository} in PostgreSQL: endpoints by JPA, the delivery log by SQL. */
@ApplicationScoped
public class JpaWebhookRepository implements WebhookRepository {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Override
    public void add(WebhookEndpoint endpoint) {
        em.persist(endpoint);
    }

    @Override
    public void remove(WebhookEndpoint endpoint) {
        em.remove(endpoint);
    }

    @Override
    public Optional<WebhookEndpoint> byId(UUID id) {
        return Optional.ofNullable(em.find(WebhookEndpoint.class, id));
    }

    @Override
    public List<WebhookEndpoint> all() {
        return em.createQuery("select e from WebhookEndpoint e order by e.createdAt", WebhookEndpoint.class).getResultList();
    }

    @Override
    public List<Webhooks.DeliveryView> deliveries(UUID endpointId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, event, meeting_id, attempts, last_status, last_error, first_attempt_at,
                               last_attempt_at, delivered_at
                        from webhook_deliveries where endpoint_id = ?1 order by first_attempt_at desc limit ?2""")
                .setParameter(1, endpointId).setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new Webhooks.DeliveryView((UUID) r[0], (String) r[1], (UUID) r[2],
                ((Number) r[3]).intValue(), r[4] == null ? null : ((Number) r[4]).intValue(), (String) r[5],
                (Instant) r[6], (Instant) r[7], (Instant) r[8])).toList();
    }

    @Override
    public void attempted(UUID deliveryId, UUID endpointId, Announcement.Event event, UUID meetingId, Instant at) {
        em.createNativeQuery("""
                        insert into webhook_deliveries (id, endpoint_id, event, meeting_id, attempts, first_attempt_at, last_attempt_at)
                        values (?1, ?2, ?3, ?4, 1, ?5, ?5)
                        on conflict (id) do update set attempts = webhook_deliveries.attempts + 1, last_attempt_at = ?5""")
                .setParameter(1, deliveryId).setParameter(2, endpointId).setParameter(3, event.name())
                .setParameter(4, meetingId).setParameter(5, at).executeUpdate();
    }

    @Override
    public void succeeded(UUID deliveryId, int status, Instant at) {
        em.createNativeQuery("update webhook_deliveries set last_status = ?2, last_error = null, delivered_at = ?3 where id = ?1")
                .setParameter(1, deliveryId).setParameter(2, status).setParameter(3, at).executeUpdate();
    }

    @Override
    public void failed(UUID deliveryId, String error) {
        em.createNativeQuery("update webhook_deliveries set last_error = ?2 where id = ?1")
                .setParameter(1, deliveryId).setParameter(2, error).executeUpdate();
    }

    @Override
    public boolean delivered(UUID deliveryId) {
        return ((Number) em.createNativeQuery("select count(*) from webhook_deliveries where id = ?1 and delivered_at is not null")
                .setParameter(1, deliveryId).getSingleResult()).longValue() > 0;
    }
}
