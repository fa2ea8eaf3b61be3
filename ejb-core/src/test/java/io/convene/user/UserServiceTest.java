package io.convene.user;

import static io.convene.meeting.MeetingWorld.callerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.meeting.MeetingWorld;
import io.convene.shared.AccessDeniedException;
import io.convene.shared.AccountDeactivatedException;
import io.convene.shared.AccountLockedException;
import io.convene.shared.AuthenticationFailedException;
import io.convene.shared.Caller;
import io.convene.shared.ConflictException;
import io.convene.shared.InvalidInputException;
import io.convene.shared.RateLimitedException;
import io.convene.shared.UnavailableException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One's own account: first sign-in, profile, self-registration and password sign-in, against Keycloak in memory. */
class UserServiceTest {

    private final MeetingWorld world = new MeetingWorld();
    private final InMemoryKeycloak keycloak = new InMemoryKeycloak(world.clock);
    private final InMemoryProfilePictures pictures = new InMemoryProfilePictures();
    private final LoginAttemptsTest.InMemoryFailures failures = new LoginAttemptsTest.InMemoryFailures();
    private final UserService service = UserServices.of(world.users, world.clock);

    private final User ann = world.person("ann");

    UserServiceTest() {
        LoginAttempts attempts = new LoginAttempts();
        attempts.failures = failures;
        attempts.clock = world.clock;
        attempts.perClientAccount = 3;
        attempts.perClient = 10;
        attempts.perAccount = 10;
        attempts.window = Duration.ofMinutes(15);
        service.attempts = attempts;
        service.identity = keycloak;
        service.pictures = pictures;
    }

    private static Caller token(String subject, String name, String email, boolean verified) {
        return new Caller(subject, name, email, Set.of(), "session-1", verified);
    }

    // --- profile

