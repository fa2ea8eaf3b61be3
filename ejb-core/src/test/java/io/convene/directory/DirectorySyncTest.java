package io.convene.directory;

import static io.convene.directory.DirectoryWorld.NOW;
import static io.convene.directory.DirectoryWorld.dnOf;
import static io.convene.directory.DirectoryWorld.entry;
import static io.convene.directory.DirectoryWorld.group;
import static io.convene.directory.DirectoryWorld.groupDn;
import static io.convene.directory.DirectoryWorld.inDepartment;
import static org.assertj.core.api.Assertions.assertThat;

import io.convene.directory.DirectoryRunView.EntryError;
import io.convene.shared.Caller;
import io.convene.user.DirectoryAccount;
import io.convene.user.User;
import io.convene.user.UserStatus;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A sync of a directory (the real {@link DirectorySync}, {@link DirectoryProvisioning} and
 * {@link DirectoryRuns}) from an LDAP directory in memory into the users in memory: who is created,
 * updated, linked, deactivated and reactivated, with which roles, and what Keycloak is told.
 */
class DirectorySyncTest {

    private static final RoleMapping STAFF_HOST = new RoleMapping(groupDn("staff"), Caller.HOST);
    private static final RoleMapping ADMINS_ADMIN = new RoleMapping(groupDn("admins"), Caller.ADMIN);

    private final DirectoryWorld world = new DirectoryWorld();
    private final InMemoryDirectoryReader ldap = world.reader;
    private final DirectoryView corp;

    DirectorySyncTest() {
        corp = world.service.create(world.admin(), new DirectoryForm("Corp", DirectoryVendor.OPENLDAP,
                DirectoryWorld.pagesOf(2), "s3cret-bind", List.of(STAFF_HOST, ADMINS_ADMIN), null, null, null));
        ldap.group(group("staff", groupDn("engineering")));
        ldap.group(group("engineering", dnOf("alice")));
        ldap.group(group("admins", dnOf("bob")));
        ldap.list(entry("alice"));
        ldap.list(entry("bob"));
        ldap.list(entry("carol"));
    }

