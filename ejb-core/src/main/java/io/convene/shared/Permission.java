package io.convene.shared;

import java.util.Arrays;
import java.util.Set;

/**
 * What a realm role lets someone do across the organisation (not within a meeting, where the
 * meeting's own roles decide), with the refusal a caller without it hears (403). One list, so who may
 * do what is read in one place.
 */
public enum Permission {
    MANAGE_ACCOUNTS("Only administrators manage accounts", Caller.ADMIN),
    LIST_EVERYONE("Only administrators list everyone", Caller.ADMIN),
    LIST_EVERY_MEETING("Only administrators list every meeting", Caller.ADMIN),
    SEE_LIVE_MEETINGS("Only administrators see every meeting", Caller.ADMIN),
    SEE_PARTS_HEALTH("Only administrators see the health of the parts", Caller.ADMIN),
    SEE_NOTIFICATIONS_SENT("Only administrators see the notifications sent", Caller.ADMIN),
    HANDLE_FAILED_DELIVERIES("Only administrators see and replay failed deliveries", Caller.ADMIN),
    MANAGE_CONNECTIONS("Only administrators see every connection", Caller.ADMIN),
    MANAGE_WEBHOOKS("Only administrators manage webhooks", Caller.ADMIN),
    MANAGE_DIRECTORIES("Only administrators manage directories", Caller.ADMIN),
    MANAGE_RETENTION("Only administrators set and run retention", Caller.ADMIN),
    READ_AUDIT_TRAIL("Only administrators and compliance officers read the audit trail", Caller.ADMIN, Caller.COMPLIANCE_OFFICER),
    SEE_EVERY_RECORDING("Only administrators and compliance officers see every recording", Caller.ADMIN, Caller.COMPLIANCE_OFFICER),
    READ_EVERY_REPORT("Only administrators and compliance officers read every report", Caller.ADMIN, Caller.COMPLIANCE_OFFICER),
    SEE_WHO_IS_WHO("Only compliance officers and administrators see who is who", Caller.COMPLIANCE_OFFICER, Caller.ADMIN),
    ACT_ON_PERSONAL_DATA("Only compliance officers act on other people's data", Caller.COMPLIANCE_OFFICER);

    private final String refusal;
    private final Set<String> roles;

    Permission(String refusal, String... roles) {
        this.refusal = refusal;
        this.roles = Set.copyOf(Arrays.asList(roles));
    }

    /** Whether the caller's token carries a role that grants it (their account's standing aside). */
    public boolean grantedTo(Caller caller) {
        return caller.roles().stream().anyMatch(roles::contains);
    }

    /** What a caller without it is told. */
    public String refusal() {
        return refusal;
    }

    /** Refuses (403) a caller whose token carries no role that grants it; the standing is the port's to check. */
    public void requireRole(Caller caller) {
        if (!grantedTo(caller)) {
            throw new AccessDeniedException(refusal);
        }
    }
}
