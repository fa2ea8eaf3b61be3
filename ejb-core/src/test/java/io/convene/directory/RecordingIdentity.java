package io.convene.directory;

import io.convene.user.IdentityProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The identity provider as a record of the sessions a deactivation ended. */
final class RecordingIdentity implements IdentityProvider {

    private final List<String> endedSessionsOf = new ArrayList<>();

    List<String> endedSessionsOf() {
        return List.copyOf(endedSessionsOf);
    }

    @Override
    public void endSession(String subject, String sessionId) {
        endedSessionsOf.add(subject + (sessionId == null ? "" : "/" + sessionId));
    }

    @Override
    public String createAccount(NewAccount account) {
        throw new UnsupportedOperationException("a directory makes no accounts");
    }

    @Override
    public void sendVerificationEmail(String subject) {
        throw new UnsupportedOperationException("a directory sends no e-mail");
    }

    @Override
    public void deleteAccount(String subject) {
        throw new UnsupportedOperationException("a directory deletes no accounts");
    }

    @Override
    public TokenGrant signIn(String email, String password) {
        throw new UnsupportedOperationException("a directory signs nobody in");
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
