package io.convene.audit;

import java.time.Clock;

/** The audit trail wired the way CDI wires it, for unit tests of the contexts that record into it. */
public final class AuditTrails {

    private AuditTrails() {
    }

    /** Entries go to {@code entries}, their actor told by {@code people}, outside any HTTP request. */
    public static AuditTrail of(AuditRepository entries, AuditedPeople people, Clock clock) {
        return of(entries, people, clock, new RequestOrigin());
    }

    /** The trail as the other modules reach it (an EJB; its {@code refusal} in a transaction of its own in the container). */
    public static AuditTrailEjb ejb(AuditTrail trail) {
        AuditTrailEjb ejb = new AuditTrailEjb();
        ejb.trail = trail;
        return ejb;
    }

    /** As above, while serving a request from {@code origin}. */
    public static AuditTrail of(AuditRepository entries, AuditedPeople people, Clock clock, RequestOrigin origin) {
        AuditTrail trail = new AuditTrail();
        trail.entries = entries;
        trail.people = people;
        trail.clock = clock;
        trail.origin = origin;
        return trail;
    }
}
