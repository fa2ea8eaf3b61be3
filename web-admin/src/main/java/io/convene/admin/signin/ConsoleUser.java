package io.convene.admin.signin;

import io.convene.shared.Caller;
import java.io.Serializable;
import java.security.Principal;
import java.util.Set;

/** The person signed in to the console, as Keycloak's access token named them; kept in the HTTP session. */
public record ConsoleUser(String subject, String name, String email, Set<String> roles, String sessionId,
                          boolean emailVerified) implements Principal, Serializable {

    /** Who may open the console at all. */
    public static final Set<String> CONSOLE_ROLES = Set.of(Caller.ADMIN, Caller.COMPLIANCE_OFFICER);

    public ConsoleUser {
        roles = Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return subject;
    }

    public boolean mayOpenConsole() {
        return roles.stream().anyMatch(CONSOLE_ROLES::contains);
    }

    public boolean isAdmin() {
        return roles.contains(Caller.ADMIN);
    }

    /** As the services know callers. */
    public Caller caller() {
        return new Caller(subject, name, email, roles, sessionId, emailVerified);
    }
}
