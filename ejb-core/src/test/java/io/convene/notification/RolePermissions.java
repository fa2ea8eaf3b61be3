package io.convene.notification;

import io.convene.shared.AccountDeactivatedException;
import io.convene.shared.Caller;
import io.convene.shared.Permission;
import io.convene.shared.Permissions;
import io.convene.user.UserRepository;

/**
 * {@link Permissions} for unit tests, answered as the user context answers it: the role the token
 * carries ({@link Permission#requireRole}), then the account still active in the users kept in
 * memory. Public: the integration context's administrators' use cases ask it too.
 */
public final class RolePermissions implements Permissions {

    private final UserRepository users;

    public RolePermissions(UserRepository users) {
        this.users = users;
    }

    @Override
    public void require(Caller caller, Permission permission) {
        permission.requireRole(caller);
        if (users.isDeactivated(caller.subject())) {
            throw new AccountDeactivatedException();
        }
    }
}
