package io.convene.user;

import io.convene.audit.AuditedPeople;
import io.convene.shared.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** The user context's answers to the audit trail: who a caller is, whether they stand in a role. */
@ApplicationScoped
class PeopleForAudit implements AuditedPeople {

    @Inject
    UserService users;

    @Inject
    AccountStanding standing;

    @Override
    public UUID userIdOf(Caller caller) {
        return users.current(caller).id();
    }

    @Override
    public void requireAnyRole(Caller caller, String refusal, String... roles) {
        standing.requireAnyRole(caller, refusal, roles);
    }
}
