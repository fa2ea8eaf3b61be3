package io.convene.user;

import io.convene.audit.AuditedPeople;
import io.convene.shared.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** The user context's answer to the audit trail: whose user a caller is. */
@ApplicationScoped
class PeopleForAudit implements AuditedPeople {

    @Inject
    UserService users;

    @Override
    public UUID userIdOf(Caller caller) {
        return users.current(caller).id();
    }
}
