package io.convene.integration.persistence;

import io.convene.integration.ConnectionRepository;
import io.convene.integration.Provider;
import io.convene.integration.ServiceConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link ConnectionRepository} in PostgreSQL: connections by JPA, the delivery record and the row lock by SQL. */
@ApplicationScoped
public class JpaConnectionRepository implements ConnectionRepository {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Override
    public void add(ServiceConnection connection) {
        em.persist(connection);
    }

    @Override
    public void remove(ServiceConnection connection) {
        em.remove(connection);
    }

    @Override
    public Optional<ServiceConnection> byId(UUID id) {
        return Optional.ofNullable(em.find(ServiceConnection.class, id));
    }

    @Override
    public List<ServiceConnection> all() {
        return em.createQuery("select c from ServiceConnection c", ServiceConnection.class).getResultList();
    }

    @Override
    public Optional<ServiceConnection> byIdUnlessBusy(UUID id) {
        @SuppressWarnings("unchecked")
        List<UUID> free = em.createNativeQuery("select id from integration_connections where id = ?1 for update skip locked")
                .setParameter(1, id).getResultList();
        return free.isEmpty() ? Optional.empty() : byId(id);
    }

    @Override
    public Optional<ServiceConnection> of(Provider provider, UUID owner) {
        String where = owner == null ? "c.userId is null" : "c.userId = :owner";
        var query = em.createQuery("select c from ServiceConnection c where c.provider = :p and " + where, ServiceConnection.class)
                .setParameter("p", provider);
        if (owner != null) {
            query.setParameter("owner", owner);
        }
        return query.getResultStream().findFirst();
    }

    @Override
    public List<ServiceConnection> organisationWide(Collection<Provider> providers) {
        return em.createQuery("select c from ServiceConnection c where c.provider in :p and c.userId is null",
                ServiceConnection.class).setParameter("p", providers).getResultList();
    }

    @Override
    public List<ServiceConnection> ofUser(UUID userId, Collection<Provider> providers) {
        return em.createQuery("select c from ServiceConnection c where c.provider in :p and c.userId = :u",
                ServiceConnection.class).setParameter("p", providers).setParameter("u", userId).getResultList();
    }

    @Override
    public boolean hasAny(UUID userId, Collection<Provider> providers) {
        return !em.createQuery("select c.id from ServiceConnection c where c.provider in :p and c.userId = :u", UUID.class)
                .setParameter("p", providers).setParameter("u", userId).setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public Optional<UUID> organisationConnectionId(Provider provider) {
        return em.createQuery("select c.id from ServiceConnection c where c.provider = :p and c.userId is null", UUID.class)
                .setParameter("p", provider).getResultStream().findFirst();
    }

    @Override
    public List<ServiceConnection> visibleTo(UUID userId, boolean organisationsToo) {
        String where = organisationsToo ? "c.userId = :me or c.userId is null" : "c.userId = :me";
        return em.createQuery("select c from ServiceConnection c where " + where + " order by c.provider", ServiceConnection.class)
                .setParameter("me", userId).getResultList();
    }

    @Override
    public List<UUID> idsOf(Collection<Provider> providers) {
        return em.createQuery("select c.id from ServiceConnection c where c.provider in :p", UUID.class)
                .setParameter("p", providers).getResultList();
    }

    @Override
    public List<Owned> overview(int limit) {
        return em.createQuery("""
                        select c, u.email from ServiceConnection c left join User u on u.id = c.userId
                        order by case when c.userId is null then 0 else 1 end,
                                 case when c.lastErrorAt is not null and (c.lastSuccessAt is null or c.lastErrorAt > c.lastSuccessAt)
                                      then 0 else 1 end,
                                 c.provider, u.email""", Object[].class)
                .setMaxResults(limit).getResultStream()
                .map(r -> new Owned((ServiceConnection) r[0], (String) r[1])).toList();
    }

    @Override
    public Map<Provider, Long> countByProvider() {
        Map<Provider, Long> counts = new EnumMap<>(Provider.class);
        em.createQuery("select c.provider, count(c) from ServiceConnection c group by c.provider", Object[].class).getResultList()
                .forEach(r -> counts.put((Provider) r[0], (Long) r[1]));
        return counts;
    }

    @Override
    public void delivered(UUID deliveryId, UUID connectionId) {
        em.createNativeQuery("insert into integration_deliveries (id, connection_id, delivered_at) values (?1, ?2, now())")
                .setParameter(1, deliveryId).setParameter(2, connectionId).executeUpdate();
    }

    @Override
    public boolean wasDelivered(UUID deliveryId) {
        return ((Number) em.createNativeQuery("select count(*) from integration_deliveries where id = ?1")
                .setParameter(1, deliveryId).getSingleResult()).longValue() > 0;
    }
}
