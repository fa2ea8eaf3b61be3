package io.convene.privacy;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A background export's own record, each step committed at once (the export runs outside any transaction). */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PrivacyRequests {

    @PersistenceContext(unitName = "convene")
    EntityManager em;

    /** Takes a queued export for this thread; null when it is not queued any more. */
    public PrivacyRequest claim(UUID id) {
        int taken = em.createQuery("update PrivacyRequest r set r.state = :running where r.id = :id and r.state = :queued")
                .setParameter("running", PrivacyRequest.State.RUNNING).setParameter("id", id)
                .setParameter("queued", PrivacyRequest.State.QUEUED).executeUpdate();
        return taken == 0 ? null : em.find(PrivacyRequest.class, id);
    }

    public void progress(UUID id, int percent) {
        em.find(PrivacyRequest.class, id).running(percent);
    }

    public void exported(UUID id, String blobKey, long size, Instant now) {
        em.find(PrivacyRequest.class, id).exported(blobKey, size, now);
    }

    public void failed(UUID id, String reason, Instant now) {
        em.find(PrivacyRequest.class, id).failed(reason, now);
    }

    /** Exports queued over a minute ago that nobody started (their node went down first). */
    public List<UUID> stranded(Instant now) {
        return em.createQuery("select r.id from PrivacyRequest r where r.state = :q and r.requestedAt < :before", UUID.class)
                .setParameter("q", PrivacyRequest.State.QUEUED).setParameter("before", now.minusSeconds(60)).getResultList();
    }
}
