package io.convene.directory;

import static io.convene.directory.DirectoryWorld.NOW;
import static io.convene.directory.DirectoryWorld.callerOf;
import static io.convene.directory.DirectoryWorld.entry;
import static io.convene.directory.DirectoryWorld.group;
import static io.convene.directory.DirectoryWorld.groupDn;
import static io.convene.directory.DirectoryWorld.dnOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.audit.InMemoryAuditRepository.Audited;
import io.convene.shared.AccessDeniedException;
import io.convene.shared.Caller;
import io.convene.shared.ConflictException;
import io.convene.shared.InvalidInputException;
import io.convene.shared.InvalidInputException.FieldError;
import io.convene.shared.NotFoundException;
import io.convene.user.DirectoryAccount;
import io.convene.user.User;
import io.convene.user.UserStatus;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Adding, changing, testing, syncing and removing directories, against the repository and directory in memory. */
class DirectoryServiceTest {

    private static final RoleMapping STAFF_HOST = new RoleMapping(groupDn("staff"), Caller.HOST);

    private final DirectoryWorld world = new DirectoryWorld();
    private final DirectoryService service = world.service;
    private final Caller admin = world.admin();

    @Test
    void onlyAdministratorsManageDirectories() {
        Caller officer = callerOf(world.person("olga"), Caller.COMPLIANCE_OFFICER, Caller.HOST);
        DirectoryForm form = new DirectoryForm("Corp", DirectoryVendor.OPENLDAP, null, "pw", List.of(), null, null, null);

        assertThatThrownBy(() -> service.create(officer, form))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Only administrators manage directories");
        DirectoryView corp = world.add("Corp");
        assertThatThrownBy(() -> service.sync(officer, corp.id(), DirectoryRun.Mode.FULL))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.delete(officer, corp.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.list(officer)).isInstanceOf(AccessDeniedException.class);

        assertThat(world.directories.all()).extracting(Directory::name).containsExactly("Corp");
        assertThat(world.directories.runsOf(corp.id(), 10)).isEmpty();
        assertThat(world.audited()).extracting(Audited::action).containsExactly("directory.created");
    }

    @Test
    void aNewDirectoryStartsFromItsVendorsPresetAndItsBindPasswordIsSealedAndNeverShown() {
        DirectoryView view = service.create(admin, new DirectoryForm("  Corp LDAP ", DirectoryVendor.OPENLDAP, null,
                "s3cret-bind", List.of(STAFF_HOST), null, null, null));

        assertThat(view.name()).isEqualTo("Corp LDAP");
        assertThat(view.settings()).isEqualTo(DirectoryVendor.OPENLDAP.preset());
        assertThat(view.roleMappings()).containsExactly(STAFF_HOST);
        assertThat(view.enabled()).isTrue();
        assertThat(view.changesEveryMinutes()).isEqualTo(15);
        assertThat(view.fullEveryHours()).isEqualTo(24);
        assertThat(view.createdAt()).isEqualTo(NOW);
        assertThat(view.signInThroughKeycloak()).isFalse();
        assertThat(view.bindPasswordSet()).isTrue();
        assertThat(view.toString()).doesNotContain("s3cret");
        assertThat(service.list(admin)).singleElement().satisfies(v -> assertThat(v.toString()).doesNotContain("s3cret"));
        assertThat(service.get(admin, view.id()).toString()).doesNotContain("s3cret");

        Directory stored = world.directory(view);
        assertThat(stored.bindPasswordSealed()).doesNotContain("s3cret");
        assertThat(world.sealing.open(stored.bindPasswordSealed())).isEqualTo("s3cret-bind");
        assertThat(world.audited()).containsExactly(
                new Audited(world.admin.id(), "directory.created", "directory:" + view.id(), "Corp LDAP"));
    }

