package io.convene.user;

/**
 * The port to the identity provider (Keycloak, in module {@code sso}): accounts, password sign-in
 * for API clients, and ending a session.
 */
public interface IdentityProvider {

    /** Creates an enabled account and answers its subject (the token's "sub"). */
    String createAccount(NewAccount account);

    /**
     * Sends the account's owner the identity provider's e-mail with a link that verifies the
     * address (through the SMTP server the realm is configured with).
     */
    void sendVerificationEmail(String subject);

    /** Removes an account created by {@link #createAccount} (compensation when the local write fails). */
    void deleteAccount(String subject);

    /** Exchanges e-mail and password for tokens; wrong credentials raise AuthenticationFailedException. */
    TokenGrant signIn(String email, String password);

    /**
     * Ends the session the caller's token belongs to, so its refresh token stops working; without a
     * session id, ends all of the subject's sessions.
     */
    void endSession(String subject, String sessionId);

    /**
     * Until when the identity provider's brute-force protection has locked the account with this
     * e-mail address (empty: not temporarily locked, or no such account).
     */
    java.util.Optional<java.time.Instant> lockedUntil(String email);

    /** The realm roles the account has now (for acting on behalf of someone without their token). */
    java.util.Set<String> realmRoles(String subject);

    /**
     * Whether the identity provider answers now (within a few seconds; the readiness check and the
     * console's parts ask it): up or down, and in words where it is or what went wrong.
     */
    Probe probe();

    record Probe(boolean answers, String detail) {
    }

    /** @param emailVerified whether the address is vouched for already (an administrator's account) */
    record NewAccount(String email, String password, String firstName, String lastName, boolean emailVerified) {
    }

    record TokenGrant(String accessToken, String refreshToken, long expiresIn, long refreshExpiresIn,
                      String tokenType) {
    }
}
