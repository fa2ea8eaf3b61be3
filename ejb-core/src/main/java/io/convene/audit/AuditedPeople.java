package io.convene.audit;

import io.convene.shared.Caller;
import java.util.UUID;

/**
 * What the audit trail needs to know of the people acting, answered by the user context (which
 * records into the trail, so the trail does not reach back into it): whose user the caller is.
 */
public interface AuditedPeople {

    /** The caller's user id (made at their first request); a deactivated account is refused (401). */
    UUID userIdOf(Caller caller);
}
