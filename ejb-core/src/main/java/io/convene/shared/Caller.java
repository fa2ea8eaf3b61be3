package io.convene.shared;

import java.util.Set;

/**
 * Who is asking, as the identity provider vouched for it: the token's subject, name, e-mail, realm
 * roles and session, and whether the identity provider has verified the e-mail address (the
 * token's {@code email_verified}). Services take it explicitly so that every rule about "who may"
 * is in one place.
 */
public record Caller(String subject, String name, String email, Set<String> roles, String sessionId,
                     boolean emailVerified) {

    public static final String ADMIN = "admin";
    public static final String HOST = "host";
    public static final String PARTICIPANT = "participant";
    public static final String COMPLIANCE_OFFICER = "compliance-officer";
    /** Every realm role Convene knows (and administrators or directories may give). */
    public static final Set<String> REALM_ROLES = Set.of(ADMIN, HOST, PARTICIPANT, COMPLIANCE_OFFICER);

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }

    public boolean mayHost() {
        return roles.contains(HOST) || isAdmin();
    }
}