    @Test
    void aDirectoryIsRefusedFieldByFieldAndNothingIsKept() {
        assertThatThrownBy(() -> service.create(admin, new DirectoryForm("Corp", null, null, null, null, null, null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessage("vendor: must be ACTIVE_DIRECTORY or OPENLDAP");
        assertThatThrownBy(() -> service.create(admin, newForm("  ")))
                .isInstanceOf(InvalidInputException.class).hasMessage("name: must be 1 to 100 characters");
        assertThatThrownBy(() -> service.create(admin, newForm("x".repeat(101))))
                .isInstanceOf(InvalidInputException.class).hasMessage("name: must be 1 to 100 characters");

        DirectorySettings p = DirectoryVendor.OPENLDAP.preset();
        DirectorySettings broken = new DirectorySettings(List.of("ldap://ok.corp.example:389", "http://web.corp.example"),
                p.security(), "convene-sync", "people", p.userObjectClasses(), "objectClass=person", p.groupsDn(), List.of(),
                p.groupMemberAttribute(), p.memberType(), p.attributes(), null, " ", 0);
        assertThatThrownBy(() -> service.create(admin, new DirectoryForm("Corp", DirectoryVendor.OPENLDAP, broken, null,
                null, null, null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessage("7 fields are invalid")
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(FieldError::field).containsExactly(
                        "settings.urls[1]", "settings.usersDn", "settings.bindDn", "settings.groupObjectClasses",
                        "settings.userFilter", "settings.changeMarker", "settings.pageSize"));

        assertThatThrownBy(() -> service.create(admin, mapped(new RoleMapping("staff", Caller.HOST))))
                .isInstanceOf(InvalidInputException.class).hasMessage("roleMappings[0].group: must be a group's DN");
        assertThatThrownBy(() -> service.create(admin, mapped(STAFF_HOST, new RoleMapping(groupDn("root"), "superuser"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("roleMappings[1].role: must be one of [admin, compliance-officer, host, participant]");
        assertThatThrownBy(() -> service.create(admin, new DirectoryForm("Corp", DirectoryVendor.OPENLDAP, null, null,
                null, null, 0, null)))
                .isInstanceOf(InvalidInputException.class).hasMessage("changesEveryMinutes: must be between 1 and 1440");
        assertThatThrownBy(() -> service.create(admin, new DirectoryForm("Corp", DirectoryVendor.OPENLDAP, null, null,
                null, null, 1440, 721)))
                .isInstanceOf(InvalidInputException.class).hasMessage("fullEveryHours: must be between 1 and 720");

        assertThat(world.directories.all()).isEmpty();
        assertThat(world.audited()).isEmpty();
    }

    @Test
    void namesAreUniqueWhateverTheirCase() {
        DirectoryView corp = world.add("Corp");
        DirectoryView lab = world.add("Lab");

        assertThatThrownBy(() -> service.create(admin, newForm(" corp ")))
                .isInstanceOf(ConflictException.class).hasMessage("A directory named corp exists already");
        assertThatThrownBy(() -> service.update(admin, lab.id(), form("CORP")))
                .isInstanceOf(ConflictException.class).hasMessage("A directory named CORP exists already");

        assertThat(service.update(admin, corp.id(), form("CORP")).name()).as("its own name, respelled").isEqualTo("CORP");
        assertThat(service.list(admin)).extracting(DirectoryView::name).containsExactly("CORP", "Lab");
    }

    @Test
    void anEditKeepsTheBindPasswordUnlessItGivesOneAndAnEmptyOneRemovesIt() {
        DirectoryView corp = world.add("Corp", STAFF_HOST);
        String sealedFirst = world.directory(corp).bindPasswordSealed();

        DirectoryView kept = service.update(admin, corp.id(), new DirectoryForm("Corp", null, null, null, List.of(),
                false, 30, 48));
        assertThat(kept.bindPasswordSet()).isTrue();
        assertThat(world.directory(corp).bindPasswordSealed()).isEqualTo(sealedFirst);
        assertThat(kept.roleMappings()).isEmpty();
        assertThat(kept.enabled()).isFalse();
        assertThat(kept.changesEveryMinutes()).isEqualTo(30);
        assertThat(kept.fullEveryHours()).isEqualTo(48);

        service.update(admin, corp.id(), new DirectoryForm("Corp", null, null, "n3w-bind", null, null, null, null));
        assertThat(world.sealing.open(world.directory(corp).bindPasswordSealed())).isEqualTo("n3w-bind");

        DirectoryView anonymous = service.update(admin, corp.id(), new DirectoryForm("Corp", null, null, "", null, null,
                null, null));
        assertThat(anonymous.bindPasswordSet()).isFalse();
        assertThat(world.directory(corp).bindPasswordSealed()).isNull();

        assertThat(world.audited()).extracting(Audited::action, Audited::detail).containsExactly(
                org.assertj.core.groups.Tuple.tuple("directory.created", "Corp"),
                org.assertj.core.groups.Tuple.tuple("directory.changed", null),
                org.assertj.core.groups.Tuple.tuple("directory.changed", "bind password set"),
                org.assertj.core.groups.Tuple.tuple("directory.changed", "bind password set"));
    }

    @Test
    void anEditWithoutSettingsKeepsTheStoredOnesAndTheVendorNeverChanges() {
        DirectorySettings custom = DirectoryWorld.pagesOf(50);
        DirectoryView corp = service.create(admin, new DirectoryForm("Corp", DirectoryVendor.OPENLDAP, custom, null,
                null, null, null, null));

        assertThatThrownBy(() -> service.update(admin, corp.id(), new DirectoryForm("Corp",
                DirectoryVendor.ACTIVE_DIRECTORY, null, null, null, null, null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessage("vendor: cannot change; add another directory instead");
        assertThat(service.update(admin, corp.id(), form("Corp Directory")).settings()).isEqualTo(custom);
        assertThat(world.directory(corp).vendor()).isEqualTo(DirectoryVendor.OPENLDAP);
        assertThatThrownBy(() -> service.update(admin, UUID.randomUUID(), form("Other")))
                .isInstanceOf(NotFoundException.class).hasMessage("No such directory");
    }

    @Test
    void removingADirectoryDeactivatesItsPeopleAndRemovesKeycloaksProvider() {
        DirectoryView corp = world.add("Corp");
        User alice = provisioned(corp.id(), "alice");
        User local = world.person("lou");
        world.runs.federated(corp.id(), "federation-7", Set.of());

        service.delete(admin, corp.id());

        assertThat(world.directories.byId(corp.id())).isEmpty();
        assertThat(alice.status()).isEqualTo(UserStatus.DISABLED);
        assertThat(world.users.byId(alice.id())).as("their history stays").isPresent();
        assertThat(local.status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(world.federation.unregistered()).containsExactly("federation-7");
        assertThat(world.audited()).last()
                .isEqualTo(new Audited(world.admin.id(), "directory.deleted", "directory:" + corp.id(), "Corp"));
    }

    @Test
    void aDirectoryIsNotRemovedWhileASyncOfItIsQueuedOrRunning() {
        DirectoryView corp = world.add("Corp");
        User alice = provisioned(corp.id(), "alice");
        service.sync(admin, corp.id(), DirectoryRun.Mode.FULL);

        assertThatThrownBy(() -> service.delete(admin, corp.id())).isInstanceOf(ConflictException.class)
                .hasMessage("A sync of this directory is running; delete it when the run has finished");

        assertThat(world.directories.byId(corp.id())).isPresent();
        assertThat(alice.status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(world.federation.unregistered()).isEmpty();
    }

    @Test
    void aSyncIsQueuedOnceAndAnnouncedSoThatItStartsWhenTheQueueingCommitted() {
        DirectoryView corp = world.add("Corp");

        DirectoryRunView run = service.sync(admin, corp.id(), null);

        assertThat(run.mode()).as("changes unless told").isEqualTo(DirectoryRun.Mode.CHANGES);
        assertThat(run.trigger()).isEqualTo(DirectoryRun.Trigger.ADMIN);
        assertThat(run.state()).isEqualTo(DirectoryRun.State.QUEUED);
        assertThat(run.queuedAt()).isEqualTo(NOW);
        assertThat(world.queued.fired()).containsExactly(new DirectoryService.RunQueued(run.id()));
        assertThat(world.audited()).last()
                .isEqualTo(new Audited(world.admin.id(), "directory.sync", "directory:" + corp.id(), "CHANGES"));

        assertThatThrownBy(() -> service.sync(admin, corp.id(), DirectoryRun.Mode.FULL))
                .isInstanceOf(ConflictException.class).hasMessage("A sync of this directory is already queued or running");
        assertThat(world.queued.fired()).hasSize(1);
        assertThat(service.runs(admin, corp.id())).extracting(DirectoryRunView::id).containsExactly(run.id());
    }

    @Test
    void theScheduleQueuesAFullSyncFirstThenChangesAndLeavesDisabledDirectoriesAlone() {
        DirectoryView corp = world.add("Corp");
        DirectoryView off = service.create(admin, new DirectoryForm("Off", DirectoryVendor.OPENLDAP, null, null, null,
                false, null, null));

        service.queueDue();
        service.queueDue();

        assertThat(world.directories.runsOf(off.id(), 10)).isEmpty();
        List<DirectoryRun> queued = world.directories.runsOf(corp.id(), 10);
        assertThat(queued).singleElement().satisfies(r -> {
            assertThat(r.mode()).isEqualTo(DirectoryRun.Mode.FULL);
            assertThat(r.trigger()).isEqualTo(DirectoryRun.Trigger.SCHEDULE);
        });
        assertThat(world.queued.fired()).containsExactly(new DirectoryService.RunQueued(queued.get(0).id()));
        assertThat(world.audited()).as("the schedule is no administrator").extracting(Audited::action)
                .doesNotContain("directory.sync");

        world.sync.run(queued.get(0).id());
        world.clock.advance(Duration.ofMinutes(15));
        service.queueDue();
        assertThat(world.directories.runsOf(corp.id(), 10)).hasSize(1);
        world.clock.advance(Duration.ofMinutes(1));
        service.queueDue();
        assertThat(world.directories.runsOf(corp.id(), 10)).first()
                .satisfies(r -> assertThat(r.mode()).isEqualTo(DirectoryRun.Mode.CHANGES));
    }

    @Test
    void runsQueuedOverAMinuteAgoAndNeverStartedAreStranded() {
        DirectoryView corp = world.add("Corp");
        DirectoryView lab = world.add("Lab");
        DirectoryRunView stranded = service.sync(admin, corp.id(), DirectoryRun.Mode.FULL);
        DirectoryRunView started = service.sync(admin, lab.id(), DirectoryRun.Mode.FULL);
        world.runs.claim(started.id(), NOW);

        world.clock.advance(Duration.ofSeconds(60));
        assertThat(service.strandedRuns()).isEmpty();
        world.clock.advance(Duration.ofSeconds(1));
        assertThat(service.strandedRuns()).containsExactly(stranded.id());
    }

    @Test
    void testingAndPreviewingReadTheDirectoryWithTheStoredBindPassword() {
        DirectoryView corp = world.add("Corp", STAFF_HOST);
        world.reader.group(group("staff", groupDn("engineering")));
        world.reader.group(group("engineering", dnOf("alice")));
        world.reader.list(entry("alice"));
        world.reader.list(entry("bob", "bob@corp.example", true));

        DirectoryReader.ConnectionCheck check = service.test(admin, corp.id());
        List<PreviewPerson> preview = service.preview(admin, corp.id());

        assertThat(check.server()).isEqualTo("ldap://ldap.corp.example:389");
        assertThat(check.peopleFound()).isOne();
        assertThat(check.groupsFound()).isEqualTo(2);
        assertThat(preview).containsExactly(
                new PreviewPerson(dnOf("alice"), "alice", "alice@corp.example", "Alice Example", "Engineering", false,
                        Set.of(Caller.HOST)),
                new PreviewPerson(dnOf("bob"), "bob", "bob@corp.example", "Bob Example", "Engineering", true, Set.of()));
        assertThat(world.reader.accesses()).isNotEmpty()
                .allSatisfy(a -> assertThat(a.bindPassword()).isEqualTo("s3cret-bind"));
        assertThat(world.users.all()).as("a preview provisions nobody").containsExactly(world.admin);
    }

    @Test
    void aRunShowsTheEntriesItCouldNotTake() {
        DirectoryView corp = world.add("Corp");
        world.reader.list(entry("alice"));
        world.reader.list(entry("nomail", "not-an-address", false));
        DirectoryRunView queued = service.sync(admin, corp.id(), DirectoryRun.Mode.FULL);
        world.sync.run(queued.id());

        DirectoryRunView run = service.run(admin, queued.id());

        assertThat(run.errors()).containsExactly(
                new DirectoryRunView.EntryError(dnOf("nomail"), "no valid e-mail address"));
        assertThat(service.runs(admin, corp.id())).singleElement()
                .satisfies(r -> assertThat(r.errors()).as("only on the single run").isEmpty());
        assertThatThrownBy(() -> service.run(admin, UUID.randomUUID()))
                .isInstanceOf(NotFoundException.class).hasMessage("No such directory sync run");
        assertThatThrownBy(() -> service.runs(admin, UUID.randomUUID()))
                .isInstanceOf(NotFoundException.class).hasMessage("No such directory");
    }

    private User provisioned(UUID directoryId, String uid) {
        User user = User.provisioned(new DirectoryAccount(directoryId, "uuid-" + uid, dnOf(uid), uid, uid,
                uid + "@corp.example", null, null, null, null, null, ""), NOW);
        world.users.add(user);
        return user;
    }

    private static DirectoryForm newForm(String name) {
        return new DirectoryForm(name, DirectoryVendor.OPENLDAP, null, null, null, null, null, null);
    }

    /** An edit that changes nothing but the name. */
    private static DirectoryForm form(String name) {
        return new DirectoryForm(name, null, null, null, null, null, null, null);
    }

    private static DirectoryForm mapped(RoleMapping... mappings) {
        return new DirectoryForm("Corp", DirectoryVendor.OPENLDAP, null, null, List.of(mappings), null, null, null);
    }
}
