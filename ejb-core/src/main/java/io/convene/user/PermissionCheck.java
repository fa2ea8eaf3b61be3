package io.convene.user;

import io.convene.shared.Caller;
import io.convene.shared.Permission;
import io.convene.shared.Permissions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@link Permissions} as the user context answers it: the role from the token, then the account's standing. */
@ApplicationScoped
class PermissionCheck implements Permissions {

    @Inject
    AccountStanding standing;

    @Override
    public void require(Caller caller, Permission permission) {
        permission.requireRole(caller);
        standing.requireActive(caller);
    }
}
