package io.convene.directory;

import io.convene.audit.AuditTrails;
import io.convene.audit.InMemoryAuditRepository;
import io.convene.audit.InMemoryAuditRepository.Audited;
import io.convene.platform.PlatformFixtures;
import io.convene.platform.Sealing;
import io.convene.shared.Caller;
import io.convene.shared.FiredEvents;
import io.convene.shared.TestClock;
import io.convene.user.InMemoryKeycloak;
import io.convene.user.InMemoryUsers;
import io.convene.user.People;
import io.convene.user.User;
import io.convene.user.UserService;
import io.convene.user.UserPorts;
import io.convene.user.UserServices;
import java.time.Instant;
import java.util.List;

/**
 * The directory context wired the way the container wires it, over its repository, an LDAP directory
 * and Keycloak's federation in memory, and the user context's users in memory: for unit tests of
 * adding, changing and syncing directories.
 */
final class DirectoryWorld {

    static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    static final String PEOPLE = "ou=people,dc=corp,dc=example";
    static final String GROUPS = "ou=groups,dc=corp,dc=example";

    final TestClock clock = new TestClock(NOW);
    final InMemoryUsers users = new InMemoryUsers();
    final UserService userService = UserServices.of(users, clock);
    final InMemoryDirectories directories = new InMemoryDirectories();
    final InMemoryDirectoryReader reader = new InMemoryDirectoryReader();
    final RecordingFederation federation = new RecordingFederation();
    final InMemoryKeycloak identity = new InMemoryKeycloak(clock);
    final InMemoryAuditRepository audit = new InMemoryAuditRepository();
    final Sealing sealing = PlatformFixtures.sealing();
    final FiredEvents<DirectoryService.RunQueued> queued = new FiredEvents<>();

    final DirectoryService service = new DirectoryService();
    final DirectoryRuns runs = new DirectoryRuns();
    final DirectoryProvisioning provisioning = new DirectoryProvisioning();
    final DirectorySync sync = new DirectorySync();
    final io.convene.user.ActiveAccounts active = new io.convene.user.ActiveAccounts();

    final User admin = person("ada");

    DirectoryWorld() {
        provisioning.active = active;
        service.permissions = UserPorts.permissions(users);
        service.directories = directories;
        service.users = users;
        service.reader = reader;
        service.federation = federation;
        service.sealing = sealing;
        service.clock = clock;
        service.audit = AuditTrails.of(audit, UserPorts.auditedPeople(userService), clock);
        service.queued = queued;

        runs.directories = directories;

        provisioning.users = users;
        provisioning.directories = directories;
        provisioning.identity = identity;

        sync.runs = runs;
        sync.provisioning = provisioning;
        sync.reader = reader;
        sync.federation = federation;
        sync.sealing = sealing;
        sync.clock = clock;
        sync.keycloakImport = "first-sign-in"; // the setting's default
    }


    /** The audit trail, oldest first. */
    List<Audited> audited() {
        return audit.audited();
    }

    /** A local user (not a directory's), who signed in before. */
    User person(String name) {
        return People.person(users, clock, name);
    }

    /** The person as the identity provider vouches for them, with these realm roles. */
    static Caller callerOf(User user, String... roles) {
        return People.callerOf(user, roles);
    }

    Caller admin() {
        return callerOf(admin, Caller.ADMIN);
    }

    /** An OpenLDAP directory as an administrator adds it: its preset, a bind password, these mappings. */
    DirectoryView add(String name, RoleMapping... mappings) {
        return service.create(admin(), new DirectoryForm(name, DirectoryVendor.OPENLDAP, null, "s3cret-bind",
                List.of(mappings), null, null, null));
    }

    Directory directory(DirectoryView view) {
        return directories.byId(view.id()).orElseThrow();
    }

    /** The OpenLDAP preset with a smaller page. */
    static DirectorySettings pagesOf(int size) {
        DirectorySettings p = DirectoryVendor.OPENLDAP.preset();
        return new DirectorySettings(p.urls(), p.security(), p.bindDn(), p.usersDn(), p.userObjectClasses(), p.userFilter(),
                p.groupsDn(), p.groupObjectClasses(), p.groupMemberAttribute(), p.memberType(), p.attributes(),
                p.disabledFlag(), p.changeMarker(), size);
    }

    static String dnOf(String uid) {
        return "uid=" + uid + "," + PEOPLE;
    }

    static String groupDn(String cn) {
        return "cn=" + cn + "," + GROUPS;
    }

    /** A person's entry: {@code uid@corp.example}, first name the uid capitalised, last name "Example". */
    static DirectoryPerson entry(String uid) {
        return entry(uid, uid + "@corp.example", false);
    }

    static DirectoryPerson entry(String uid, String email, boolean disabled) {
        String first = Character.toUpperCase(uid.charAt(0)) + uid.substring(1);
        return new DirectoryPerson(dnOf(uid), "uuid-" + uid, uid, email, first, "Example", null, null, "Engineering",
                null, disabled, List.of(), null);
    }

    static DirectoryPerson inDepartment(DirectoryPerson p, String department) {
        return new DirectoryPerson(p.dn(), p.uuid(), p.username(), p.email(), p.firstName(), p.lastName(), p.displayName(),
                p.phone(), department, p.managerDn(), p.disabled(), p.memberOf(), null);
    }

    static DirectoryGroup group(String cn, String... memberDns) {
        return new DirectoryGroup(groupDn(cn), cn, List.of(memberDns), List.of());
    }
}
