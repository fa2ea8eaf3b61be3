package io.convene.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;

/**
 * Appends to the audit trail in the caller's transaction: no entry for a change that rolled back.
 * Entries made while serving an HTTP request carry the client's address.
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    AuditRepository entries;

    @Inject
    RequestOrigin origin;

    @Inject
    AuditedPeople people;

    @Inject
    java.time.Clock clock;

    public void record(AuditEntry entry) {
        entries.add(entry.from(address()));
    }

    /** An administrator's or compliance officer's action on {@code target} ("directory:<id>", ...); answers who acted. */
    public java.util.UUID action(io.convene.shared.Caller caller, AuditAction action, String target, String detail) {
        java.util.UUID actor = people.userIdOf(caller);
        actionBy(actor, action, target, detail);
        return actor;
    }

    /** As {@link #action}, by a person already known: nothing of theirs is looked up (or touched) to record it. */
    public void actionBy(java.util.UUID actor, AuditAction action, String target, String detail) {
        record(AuditEntry.action(actor, action, target, detail, clock.instant()));
    }

    private String address() {
        try {
            return origin.address();
        } catch (ContextNotActiveException e) { // a timer or a message, not a request
            return null;
        }
    }
}
