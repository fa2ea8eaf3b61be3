package io.convene.privacy;

import io.convene.user.User;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
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

    /**
     * The export's file is in the blob store: the request is done — unless its person's data was
     * erased while it was made (the person's row is locked, as the erasure locks it, so one of the
     * two comes first): then it failed, and the caller deletes the file it stored.
     */
    public boolean exported(UUID id, String blobKey, long size, Instant now) {
        PrivacyRequest request = em.find(PrivacyRequest.class, id);
        User subject = em.find(User.class, request.subjectId(), LockModeType.PESSIMISTIC_WRITE);
        if (subject.isErased()) {
            request.failed("The person's data was erased while the export was made; its file was deleted", now);
            return false;
        }
        request.exported(blobKey, size, now);
        return true;
    }

    /** Exports whose day is over: their files' keys, to be deleted (the requests stay, expired). */
    public List<String> expire(Instant now) {
        return em.createQuery("select r from PrivacyRequest r where r.kind = :export and r.blobKey is not null"
                        + " and r.expiresAt < :now", PrivacyRequest.class)
                .setParameter("export", PrivacyRequest.Kind.EXPORT).setParameter("now", now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().map(r -> r.withdraw(now)).toList();
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