    @Test
    void aFirstFullSyncProvisionsEveryoneAPageAtATimeWithTheRolesOfTheirNestedGroups() {
        DirectoryRunView run = sync(DirectoryRun.Mode.FULL);

        assertThat(ldap.pagesHanded()).containsExactly(2, 1);
        assertThat(run.state()).isEqualTo(DirectoryRun.State.SUCCEEDED);
        assertThat(run.startedAt()).isEqualTo(NOW);
        assertThat(run.finishedAt()).isEqualTo(NOW);
        assertThat(List.of(run.seen(), run.created(), run.updated(), run.disabled(), run.failed()))
                .containsExactly(3, 3, 0, 0, 0);
        assertThat(run.errors()).isEmpty();

        User alice = user("alice");
        assertThat(alice.status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(alice.subject()).as("until their first sign-in").isNull();
        assertThat(alice.name()).isEqualTo("Alice Example");
        assertThat(alice.directoryId()).isEqualTo(corp.id());
        assertThat(alice.directoryUuid()).isEqualTo("uuid-alice");
        assertThat(alice.directoryDn()).isEqualTo(dnOf("alice"));
        assertThat(alice.department()).isEqualTo("Engineering");
        assertThat(alice.directoryRoles()).as("staff, through engineering").isEqualTo("host");
        assertThat(user("bob").directoryRoles()).isEqualTo("admin");
        assertThat(user("carol").directoryRoles()).isEmpty();
        assertThat(world.users.seenAt(alice.id())).contains(NOW);

        Directory d = world.directory(corp);
        assertThat(d.lastFullSyncAt()).isEqualTo(NOW);
        assertThat(d.lastChangesSyncAt()).isEqualTo(NOW);
        assertThat(d.changeMarker()).isEqualTo(ldap.lastMarker());
    }

    @Test
    void keycloakGetsTheDirectorysSettingsAndTheMappedGroupsRolesAndImportsEveryoneOnlyWhenSetTo() {
        DirectoryRunView first = sync(DirectoryRun.Mode.FULL);

        assertThat(world.federation.registrations()).singleElement().satisfies(r -> {
            assertThat(r.federationId()).as("made the first time").isNull();
            assertThat(r.name()).isEqualTo("Corp");
            assertThat(r.settings()).isEqualTo(DirectoryWorld.pagesOf(2));
            assertThat(r.bindPassword()).isEqualTo("s3cret-bind");
        });
        assertThat(world.federation.grants()).containsExactly(Map.of("/staff", Set.of("host"), "/admins", Set.of("admin")));
        assertThat(world.directory(corp).federationId()).isEqualTo("federation-1");
        assertThat(world.service.get(world.admin(), corp.id()).signInThroughKeycloak()).isTrue();
        assertThat(world.federation.imports()).as("Keycloak imports each person at their first sign-in").isEmpty();
        assertThat(first.keycloakImport()).isNull();

        world.sync.keycloakImport = "Each-Sync ";
        world.clock.advance(Duration.ofMinutes(20));
        DirectoryRunView second = sync(DirectoryRun.Mode.CHANGES);

        assertThat(world.federation.registrations()).hasSize(2).last()
                .satisfies(r -> assertThat(r.federationId()).as("updated, not made again").isEqualTo("federation-1"));
        assertThat(world.federation.imports()).containsExactly(false);
        assertThat(second.keycloakImport()).isEqualTo(world.federation.imported);
    }

    @Test
    void aMisspeltKeycloakImportSettingFailsTheRunInWords() {
        world.sync.keycloakImport = "always";

        DirectoryRunView run = sync(DirectoryRun.Mode.FULL);

        assertThat(run.state()).isEqualTo(DirectoryRun.State.FAILED);
        assertThat(run.error()).isEqualTo("convene.directory.keycloak-import is 'always'; it takes first-sign-in or each-sync");
        assertThat(world.users.all()).containsExactly(world.admin);
    }

    @Test
    void aLocalUserWithTheSameAddressBecomesTheDirectorysKeepingTheirIdAndSignIn() {
        User local = new User("sub-alice", "Ali", "Alice@Corp.example", ZoneId.of("UTC"), NOW, true);
        world.users.add(local);

        DirectoryRunView run = sync(DirectoryRun.Mode.FULL);

        assertThat(run.created()).isEqualTo(2);
        assertThat(run.updated()).isEqualTo(1);
        assertThat(user("alice")).isSameAs(local);
        assertThat(local.subject()).isEqualTo("sub-alice");
        assertThat(local.directoryId()).isEqualTo(corp.id());
        assertThat(local.name()).as("the directory's name from now on").isEqualTo("Alice Example");
        assertThat(local.directoryRoles()).isEqualTo("host");
    }

    @Test
    void entriesThatCannotBeTakenAreListedAndTheRestIsProvisioned() {
        ldap.list(entry("nomail", null, false));
        ldap.list(entry("twin1", "twin@corp.example", false));
        ldap.list(entry("twin2", "twin@corp.example", false));
        UUID otherDirectory = UUID.randomUUID();
        world.users.add(User.provisioned(new DirectoryAccount(otherDirectory, "uuid-x", "uid=dave,ou=lab", "dave", "Dave",
                "dave@corp.example", null, null, null, null, null, ""), NOW));
        ldap.list(entry("dave"));
        world.service.update(world.admin(), corp.id(), new DirectoryForm("Corp", null, DirectoryWorld.pagesOf(10), null,
                List.of(STAFF_HOST, ADMINS_ADMIN), null, null, null));

        DirectoryRunView run = sync(DirectoryRun.Mode.FULL);

        assertThat(run.state()).isEqualTo(DirectoryRun.State.SUCCEEDED);
        assertThat(List.of(run.seen(), run.created(), run.failed())).containsExactly(7, 4, 3);
        assertThat(run.errors()).containsExactly(
                new EntryError(dnOf("dave"), "e-mail address dave@corp.example belongs to a user of another directory"),
                new EntryError(dnOf("nomail"), "no valid e-mail address"),
                new EntryError(dnOf("twin2"), "e-mail address twin@corp.example appears twice in the directory"));
        assertThat(user("twin").directoryUuid()).isEqualTo("uuid-twin1");
        assertThat(user("dave").directoryId()).as("left to their own directory").isEqualTo(otherDirectory);
    }

    @Test
    void anAddressTwiceOnDifferentPagesStaysWithTheFirstEntryAtEverySync() {
        ldap.list(entry("twin1", "twin@corp.example", false));
        ldap.list(entry("twin2", "twin@corp.example", false));
        world.service.update(world.admin(), corp.id(), new DirectoryForm("Corp", null, DirectoryWorld.pagesOf(1), null,
                List.of(STAFF_HOST, ADMINS_ADMIN), null, null, null));

        for (int i = 0; i < 3; i++) {
            DirectoryRunView run = sync(DirectoryRun.Mode.FULL);
            assertThat(run.errors()).containsExactly(new EntryError(dnOf("twin2"),
                    "e-mail address twin@corp.example belongs to another entry of this directory (" + dnOf("twin1") + ")"));
            assertThat(run.updated()).as("sync " + (i + 1) + ": nobody taken over").isZero();
            assertThat(user("twin").directoryUuid()).isEqualTo("uuid-twin1");
            world.clock.advance(Duration.ofHours(25));
        }
    }

    @Test
    void anEntryMadeAnewForSomeoneIsTheirsOnceTheOldOneIsGone() {
        sync(DirectoryRun.Mode.FULL);
        User alice = user("alice");
        ldap.unlist("uuid-alice");
        ldap.list(entry("alice2", "alice@corp.example", false));
        world.clock.advance(Duration.ofHours(25));

        DirectoryRunView first = sync(DirectoryRun.Mode.FULL);
        assertThat(first.errors()).extracting(EntryError::entry).containsExactly(dnOf("alice2"));
        assertThat(alice.status()).as("her old entry is gone").isEqualTo(UserStatus.DISABLED);

        world.clock.advance(Duration.ofHours(25));
        DirectoryRunView second = sync(DirectoryRun.Mode.FULL);
        assertThat(second.errors()).isEmpty();
        assertThat(alice.directoryUuid()).isEqualTo("uuid-alice2");
        assertThat(alice.status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(world.users.byEmail("alice@corp.example")).containsSame(alice);
    }

    @Test
    void aChangedAddressThatAnotherUserHasIsRefusedAndTheOldOneKept() {
        sync(DirectoryRun.Mode.FULL);
        ldap.list(entry("alice", "bob@corp.example", false));
        world.clock.advance(Duration.ofMinutes(20));

        DirectoryRunView run = sync(DirectoryRun.Mode.CHANGES);

        assertThat(run.errors()).containsExactly(
                new EntryError(dnOf("alice"), "e-mail address bob@corp.example belongs to another user"));
        assertThat(world.users.byEmail("alice@corp.example")).get().extracting(User::directoryUuid).isEqualTo("uuid-alice");
        assertThat(user("bob").directoryUuid()).isEqualTo("uuid-bob");
    }

    @Test
    void aFullSyncDeactivatesWhomTheDirectoryNoLongerListsAndEndsTheirSessions() {
        sync(DirectoryRun.Mode.FULL);
        User alice = user("alice");
        alice.linkSubject("sub-alice"); // she signed in since
        world.active.listening(true);
        world.active.foundActive("sub-alice", world.active.generation());
        ldap.unlist("uuid-alice");
        world.clock.advance(Duration.ofHours(25));

        DirectoryRunView run = sync(DirectoryRun.Mode.FULL);

        assertThat(alice.status()).isEqualTo(UserStatus.DISABLED);
        assertThat(world.active.knownActive("sub-alice")).as("this node forgets her at once").isFalse();
        assertThat(world.identity.endedSessionsOf()).containsExactly("sub-alice");
        assertThat(List.of(run.seen(), run.created(), run.updated(), run.disabled())).containsExactly(2, 0, 0, 1);
        assertThat(user("bob").status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(user("carol").status()).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void aDisabledEntryIsDeactivatedAndReactivatedWhenEnabledAgainWhileOneNeverSeenIsNotLetIn() {
        sync(DirectoryRun.Mode.FULL);
        ldap.list(entry("carol", "carol@corp.example", true));
        ldap.list(entry("eve", "eve@corp.example", true));
        world.clock.advance(Duration.ofMinutes(20));

        DirectoryRunView off = sync(DirectoryRun.Mode.CHANGES);

        assertThat(user("carol").status()).isEqualTo(UserStatus.DISABLED);
        assertThat(world.users.byEmail("eve@corp.example")).isEmpty();
        assertThat(List.of(off.seen(), off.created(), off.disabled())).containsExactly(2, 0, 1);

        ldap.list(entry("carol"));
        world.clock.advance(Duration.ofMinutes(20));
        DirectoryRunView on = sync(DirectoryRun.Mode.CHANGES);

        assertThat(user("carol").status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(List.of(on.seen(), on.updated(), on.disabled())).containsExactly(1, 1, 0);
    }

    @Test
    void aSyncOfChangesReadsOnlyChangedEntriesAndWorksEveryonesRolesOutAgain() {
        sync(DirectoryRun.Mode.FULL);
        String marker = world.directory(corp).changeMarker();
        ldap.list(inDepartment(entry("bob"), "Operations"));
        ldap.group(group("admins", dnOf("bob"), dnOf("carol"))); // carol's own entry does not change
        world.clock.advance(Duration.ofMinutes(20));

        DirectoryRunView run = sync(DirectoryRun.Mode.CHANGES);

        assertThat(ldap.changedAfterAsked()).containsExactly(null, marker);
        assertThat(run.seen()).isOne();
        assertThat(run.updated()).as("bob's entry, carol's roles").isEqualTo(2);
        assertThat(user("bob").department()).isEqualTo("Operations");
        assertThat(user("carol").directoryRoles()).isEqualTo("admin");
        assertThat(user("alice").directoryRoles()).isEqualTo("host");
        Directory d = world.directory(corp);
        assertThat(d.changeMarker()).isEqualTo(ldap.lastMarker());
        assertThat(d.lastChangesSyncAt()).isEqualTo(world.clock.instant());
        assertThat(d.lastFullSyncAt()).isEqualTo(NOW);
    }

    @Test
    void aDirectoryThatSuddenlyListsNobodyIsNotTakenForEveryoneGone() {
        sync(DirectoryRun.Mode.FULL);
        ldap.unlistEveryone();
        world.clock.advance(Duration.ofHours(25));

        DirectoryRunView run = sync(DirectoryRun.Mode.FULL);

        assertThat(run.state()).isEqualTo(DirectoryRun.State.FAILED);
        assertThat(run.error()).isEqualTo("The directory listed nobody; refusing to deactivate its 3 active users"
                + " (check the users DN and filter)");
        assertThat(run.finishedAt()).isEqualTo(world.clock.instant());
        assertThat(List.of("alice", "bob", "carol")).allSatisfy(uid -> assertThat(user(uid).status()).isEqualTo(UserStatus.ACTIVE));
        assertThat(world.directory(corp).lastFullSyncAt()).isEqualTo(NOW);
    }

    @Test
    void anUnreachableDirectoryFailsTheRunBeforeAnythingIsWritten() {
        ldap.goDown("No directory server answered (ldap://ldap.corp.example:389: connection refused)");

        DirectoryRunView run = sync(DirectoryRun.Mode.FULL);

        assertThat(run.state()).isEqualTo(DirectoryRun.State.FAILED);
        assertThat(run.error()).isEqualTo("No directory server answered (ldap://ldap.corp.example:389: connection refused)");
        assertThat(world.users.all()).containsExactly(world.admin);
        assertThat(world.federation.registrations()).isEmpty();
        Directory d = world.directory(corp);
        assertThat(d.lastFullSyncAt()).isNull();
        assertThat(d.due(world.clock.instant())).as("still wanting its first full sync").isEqualTo(DirectoryRun.Mode.FULL);
    }

    @Test
    void aRunIsTakenOnlyOnce() {
        DirectoryRunView queued = world.service.sync(world.admin(), corp.id(), DirectoryRun.Mode.FULL);
        world.sync.run(queued.id());

        world.sync.run(queued.id());

        assertThat(world.federation.registrations()).hasSize(1);
        assertThat(world.users.all()).hasSize(4);
        assertThat(world.service.run(world.admin(), queued.id()).seen()).isEqualTo(3);
    }

    @Test
    void aGroupNoLongerMappedHasTheRolesItGaveTakenBackInKeycloak() {
        sync(DirectoryRun.Mode.FULL);
        world.service.update(world.admin(), corp.id(), new DirectoryForm("Corp", null, null, null, List.of(ADMINS_ADMIN),
                null, null, null));
        world.clock.advance(Duration.ofMinutes(20));

        sync(DirectoryRun.Mode.CHANGES);

        assertThat(world.federation.grants()).last().isEqualTo(Map.of("/staff", Set.of(), "/admins", Set.of("admin")));
        assertThat(user("alice").directoryRoles()).isEmpty();
    }

    private DirectoryRunView sync(DirectoryRun.Mode mode) {
        DirectoryRunView queued = world.service.sync(world.admin(), corp.id(), mode);
        world.sync.run(queued.id());
        return world.service.run(world.admin(), queued.id());
    }

    private User user(String uid) {
        return world.users.byEmail(uid + "@corp.example").orElseThrow();
    }
}
