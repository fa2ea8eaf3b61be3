package io.convene.directory;

import io.convene.platform.Sealing;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one sync of a directory, outside any transaction (it may take minutes): reads the groups,
 * brings Keycloak's LDAP provider and group roles up to date, provisions people page by page, then
 * (full sync) deactivates those the directory no longer lists or (changes) works roles out again.
 * Keycloak imports each person at their first sign-in; with {@code convene.directory.keycloak-import}
 * = {@code each-sync} the run then has Keycloak import everyone too. A directory that cannot be read
 * fails the run before anything is written.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DirectorySync {

    private static final Logger LOG = Logger.getLogger(DirectorySync.class.getName());
    private static final int CHUNK = 500;

    @Inject
    DirectoryRuns runs;

    @EJB
    DirectoryProvisioning provisioning;

    @EJB
    DirectoryReader reader;

    @EJB
    DirectoryFederation federation;

    @Inject
    Sealing sealing;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = KeycloakImport.SETTING, defaultValue = "first-sign-in")
    String keycloakImport;

    @Asynchronous
    public void runLater(UUID runId) {
        run(runId);
    }

    public void run(UUID runId) {
        Instant start = clock.instant();
        DirectoryRun run = runs.claim(runId, start);
        if (run == null) {
            return; // another thread or node has it
        }
        Directory directory = runs.directory(run.directoryId());
        LOG.info(() -> "Directory sync " + runId + " of " + directory.name() + " (" + run.mode() + ") started");
        try {
            KeycloakImport keycloakImports = KeycloakImport.of(keycloakImport);
            DirectorySettings settings = directory.settings();
            DirectoryReader.DirectoryAccess access = new DirectoryReader.DirectoryAccess(settings,
                    directory.hasBindPassword() ? sealing.open(directory.bindPasswordSealed()) : "");
            GroupTree groups = new GroupTree(reader.groups(access), settings.memberType());
            Function<DirectoryPerson, Set<String>> rolesOf =
                    p -> groups.rolesOf(p, settings.memberType(), directory.roleMappings());

            String federationId = federation.register(directory.federationId(), directory.name(), directory.vendor(),
                    settings, access.bindPassword());
            Map<String, Set<String>> grants = rolesByGroupPath(directory, groups);
            runs.federated(directory.id(), federationId, grants.keySet());
            federation.grantGroupRoles(federationId, grants);

            boolean full = run.mode() == DirectoryRun.Mode.FULL;
            String marker = reader.people(access, full ? null : directory.changeMarker(),
                    page -> provisioning.apply(directory.id(), runId, page, rolesOf, start));
            if (full) {
                deactivateMissing(directory, runId, start);
            } else {
                for (UUID after = null; (after = provisioning.refreshRoles(directory.id(), runId, after, CHUNK, rolesOf)) != null; ) {
                    // chunk after chunk
                }
            }
            DirectoryFederation.ImportCounts imported = keycloakImports == KeycloakImport.EACH_SYNC
                    ? federation.importPeople(federationId, full) : null;
            runs.succeed(runId, directory.id(), marker, imported, clock.instant());
            DirectoryRun done = runs.run(runId);
            LOG.info(() -> "Directory sync " + runId + " of " + directory.name() + " succeeded: seen " + done.seen()
                    + ", created " + done.created() + ", updated " + done.updated() + ", disabled " + done.disabled()
                    + ", failed " + done.failed() + "; Keycloak "
                    + (imported == null ? "imports each person at their first sign-in" : "imported " + imported));
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.log(Level.WARNING, "Directory sync " + runId + " of " + directory.name() + " failed: " + reason,
                    e instanceof io.convene.shared.DomainException ? null : e);
            runs.fail(runId, reason, clock.instant());
        }
    }

    private void deactivateMissing(Directory directory, UUID runId, Instant start) {
        DirectoryRun sofar = runs.run(runId);
        long active = provisioning.activeUsers(directory.id());
        if (sofar.seen() == 0 && active > 0) {
            throw new DirectoryUnreachableException("The directory listed nobody; refusing to deactivate its "
                    + active + " active users (check the users DN and filter)");
        }
        while (provisioning.deactivateMissing(directory.id(), runId, start, CHUNK) == CHUNK) {
            // chunk after chunk
        }
    }

    private static Map<String, Set<String>> rolesByGroupPath(Directory directory, GroupTree groups) {
        Map<String, Set<String>> byPath = new HashMap<>();
        directory.grantedGroups().forEach(path -> byPath.put(path, new TreeSet<>())); // unmapped since: taken back
        for (RoleMapping m : directory.roleMappings()) {
            if (groups.contains(m.group())) {
                byPath.computeIfAbsent(groups.pathOf(m.group()), k -> new TreeSet<>()).add(m.role());
            } else {
                LOG.warning(() -> "Directory " + directory.name() + " has no group " + m.group() + " (mapped to " + m.role() + ")");
            }
        }
        return byPath;
    }
}