    @Test
    void aProfileUpdateChangesWhatIsGivenAndKeepsTheRest() {
        UserProfile profile = service.updateProfile(callerOf(ann), new ProfileUpdate("  Ann Archer ", null, "Europe/Berlin", "de"));

        assertThat(profile.name()).isEqualTo("Ann Archer");
        assertThat(profile.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(profile.language()).isEqualTo("de");
        assertThat(profile.email()).isEqualTo("ann@example.com");

        profile = service.updateProfile(callerOf(ann), new ProfileUpdate(null, null, null, ""));
        assertThat(profile.name()).isEqualTo("Ann Archer");
        assertThat(profile.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(profile.language()).as("empty: the browser's").isNull();
    }

    @Test
    void anUpdateWithATimeZoneThatIsNoIanaNameChangesNothing() {
        assertThatThrownBy(() -> service.updateProfile(callerOf(ann), new ProfileUpdate("Mallory", null, "Mars/Olympus", null)))
                .isInstanceOf(InvalidInputException.class).hasMessage("timeZone: unknown time zone 'Mars/Olympus'");
        assertThatThrownBy(() -> service.updateProfile(callerOf(ann), new ProfileUpdate("Mallory", null, "+02:00", null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("timeZone: must be an IANA time zone name, not an offset");

        assertThat(ann.name()).isEqualTo("ann");
        assertThat(ann.timeZone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void aPictureElsewhereOrNoneReplacesTheUploadedOne() {
        pictures.put(ann.id(), new byte[] {1, 2, 3}, world.clock.instant());

        service.updateProfile(callerOf(ann), new ProfileUpdate("Ann", null, null, null));
        assertThat(pictures.pictures).containsKey(ann.id());

        UserProfile linked = service.updateProfile(callerOf(ann), new ProfileUpdate(null, "https://img.example.com/ann.png", null, null));
        assertThat(linked.profilePictureUrl()).isEqualTo("https://img.example.com/ann.png");
        assertThat(pictures.pictures).doesNotContainKey(ann.id());

        assertThat(service.updateProfile(callerOf(ann), new ProfileUpdate(null, "", null, null)).profilePictureUrl()).isNull();
    }

    // --- the user behind a token

    @Test
    void aFirstSignInMakesTheUserOnceFromWhatTheTokenSays() {
        Caller first = token("sub-nora", "Nora North", "nora@example.com", true);

        User nora = service.current(first);

        assertThat(service.current(first)).isSameAs(nora);
        assertThat(world.users.all()).hasSize(2);
        assertThat(nora.subject()).isEqualTo("sub-nora");
        assertThat(nora.name()).isEqualTo("Nora North");
        assertThat(nora.email()).isEqualTo("nora@example.com");
        assertThat(nora.emailVerified()).isTrue();
        assertThat(nora.timeZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(nora.createdAt()).isEqualTo(MeetingWorld.NOW);
    }

    @Test
    void aTokenWithoutNameOrAddressStillMakesAUserNamedAsWellAsItCan() {
        User byAddress = service.current(token("sub-1", " ", "one@example.com", false));
        User bySubject = service.current(token("sub-2", null, null, true));

        assertThat(byAddress.name()).isEqualTo("one@example.com");
        assertThat(byAddress.emailVerified()).isFalse();
        assertThat(bySubject.email()).isEqualTo("sub-2@unknown.invalid");
        assertThat(bySubject.emailVerified()).as("no address to verify").isFalse();
    }

    @Test
    void aDirectorysUserIsClaimedByTheFirstTokenWithItsAddressVerified() {
        User fromDirectory = new User(null, "Dora Dir", "dora@example.com", ZoneId.of("UTC"), world.clock.instant(), true);
        world.users.add(fromDirectory);

        assertThatThrownBy(() -> service.current(token("sub-mallory", "Mallory", "dora@example.com", false)))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("Convene already knows this e-mail address for someone else; verify your address, or ask an administrator");
        assertThat(fromDirectory.subject()).isNull();

        assertThat(service.current(token("sub-dora", "Dora", "dora@example.com", true))).isSameAs(fromDirectory);
        assertThat(fromDirectory.subject()).isEqualTo("sub-dora");
        assertThat(world.users.all()).hasSize(2);
    }

    @Test
    void anAddressAlreadySignedInUnderAnotherSubjectIsNotTakenOver() {
        assertThatThrownBy(() -> service.current(token("sub-other", "Other", "ANN@example.com", true)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(ann.subject()).isEqualTo("sub-ann");
        assertThat(world.users.bySubject("sub-other")).isEmpty();
    }

    @Test
    void theFirstTokenThatVouchesForTheUsersOwnAddressVerifiesIt() {
        User unverified = new User("sub-uma", "Uma", "uma@example.com", ZoneId.of("UTC"), world.clock.instant(), false);
        world.users.add(unverified);

        service.current(token("sub-uma", "Uma", "uma@changed.example.com", true));
        assertThat(unverified.emailVerified()).as("another address was verified").isFalse();
        service.current(token("sub-uma", "Uma", "UMA@example.com", false));
        assertThat(unverified.emailVerified()).isFalse();

        assertThat(service.profile(token("sub-uma", "Uma", "UMA@example.com", true)).emailVerified()).isTrue();
    }

    @Test
    void aDeactivatedAccountIsRefusedWhateverItsTokenSays() {
        ann.deactivate();

        assertThatThrownBy(() -> service.profile(callerOf(ann, Caller.ADMIN)))
                .isInstanceOf(AccountDeactivatedException.class).hasMessage("This account is deactivated; ask an administrator");
        assertThatThrownBy(() -> service.updateProfile(callerOf(ann), new ProfileUpdate("Ann", null, null, null)))
                .isInstanceOf(AccountDeactivatedException.class);
        assertThat(ann.name()).isEqualTo("ann");
    }

    // --- self-registration

    @Test
    void selfRegistrationIsOffUnlessConfiguredAndThenAsksKeycloakNothing() {
        assertThatThrownBy(() -> service.register(new Registration("eve@example.com", "a long password!", "Eve", null)))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("Self-registration is disabled; ask an administrator for an account");
        assertThat(keycloak.calls).isEmpty();
        assertThat(world.users.byEmail("eve@example.com")).isEmpty();
    }

    @Test
    void aRegisteredPersonHasAnUnverifiedAccountAndIsSentTheMailThatVerifiesIt() {
        service.registrationEnabled = true;

        UserProfile profile = service.register(new Registration(" Eve@Example.com ", "a long password!", "  Eve Marie Ever ",
                "Europe/Vienna"));

        assertThat(profile.email()).isEqualTo("eve@example.com");
        assertThat(profile.name()).isEqualTo("Eve Marie Ever");
        assertThat(profile.timeZone()).isEqualTo("Europe/Vienna");
        assertThat(profile.emailVerified()).isFalse();
        assertThat(keycloak.created).containsExactly(
                new IdentityProvider.NewAccount("eve@example.com", "a long password!", "Eve Marie", "Ever", false));
        User eve = world.users.byEmail("eve@example.com").orElseThrow();
        assertThat(eve.subject()).isEqualTo("kc-1");
        assertThat(keycloak.calls).containsExactly("createAccount eve@example.com", "sendVerificationEmail kc-1");
    }

    @Test
    void registeringAKnownAddressOrABadTimeZoneIsRefusedBeforeKeycloakIsAsked() {
        service.registrationEnabled = true;

        assertThatThrownBy(() -> service.register(new Registration("ANN@example.com", "a long password!", "Ann", null)))
                .isInstanceOf(ConflictException.class).hasMessage("A user with this e-mail address already exists");
        assertThatThrownBy(() -> service.register(new Registration("eve@example.com", "a long password!", "Eve", "Nowhere/City")))
                .isInstanceOf(InvalidInputException.class).hasMessage("timeZone: unknown time zone 'Nowhere/City'");
        assertThat(keycloak.calls).isEmpty();
    }

    @Test
    void anAccountWhoseUserCannotBeWrittenIsRemovedFromKeycloakAgain() {
        service.registrationEnabled = true;
        keycloak.nextSubject("sub-ann"); // Convene has a user with this subject: the insert fails

        assertThatThrownBy(() -> service.register(new Registration("eve@example.com", "a long password!", "Eve", null)))
                .isInstanceOf(IllegalStateException.class);

        assertThat(keycloak.calls).containsExactly("createAccount eve@example.com", "deleteAccount sub-ann");
        assertThat(keycloak.accounts).isEmpty();
        assertThat(world.users.byEmail("eve@example.com")).isEmpty();
    }

    @Test
    void aVerificationMailThatCannotBeSentLeavesTheAccountUnverified() {
        service.registrationEnabled = true;
        keycloak.failing("sendVerificationEmail", new UnavailableException("no SMTP server"));

        UserProfile profile = service.register(new Registration("eve@example.com", "a long password!", "Eve", null));

        assertThat(profile.emailVerified()).isFalse();
        assertThat(keycloak.accounts).containsKey("kc-1");
        assertThat(world.users.byEmail("eve@example.com")).isPresent();
    }

    // --- password sign-in and sign-out

    @Test
    void aPasswordSignInGetsTokensAndForgetsThatClientsEarlierFailures() {
        keycloak.has("sub-ann", "ann@example.com").password = "correct horse";
        assertThatThrownBy(() -> service.signIn(new Credentials("ann@example.com", "wrong"), "10.0.0.1"))
                .isInstanceOf(AuthenticationFailedException.class).hasMessage("Invalid e-mail or password");
        assertThat(failures.all).hasSize(1);

        IdentityProvider.TokenGrant grant = service.signIn(new Credentials(" Ann@Example.com", "correct horse"), "10.0.0.1");

        assertThat(grant.accessToken()).isEqualTo("access-sub-ann");
        assertThat(failures.all).isEmpty();
    }

    @Test
    void aClientThatFailedTooOftenIsRefusedWithoutAskingKeycloak() {
        keycloak.has("sub-ann", "ann@example.com").password = "correct horse";
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> service.signIn(new Credentials("ann@example.com", "guess"), "10.0.0.1"))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
        int asked = keycloak.calls.size();

        assertThatThrownBy(() -> service.signIn(new Credentials("ann@example.com", "correct horse"), "10.0.0.1"))
                .isInstanceOf(RateLimitedException.class)
                .hasMessageStartingWith("Too many failed sign-ins for this account from your address");
        assertThat(keycloak.calls).hasSize(asked);
    }

    @Test
    void anAccountKeycloakLockedIsSaidToBeLockedAndTheAttemptIsNotCountedAgainstTheClient() {
        keycloak.has("sub-ann", "ann@example.com").password = "correct horse";
        keycloak.lockedUntil.put("ann@example.com", world.clock.instant().plusSeconds(90));
        keycloak.failing("signIn", new AuthenticationFailedException("Invalid e-mail or password"));

        assertThatThrownBy(() -> service.signIn(new Credentials("ann@example.com", "correct horse"), "10.0.0.1"))
                .isInstanceOfSatisfying(AccountLockedException.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo(91))
                .hasMessage("This account is temporarily locked after too many failed sign-ins; try again in 91 seconds");
        assertThat(failures.all).isEmpty();
    }

    @Test
    void signingOutEndsTheTokensSessionAtKeycloak() {
        service.signOut(callerOf(ann));

        assertThat(keycloak.calls).containsExactly("endSession sub-ann session-sub-ann");
    }
}
