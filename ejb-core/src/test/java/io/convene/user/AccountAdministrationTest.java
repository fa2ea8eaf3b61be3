package io.convene.user;

import static io.convene.meeting.MeetingWorld.callerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.audit.AuditAction;
import io.convene.audit.AuditTrails;
import io.convene.audit.AuditView;
import io.convene.audit.InMemoryAuditRepository;
import io.convene.meeting.MeetingWorld;
import io.convene.shared.AccessDeniedException;
import io.convene.shared.AccountDeactivatedException;
import io.convene.shared.Caller;
import io.convene.shared.ConflictException;
import io.convene.shared.InvalidInputException;
import io.convene.shared.NotFoundException;
import io.convene.shared.UnavailableException;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** What administrators do to accounts: always checked before Keycloak acts, always audited, never to themselves. */
class AccountAdministrationTest {

    private final MeetingWorld world = new MeetingWorld();
    private final InMemoryKeycloak keycloak = new InMemoryKeycloak(world.clock);
    private final InMemoryAuditRepository audit = new InMemoryAuditRepository();
    private final AccountAdministration accounts = new AccountAdministration();
    private final ActiveAccounts active = new ActiveAccounts();

    private final User root = world.person("root");
    private final User bob = world.person("bob");
    private final Caller admin = callerOf(root, Caller.ADMIN);

    AccountAdministrationTest() {
        accounts.permissions = UserPorts.permissions(world.users);
        accounts.active = active;
        accounts.realm = keycloak;
        accounts.identity = keycloak;
        accounts.audit = AuditTrails.of(audit, UserPorts.auditedPeople(world.userService), world.clock);
        accounts.users = world.users;
        accounts.people = world.userService;
        accounts.clock = world.clock;
        keycloak.has("sub-root", "root@example.com");
        keycloak.has("sub-bob", "bob@example.com");
    }

    private static NewLocalAccount local(String email, String name, Set<String> roles) {
        return new NewLocalAccount(email, name, "temporary-secret", roles);
    }

    private List<Consumer<Caller>> everything() {
        return List.of(c -> accounts.accounts(c, null, 0, 10), c -> accounts.account(c, "sub-bob"),
                c -> accounts.sessions(c, "sub-bob"), c -> accounts.assignRoles(c, "sub-bob", Set.of(Caller.HOST)),
                c -> accounts.createLocal(c, local("new@example.com", "New", Set.of())), c -> accounts.logout(c, "sub-bob"),
                c -> accounts.setEnabled(c, "sub-bob", false), c -> accounts.resetPassword(c, "sub-bob", "x".repeat(12), true));
    }

