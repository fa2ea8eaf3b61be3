package io.convene.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Appends to the audit trail in the caller's transaction: no entry for a change that rolled back. */
@ApplicationScoped
public class AuditTrail {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    public void record(AuditEntry entry) {
        em.persist(entry);
    }
}
