package io.convene.privacy.persistence;

import io.convene.privacy.PrivacyRequest;
import io.convene.privacy.PrivacyRequestRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link PrivacyRequestRepository} by JPA. */
@ApplicationScoped
public class JpaPrivacyRequestRepository implements PrivacyRequestRepository {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Override
    public void add(PrivacyRequest request) {
        em.persist(request);
    }

    @Override
    public Optional<PrivacyRequest> byId(UUID id) {
        return Optional.ofNullable(em.find(PrivacyRequest.class, id));
    }

    @Override
    public List<PrivacyRequest> recent(int max) {
        return em.createQuery("select r from PrivacyRequest r order by r.requestedAt desc", PrivacyRequest.class)
                .setMaxResults(max).getResultList();
    }

    @Override
    public List<PrivacyRequest> exportsOf(UUID subjectId, int max) {
        return em.createQuery("select r from PrivacyRequest r where r.subjectId = :me and r.kind = :export"
                        + " order by r.requestedAt desc", PrivacyRequest.class)
                .setParameter("me", subjectId).setParameter("export", PrivacyRequest.Kind.EXPORT).setMaxResults(max)
                .getResultList();
    }

    @Override
    public List<PrivacyRequest> storedExportsOf(UUID subjectId) {
        return em.createQuery("select r from PrivacyRequest r where r.subjectId = :u and r.kind = :export"
                        + " and r.blobKey is not null", PrivacyRequest.class)
                .setParameter("u", subjectId).setParameter("export", PrivacyRequest.Kind.EXPORT).getResultList();
    }

    @Override
    public boolean claim(UUID id) {
        return em.createQuery("update PrivacyRequest r set r.state = :running where r.id = :id and r.state = :queued")
                .setParameter("running", PrivacyRequest.State.RUNNING).setParameter("id", id)
                .setParameter("queued", PrivacyRequest.State.QUEUED).executeUpdate() > 0;
    }

    @Override
    public List<PrivacyRequest> expiredExports(Instant now) {
        return em.createQuery("select r from PrivacyRequest r where r.kind = :export and r.blobKey is not null"
                        + " and r.expiresAt < :now", PrivacyRequest.class)
                .setParameter("export", PrivacyRequest.Kind.EXPORT).setParameter("now", now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    @Override
    public List<UUID> queuedBefore(Instant before) {
        return em.createQuery("select r.id from PrivacyRequest r where r.state = :q and r.requestedAt < :before", UUID.class)
                .setParameter("q", PrivacyRequest.State.QUEUED).setParameter("before", before).getResultList();
    }
}