    @Test
    void onlyAnAdministratorManagesAccountsAndIsRefusedBeforeKeycloakIsAsked() {
        Caller host = callerOf(bob, Caller.HOST, Caller.COMPLIANCE_OFFICER);
        for (Consumer<Caller> action : everything()) {
            assertThatThrownBy(() -> action.accept(host))
                    .isInstanceOf(AccessDeniedException.class).hasMessage("Only administrators manage accounts");
        }
        assertThat(keycloak.calls).isEmpty();
        assertThat(audit.all()).isEmpty();
        assertThat(bob.status()).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void aDeactivatedAdministratorIsRefusedThoughTheTokenStillSaysAdmin() {
        root.deactivate();
        for (Consumer<Caller> action : everything()) {
            assertThatThrownBy(() -> action.accept(admin)).isInstanceOf(AccountDeactivatedException.class);
        }
        assertThat(keycloak.calls).isEmpty();
        assertThat(audit.all()).isEmpty();
    }

    @Test
    void accountsAreListedAWindowAtATimeForABlankSearchAllOfThem() {
        for (int[] firstAndMax : new int[][] {{-1, 10}, {0, 0}, {0, 201}}) {
            assertThatThrownBy(() -> accounts.accounts(admin, null, firstAndMax[0], firstAndMax[1]))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("max: first must be 0 or more and max between 1 and 200");
        }

        assertThat(accounts.accounts(admin, "   ", 0, 200).total()).isEqualTo(2);
        assertThat(accounts.accounts(admin, " bob@ ", 0, 1).accounts()).extracting(RealmAdministration.Account::subject)
                .containsExactly("sub-bob");
        assertThat(keycloak.calls).containsExactly("accounts null 0 200", "accounts bob@ 0 1");
    }

    @Test
    void anAccountKeycloakDoesNotKnowIsNotFound() {
        for (Consumer<Caller> action : List.<Consumer<Caller>>of(c -> accounts.account(c, "sub-nobody"),
                c -> accounts.sessions(c, "sub-nobody"), c -> accounts.logout(c, "sub-nobody"),
                c -> accounts.setEnabled(c, "sub-nobody", false), c -> accounts.assignRoles(c, "sub-nobody", Set.of()))) {
            assertThatThrownBy(() -> action.accept(admin)).isInstanceOf(NotFoundException.class).hasMessage("No such account");
        }
        assertThat(audit.all()).isEmpty();
    }

    @Test
    void realmRolesAreOnlyConvenesOwnAndAnAdministratorKeepsTheirs() {
        assertThatThrownBy(() -> accounts.assignRoles(admin, "sub-bob", Set.of(Caller.HOST, "superuser")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("roles: superuser is not one of [admin, compliance-officer, host, participant]");
        assertThatThrownBy(() -> accounts.assignRoles(admin, "sub-root", Set.of(Caller.HOST)))
                .isInstanceOf(ConflictException.class).hasMessage("Administrators cannot take their own admin role away");
        assertThat(keycloak.calls).isEmpty();

        RealmAdministration.Account bobs = accounts.assignRoles(admin, "sub-bob", Set.of(Caller.PARTICIPANT, Caller.HOST));

        assertThat(bobs.directRoles()).containsExactlyInAnyOrder(Caller.HOST, Caller.PARTICIPANT);
        assertThat(audit.withAction(AuditAction.ACCOUNT_ROLES_CHANGED)).singleElement().satisfies(e -> {
            assertThat(e.actorUserId()).isEqualTo(root.id());
            assertThat(e.target()).isEqualTo("account:sub-bob");
            assertThat(e.detail()).isEqualTo("host,participant");
        });
    }

    @Test
    void aLocalAccountIsCheckedWhole() {
        InvalidInputException refused = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(() ->
                accounts.createLocal(admin, new NewLocalAccount("not an address", " ", "short", Set.of("root"))));

        assertThat(refused).hasMessage("4 fields are invalid");
        assertThat(refused.errors()).extracting(InvalidInputException.FieldError::field)
                .containsExactly("email", "name", "temporaryPassword", "roles");
        assertThatThrownBy(() -> accounts.createLocal(admin, local("BOB@example.com", "Bob Two", Set.of())))
                .isInstanceOf(ConflictException.class).hasMessage("A user with this e-mail address already exists");
        assertThat(keycloak.calls).isEmpty();
    }

    @Test
    void aLocalAccountHasATemporaryPasswordItsRolesAndAUserWhoseAddressTheAdministratorVouchesFor() {
        RealmAdministration.Account made = accounts.createLocal(admin,
                local(" Carla@Example.com ", " Carla de Vries ", Set.of(Caller.PARTICIPANT, Caller.HOST)));

        assertThat(keycloak.created).containsExactly(new IdentityProvider.NewAccount("carla@example.com", "temporary-secret",
                "Carla de", "Vries", true));
        assertThat(made.subject()).isEqualTo("kc-1");
        assertThat(made.directRoles()).containsExactlyInAnyOrder(Caller.HOST, Caller.PARTICIPANT);
        assertThat(keycloak.accounts.get("kc-1").temporaryPassword).isTrue();
        User carla = world.users.bySubject("kc-1").orElseThrow();
        assertThat(carla.name()).isEqualTo("Carla de Vries");
        assertThat(carla.email()).isEqualTo("carla@example.com");
        assertThat(carla.emailVerified()).isTrue();
        assertThat(audit.withAction(AuditAction.ACCOUNT_CREATED)).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("host,participant"));
    }

    @Test
    void aLocalAccountIsRemovedFromKeycloakAgainWhenWhatFollowsFails() {
        keycloak.failing("assignRealmRoles", new UnavailableException("Keycloak timed out"));

        assertThatThrownBy(() -> accounts.createLocal(admin, local("carla@example.com", "Carla", Set.of(Caller.HOST))))
                .isInstanceOf(UnavailableException.class);

        assertThat(keycloak.calls).endsWith("deleteAccount kc-1");
        assertThat(keycloak.accounts).doesNotContainKey("kc-1");
        assertThat(world.users.byEmail("carla@example.com")).isEmpty();
        assertThat(audit.all()).isEmpty();
    }

    @Test
    void aDeactivatedAccountIsRefusedAtOnceSignedOutEverywhereAndCanBeReactivated() {
        active.listening(true);
        active.foundActive("sub-bob", active.generation()); // a call of his was served just before

        accounts.setEnabled(admin, "sub-bob", false);

        assertThat(active.knownActive("sub-bob")).as("this node forgets him at once").isFalse();
        assertThat(bob.status()).isEqualTo(UserStatus.DISABLED);
        assertThat(keycloak.accounts.get("sub-bob").enabled).isFalse();
        assertThat(keycloak.calls).containsSubsequence("setEnabled sub-bob false", "endSession sub-bob null");
        assertThatThrownBy(() -> world.userService.current(callerOf(bob))).isInstanceOf(AccountDeactivatedException.class);

        RealmAdministration.Account back = accounts.setEnabled(admin, "sub-bob", true);

        assertThat(back.enabled()).isTrue();
        assertThat(bob.status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(keycloak.calls.stream().filter(c -> c.startsWith("endSession"))).hasSize(1);
        assertThat(audit.all()).extracting(AuditView::action).containsExactly("account.disabled", "account.enabled");
    }

    @Test
    void nobodyChangesTheStandingOfTheirOwnAccount() {
        assertThatThrownBy(() -> accounts.setEnabled(admin, "sub-root", false))
                .isInstanceOf(ConflictException.class).hasMessage("Administrators cannot deactivate themselves");
        assertThatThrownBy(() -> accounts.setEnabled(admin, "sub-root", true))
                .isInstanceOf(ConflictException.class).hasMessage("Nobody reactivates their own account; another administrator does");
        assertThat(root.status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(keycloak.calls).isEmpty();
    }

    @Test
    void anAccountConveneNeverSawIsKnownAsDeactivatedBeforeItsFirstTokenArrives() {
        InMemoryKeycloak.Kept kim = keycloak.has("sub-kim", "kim@example.com");
        kim.firstName = "Kim";
        kim.lastName = "Kay";

        accounts.setEnabled(admin, "sub-kim", false);

        User user = world.users.bySubject("sub-kim").orElseThrow();
        assertThat(user.name()).isEqualTo("Kim Kay");
        assertThat(user.status()).isEqualTo(UserStatus.DISABLED);
        assertThatThrownBy(() -> world.userService.current(new Caller("sub-kim", "Kim", "kim@example.com", Set.of(), "s", true)))
                .isInstanceOf(AccountDeactivatedException.class);
    }

    @Test
    void deactivatingAnAccountWhoseAddressIsSomeoneElsesUserLeavesThatUserAlone() {
        keycloak.has("sub-impostor", "bob@example.com");

        accounts.setEnabled(admin, "sub-impostor", false);

        assertThat(bob.status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(bob.subject()).isEqualTo("sub-bob");
        assertThat(keycloak.accounts.get("sub-impostor").enabled).isFalse();
    }

    @Test
    void aPasswordIsResetOnlyForALocalAccount() {
        keycloak.accounts.get("sub-bob").directory = true;
        assertThatThrownBy(() -> accounts.resetPassword(admin, "sub-bob", "x".repeat(12), true))
                .isInstanceOf(ConflictException.class).hasMessage("This account comes from a directory; its password is changed there");

        keycloak.has("sub-lou", "lou@example.com");
        accounts.resetPassword(admin, "sub-lou", "a new password", true);

        assertThat(keycloak.accounts.get("sub-lou").password).isEqualTo("a new password");
        assertThat(audit.withAction(AuditAction.ACCOUNT_PASSWORD_RESET)).singleElement().satisfies(e -> {
            assertThat(e.target()).isEqualTo("account:sub-lou");
            assertThat(e.detail()).isEqualTo("temporary");
        });
    }

    @Test
    void signingSomeoneOutEverywhereEndsAllTheirSessionsAndIsAudited() {
        assertThat(accounts.sessions(admin, "sub-bob")).extracting(RealmAdministration.Session::id).containsExactly("session-sub-bob");

        accounts.logout(admin, "sub-bob");

        assertThat(keycloak.calls).endsWith("endSession sub-bob null");
        assertThat(audit.withAction(AuditAction.ACCOUNT_LOGGED_OUT)).singleElement()
                .satisfies(e -> assertThat(e.target()).isEqualTo("account:sub-bob"));
    }
}
