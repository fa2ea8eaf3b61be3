package io.convene.audit;

import io.convene.shared.Caller;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * The audit trail as an EJB, for the other modules: in the EAR they reach ejb-core's beans only as
 * EJBs (docs/assemblies.md). An entry in the caller's transaction, or in its own.
 */
@Stateless
public class AuditTrailEjb {

    @Inject
    AuditTrail trail;

    /** Records the action; answers the acting person's user id. */
    public UUID action(Caller caller, AuditAction action, String target, String detail) {
        return trail.action(caller, action, target, detail);
    }

    /**
     * Records a refusal in a transaction of its own: the caller's transaction is about to roll back
     * with the exception that refuses, and the entry must stay. The actor is given, not looked up:
     * looking them up may touch their row, which the suspended caller's transaction may hold.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void refusal(UUID actor, AuditAction action, String target, String detail) {
        trail.actionBy(actor, action, target, detail);
    }
}
