package io.convene.user;

import io.convene.shared.AuthenticationFailedException;
import io.convene.shared.ConflictException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The identity provider kept in memory, for unit tests: both of its ports ({@link IdentityProvider}
 * and {@link RealmAdministration}) over one set of accounts, every request written down in words
 * ({@link #calls}), in order. A test may make a kind of request fail, lock an account, or choose the
 * subject of the next account made. Public: the contexts that end sessions (directory) or delete
 * accounts (privacy) read back what they asked with {@link #endedSessionsOf} and {@link #deletedAccounts}.
 */
public final class InMemoryKeycloak implements IdentityProvider, RealmAdministration {

    static final class Kept {
        final String subject;
        String email;
        String password;
        String firstName;
        String lastName;
        boolean enabled = true;
        boolean directory;
        boolean emailVerified;
        boolean temporaryPassword;
        final Instant createdAt;
        Set<String> roles = new TreeSet<>();

        Kept(String subject, String email, Instant createdAt) {
            this.subject = subject;
            this.email = email;
            this.createdAt = createdAt;
        }

        Account account() {
            return new Account(subject, email, email, firstName, lastName, enabled, directory, createdAt, Set.copyOf(roles));
        }
    }

    final Map<String, Kept> accounts = new LinkedHashMap<>();
    final Map<String, Instant> lockedUntil = new HashMap<>();
    final List<String> calls = new ArrayList<>();
    final List<NewAccount> created = new ArrayList<>();
    private final List<String> endedSessionsOf = new ArrayList<>();
    private final List<String> deletedAccounts = new ArrayList<>();
    private final Map<String, RuntimeException> failing = new HashMap<>();
    private final Clock clock;
    private String nextSubject;
    private int made;

    public InMemoryKeycloak(Clock clock) {
        this.clock = clock;
    }

    /** Whose sessions were ended, in order: the subject, then {@code /session} when only one was. */
    public List<String> endedSessionsOf() {
        return List.copyOf(endedSessionsOf);
    }

    /** The subjects of the accounts deleted, in order. */
    public List<String> deletedAccounts() {
        return List.copyOf(deletedAccounts);
    }

    /** An account already there (as an administrator or a directory made it). */
    Kept has(String subject, String email) {
        Kept kept = new Kept(subject, email, clock.instant());
        accounts.put(subject, kept);
        return kept;
    }

    /** Requests of this kind ({@code "createAccount"}, {@code "setEnabled"} ...) fail with {@code failure}. */
    void failing(String request, RuntimeException failure) {
        failing.put(request, failure);
    }

    /** The next account made gets this subject. */
    void nextSubject(String subject) {
        nextSubject = subject;
    }

    private void ask(String request, String call) {
        calls.add(call);
        RuntimeException failure = failing.get(request);
        if (failure != null) {
            throw failure;
        }
    }

    private Optional<Kept> byEmail(String email) {
        return accounts.values().stream().filter(a -> a.email.equals(email)).findFirst();
    }

    // --- IdentityProvider

    @Override
    public String createAccount(NewAccount account) {
        ask("createAccount", "createAccount " + account.email());
        created.add(account);
        if (byEmail(account.email()).isPresent()) {
            throw new ConflictException("Keycloak knows this address already");
        }
        String subject = nextSubject != null ? nextSubject : "kc-" + ++made;
        nextSubject = null;
        Kept kept = has(subject, account.email());
        kept.password = account.password();
        kept.firstName = account.firstName();
        kept.lastName = account.lastName();
        kept.emailVerified = account.emailVerified();
        return subject;
    }

    @Override
    public void sendVerificationEmail(String subject) {
        ask("sendVerificationEmail", "sendVerificationEmail " + subject);
    }

    @Override
    public void deleteAccount(String subject) {
        ask("deleteAccount", "deleteAccount " + subject);
        accounts.remove(subject);
        deletedAccounts.add(subject);
    }

    @Override
    public TokenGrant signIn(String email, String password) {
        ask("signIn", "signIn " + email);
        Kept kept = byEmail(email).filter(a -> a.enabled && password.equals(a.password))
                .orElseThrow(() -> new AuthenticationFailedException("Invalid e-mail or password"));
        return new TokenGrant("access-" + kept.subject, "refresh-" + kept.subject, 300, 1800, "Bearer");
    }

    @Override
    public void endSession(String subject, String sessionId) {
        ask("endSession", "endSession " + subject + " " + sessionId);
        endedSessionsOf.add(subject + (sessionId == null ? "" : "/" + sessionId));
    }

    @Override
    public Optional<Instant> lockedUntil(String email) {
        ask("lockedUntil", "lockedUntil " + email);
        return Optional.ofNullable(lockedUntil.get(email)).filter(until -> until.isAfter(clock.instant()));
    }

    @Override
    public Set<String> realmRoles(String subject) {
        return Set.copyOf(accounts.get(subject).roles);
    }

    @Override
    public Probe probe() {
        return new Probe(true, "in memory");
    }

    // --- RealmAdministration

    @Override
    public AccountPage accounts(String search, int first, int max) {
        ask("accounts", "accounts " + search + " " + first + " " + max);
        List<Account> found = accounts.values().stream()
                .filter(a -> search == null || a.email.contains(search)).map(Kept::account).toList();
        return new AccountPage(found.stream().skip(first).limit(max).toList(), first, max, found.size());
    }

    @Override
    public Account account(String subject) {
        ask("account", "account " + subject);
        Kept kept = accounts.get(subject);
        return kept == null ? null : kept.account();
    }

    @Override
    public List<Session> sessions(String subject) {
        ask("sessions", "sessions " + subject);
        return List.of(new Session("session-" + subject, "198.51.100.4", clock.instant(), clock.instant(), List.of("convene-web")));
    }

    @Override
    public void assignRealmRoles(String subject, Set<String> roles, Set<String> manageable) {
        ask("assignRealmRoles", "assignRealmRoles " + subject + " " + new TreeSet<>(roles));
        Kept kept = accounts.get(subject);
        kept.roles.removeAll(manageable);
        kept.roles.addAll(roles);
    }

    @Override
    public void setEnabled(String subject, boolean enabled) {
        ask("setEnabled", "setEnabled " + subject + " " + enabled);
        accounts.get(subject).enabled = enabled;
    }

    @Override
    public void resetPassword(String subject, String password, boolean temporary) {
        ask("resetPassword", "resetPassword " + subject + (temporary ? " temporary" : ""));
        Kept kept = accounts.get(subject);
        kept.password = password;
        kept.temporaryPassword = temporary;
    }
}
