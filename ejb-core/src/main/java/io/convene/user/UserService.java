package io.convene.user;

import io.convene.shared.AccessDeniedException;
import io.convene.shared.AccountDeactivatedException;
import io.convene.shared.AccountLockedException;
import io.convene.shared.AuthenticationFailedException;
import io.convene.shared.UnavailableException;
import io.convene.shared.Caller;
import io.convene.shared.ConflictException;
import io.convene.shared.TimeZones;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.ZoneId;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Registration, sign-in for API clients, and one's own profile. */
@Stateless
public class UserService {

    private static final Logger LOG = Logger.getLogger(UserService.class.getName());

    @Inject
    UserRepository users;

    @Inject
    ProfilePictureStore pictures;

    @EJB
    IdentityProvider identity;

    @Inject
    LoginAttempts attempts;

    @Inject
    Clock clock;

    @EJB
    FirstSight firstSight;

    @Inject
    @ConfigProperty(name = "convene.registration.enabled", defaultValue = "false")
    boolean registrationEnabled;

    public UserProfile register(Registration registration) {
        if (!registrationEnabled) {
            throw new AccessDeniedException("Self-registration is disabled; ask an administrator for an account");
        }
        ZoneId zone = registration.timeZone() == null ? ZoneId.of("UTC")
                : TimeZones.parse("timeZone", registration.timeZone());
        String email = User.normalizeEmail(registration.email());
        if (users.byEmail(email).isPresent()) {
            throw new ConflictException("A user with this e-mail address already exists");
        }
        String[] names = splitName(registration.name().trim());
        String subject = identity.createAccount(
                new IdentityProvider.NewAccount(email, registration.password(), names[0], names[1], false));
        User user = new User(subject, registration.name().trim(), email, zone, clock.instant(), false);
        try {
            users.add(user);
            users.flush();
        } catch (RuntimeException e) {
            LOG.warning(() -> "Local write of registered user " + subject + " failed; removing the account again");
            identity.deleteAccount(subject);
            throw e;
        }
        try {
            identity.sendVerificationEmail(subject);
        } catch (UnavailableException e) { // the account stays, unverified: nothing attaches to the address
            LOG.warning(() -> "The e-mail that verifies the address of new user " + user.id() + " was not sent: "
                    + e.getMessage() + " (is the realm's SMTP server set? docs/authentication.md)");
        }
        LOG.info(() -> "Registered user " + user.id() + " (subject " + subject + "); address not verified yet");
        return UserProfile.of(user);
    }

    /**
     * Password sign-in for API clients, throttled per client and account ({@link LoginAttempts});
     * an account Keycloak has locked for a while is said to be locked (429), not a wrong password.
     *
     * @param client who is trying (the caller's address), for throttling
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // a refused sign-in must not doom what comes after it
    public IdentityProvider.TokenGrant signIn(Credentials credentials, String client) {
        String email = User.normalizeEmail(credentials.email());
        attempts.requireAllowed(email, client);
        IdentityProvider.TokenGrant grant;
        try {
            grant = identity.signIn(email, credentials.password());
        } catch (AuthenticationFailedException refused) {
            java.util.Optional<java.time.Instant> locked = lockedUntil(email);
            if (locked.isPresent()) { // whatever the password was: Keycloak checks none while locked
                throw new AccountLockedException(Math.max(1,
                        java.time.Duration.between(clock.instant(), locked.get()).toSeconds() + 1));
            }
            attempts.recordFailure(email, client);
            throw refused;
        }
        attempts.forget(email, client);
        return grant;
    }

    private java.util.Optional<java.time.Instant> lockedUntil(String email) {
        try {
            return identity.lockedUntil(email);
        } catch (UnavailableException e) {
            LOG.warning(() -> "Could not ask Keycloak whether an account is locked: " + e.getMessage());
            return java.util.Optional.empty();
        }
    }

    public UserProfile profile(Caller caller) {
        return UserProfile.of(current(caller));
    }

    public UserProfile updateProfile(Caller caller, ProfileUpdate update) {
        User user = current(caller);
        ZoneId zone = update.timeZone() == null ? null : TimeZones.parse("timeZone", update.timeZone());
        user.updateProfile(update.name() == null ? null : update.name().trim(), update.profilePictureUrl(), zone, update.language());
        if (update.profilePictureUrl() != null) { // a picture elsewhere, or none: the uploaded one goes
            pictures.delete(user.id());
        }
        return UserProfile.of(user);
    }

    public void signOut(Caller caller) {
        identity.endSession(caller.subject(), caller.sessionId());
        LOG.info(() -> "Subject " + caller.subject() + " signed out");
    }

    /**
     * The local user behind a token, created on first sight (users provisioned in Keycloak by an
     * administrator reach Convene this way); a user a directory provisioned is tied to the token's
     * subject by e-mail address (a verified one), which both Keycloak and the directory keep unique.
     * A deactivated user is refused even while an earlier token is still valid. The first token
     * that says the address is verified marks the user verified: from then on invitations to the
     * address are theirs.
     */
    public User current(Caller caller) {
        User user = users.bySubject(caller.subject()).orElseGet(() -> firstSight(caller));
        if (user.status() == UserStatus.DISABLED) {
            throw new AccountDeactivatedException();
        }
        if (!user.emailVerified() && caller.emailVerified() && user.email().equals(User.normalizeEmail(caller.email()))) {
            user.verifyEmail();
            LOG.info(() -> "User " + user.id() + " has verified their address");
        }
        return user;
    }

    /**
     * The person's user, made at their first request by {@link FirstSight} in a transaction of its
     * own: when two first requests race, one makes it and the other reads it.
     */
    private User firstSight(Caller caller) {
        try {
            firstSight.provision(caller);
        } catch (jakarta.ejb.EJBException raced) {
            return users.bySubject(caller.subject()).orElseThrow(() -> raced);
        }
        return users.bySubject(caller.subject()).orElseThrow();
    }

    private static String[] splitName(String name) {
        int space = name.lastIndexOf(' ');
        return space < 0 ? new String[] {name, ""} : new String[] {name.substring(0, space), name.substring(space + 1)};
    }
}
