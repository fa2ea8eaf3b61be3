package io.convene.privacy;

import io.convene.user.IdentityProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The identity provider as a record of the accounts an erasure deleted. */
final class RecordingIdentity implements IdentityProvider {

    private final List<String> deletedAccounts = new ArrayList<>();

    List<String> deletedAccounts() {
        return List.copyOf(deletedAccounts);
    }

    @Override
    public void deleteAccount(String subject) {
        deletedAccounts.add(subject);
    }

    @Override
    public String createAccount(NewAccount account) {
        throw new UnsupportedOperationException("privacy makes no accounts");
    }

    @Override
    public void sendVerificationEmail(String subject) {
        throw new UnsupportedOperationException("privacy sends no e-mail");
    }

    @Override
    public TokenGrant signIn(String email, String password) {
        throw new UnsupportedOperationException("privacy signs nobody in");
    }

    @Override
    public void endSession(String subject, String sessionId) {
        throw new UnsupportedOperationException("privacy ends no sessions");
    }

    @Override
    public Optional<Instant> lockedUntil(String email) {
        return Optional.empty();
    }

    @Override
    public Set<String> realmRoles(String subject) {
        return Set.of();
    }

    @Override
    public Probe probe() {
        return new Probe(true, "in memory");
    }
}
