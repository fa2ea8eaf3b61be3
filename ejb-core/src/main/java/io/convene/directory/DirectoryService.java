package io.convene.directory;

import io.convene.shared.Permission;
import io.convene.shared.Permissions;
import io.convene.audit.AuditAction;
import io.convene.platform.Sealing;
import io.convene.shared.Caller;
import io.convene.shared.ConflictException;
import io.convene.shared.InvalidInputException;
import io.convene.shared.NotFoundException;
import io.convene.user.UserRepository;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What administrators do with directories: configure, test, preview, sync, and read the runs. */
@Stateless
public class DirectoryService {

    @Inject
    Permissions permissions;

    private static final Logger LOG = Logger.getLogger(DirectoryService.class.getName());
    private static final int PREVIEW_SIZE = 20;

    @Inject
    DirectoryRepository directories;

    @Inject
    UserRepository users;

    @EJB
    DirectoryReader reader;

    @EJB
    DirectoryFederation federation;

    @Inject
    Sealing sealing;

    @Inject
    Clock clock;

    @Inject
    io.convene.audit.AuditTrail audit;

    @Inject
    Event<RunQueued> queued;

    /** Raised when a run is queued; {@link DirectorySyncStarter} starts it once the queueing committed. */
    public record RunQueued(UUID runId) {
    }

    public Map<DirectoryVendor, DirectorySettings> presets(Caller caller) {
        permissions.require(caller, Permission.MANAGE_DIRECTORIES);
        return Stream.of(DirectoryVendor.values()).collect(Collectors.toMap(Function.identity(), DirectoryVendor::preset));
    }

    public DirectoryView create(Caller caller, DirectoryForm form) {
        permissions.require(caller, Permission.MANAGE_DIRECTORIES);
        if (form.vendor() == null) {
            throw new InvalidInputException("vendor", "must be ACTIVE_DIRECTORY or OPENLDAP");
        }
        requireFreeName(form.name(), null);
        Directory d = new Directory(form.name().trim(), form.vendor(), clock.instant());
        configure(d, form);
        directories.add(d);
        audit.action(caller, AuditAction.DIRECTORY_CREATED, "directory:" + d.id(), d.name());
        LOG.info(() -> "Directory " + d.id() + " (" + d.name() + ") added by " + caller.subject());
        return DirectoryView.of(d);
    }

    public DirectoryView update(Caller caller, UUID id, DirectoryForm form) {
        permissions.require(caller, Permission.MANAGE_DIRECTORIES);
        Directory d = find(id);
        if (form.vendor() != null && form.vendor() != d.vendor()) {
            throw new InvalidInputException("vendor", "cannot change; add another directory instead");
        }
        requireFreeName(form.name(), id);
        d.rename(form.name().trim());
        configure(d, form);
        audit.action(caller, AuditAction.DIRECTORY_CHANGED, "directory:" + d.id(), form.bindPassword() == null ? null : "bind password set");
        LOG.info(() -> "Directory " + d.id() + " changed by " + caller.subject());
        return DirectoryView.of(d);
    }

    /** Removes the directory and Keycloak's provider for it; its users stay, as local users, deactivated. */
    public void delete(Caller caller, UUID id) {
        permissions.require(caller, Permission.MANAGE_DIRECTORIES);
        Directory d = find(id);
        if (directories.isSyncing(id)) {
            throw new ConflictException("A sync of this directory is running; delete it when the run has finished");
        }
        users.deactivateEveryoneOf(id);
        directories.remove(d);
        audit.action(caller, AuditAction.DIRECTORY_DELETED, "directory:" + id, d.name());
        users.flush();
        if (d.federationId() != null) {
            federation.unregister(d.federationId()); // last: a failure here rolls the rest back
        }
        LOG.info(() -> "Directory " + id + " removed by " + caller.subject() + "; its users are deactivated");
    }

    public List<DirectoryView> list(Caller caller) {
        permissions.require(caller, Permission.MANAGE_DIRECTORIES);
        return directories.all().stream().map(DirectoryView::of).toList();
    }

    public DirectoryView get(Caller caller, UUID id) {
        permissions.require(caller, Permission.MANAGE_DIRECTORIES);
        return DirectoryView.of(find(id));
    }

    public DirectoryReader.ConnectionCheck test(Caller caller, UUID id) {
        permissions.require(caller, Permission.MANAGE_DIRECTORIES);
        Directory d = find(id);
        DirectoryReader.ConnectionCheck check = reader.check(access(d));
        LOG.info(() -> "Directory " + d.name() + " answered a test from " + check.server() + " in " + check.millis() + " ms");
        return check;
    }

    public List<PreviewPerson> preview(Caller caller, UUID id) {
        permissions.require(caller, Permission.MANAGE_DIRECTORIES);
        Directory d = find(id);
        DirectoryReader.DirectoryAccess access = access(d);
        DirectorySettings settings = d.settings();
        GroupTree groups = new GroupTree(reader.groups(access), settings.memberType());
        return reader.firstPeople(access, PREVIEW_SIZE).stream()
                .map(p -> new PreviewPerson(p.dn(), p.username(), p.email(), p.name(), p.department(), p.disabled(),
                        groups.rolesOf(p, settings.memberType(), d.roleMappings())))
                .toList();
    }

    /** Queues a run; it starts once this transaction has committed. */
    public DirectoryRunView sync(Caller caller, UUID id, DirectoryRun.Mode mode) {
        permissions.require(caller, Permission.MANAGE_DIRECTORIES);
        Directory d = find(id);
        DirectoryRun run = queue(d, mode == null ? DirectoryRun.Mode.CHANGES : mode, DirectoryRun.Trigger.ADMIN);
        if (run == null) {
            throw new ConflictException("A sync of this directory is already queued or running");
        }
        audit.action(caller, AuditAction.DIRECTORY_SYNCED, "directory:" + d.id(), run.mode().name());
        LOG.info(() -> "Directory sync " + run.id() + " of " + d.name() + " (" + run.mode() + ") queued by " + caller.subject());
        return DirectoryRunView.of(run, List.of());
    }

    /** Queues the runs that are due by the directories' schedules (the clock calls this). */
    public void queueDue() {
        for (Directory d : directories.enabled()) {
            DirectoryRun.Mode due = d.due(clock.instant());
            if (due != null && queue(d, due, DirectoryRun.Trigger.SCHEDULE) != null) {
                LOG.info(() -> "Directory sync of " + d.name() + " (" + due + ") queued by the schedule");
            }
        }
    }

    /** Runs queued over a minute ago and never started (the node that queued them went down first). */
    public List<UUID> strandedRuns() {
        return directories.queuedBefore(clock.instant().minusSeconds(60));
    }

    public List<DirectoryRunView> runs(Caller caller, UUID id) {
        permissions.require(caller, Permission.MANAGE_DIRECTORIES);
        find(id);
        return directories.runsOf(id, 50).stream().map(r -> DirectoryRunView.of(r, List.of())).toList();
    }

    public DirectoryRunView run(Caller caller, UUID runId) {
        permissions.require(caller, Permission.MANAGE_DIRECTORIES);
        DirectoryRun run = directories.run(runId).orElseThrow(() -> new NotFoundException("No such directory sync run"));
        return DirectoryRunView.of(run, directories.errorsOf(runId));
    }

    /** Future meetings hosted by users a directory has deactivated: an administrator should hand them over. */
    public List<OrphanedMeeting> orphanedMeetings(Caller caller) {
        permissions.require(caller, Permission.MANAGE_DIRECTORIES);
        return directories.orphanedMeetings();
    }

    public record OrphanedMeeting(UUID meetingId, String title, java.time.Instant startsAt, String deactivatedHost) {
    }

    private DirectoryRun queue(Directory d, DirectoryRun.Mode mode, DirectoryRun.Trigger trigger) {
        DirectoryRun run = directories.queue(d.id(), mode, trigger, clock.instant()).orElse(null);
        if (run == null) {
            return null;
        }
        queued.fire(new RunQueued(run.id()));
        return run;
    }

    private void configure(Directory d, DirectoryForm form) {
        DirectorySettings settings = form.settings() == null ? form.vendor() == null ? d.settings() : form.vendor().preset()
                : form.settings();
        DirectorySettingsCheck.requireValid(settings);
        List<RoleMapping> mappings = form.roleMappings() == null ? List.of() : form.roleMappings();
        for (int i = 0; i < mappings.size(); i++) {
            RoleMapping m = mappings.get(i);
            if (m == null || m.group() == null || m.group().isBlank() || !m.group().contains("=")) {
                throw new InvalidInputException("roleMappings[" + i + "].group", "must be a group's DN");
            }
            if (!Caller.REALM_ROLES.contains(m.role())) {
                throw new InvalidInputException("roleMappings[" + i + "].role", "must be one of " + new java.util.TreeSet<>(Caller.REALM_ROLES));
            }
        }
        int changesEvery = form.changesEveryMinutes() == null ? 15 : form.changesEveryMinutes();
        int fullEvery = form.fullEveryHours() == null ? 24 : form.fullEveryHours();
        if (changesEvery < 1 || changesEvery > 1440) {
            throw new InvalidInputException("changesEveryMinutes", "must be between 1 and 1440");
        }
        if (fullEvery < 1 || fullEvery > 720) {
            throw new InvalidInputException("fullEveryHours", "must be between 1 and 720");
        }
        d.configure(settings, mappings, form.enabled() == null || form.enabled(), changesEvery, fullEvery);
        if (form.bindPassword() != null) {
            d.sealBindPassword(form.bindPassword().isEmpty() ? null : sealing.seal(form.bindPassword()));
        }
    }

    private void requireFreeName(String name, UUID self) {
        if (name == null || name.isBlank() || name.trim().length() > 100) {
            throw new InvalidInputException("name", "must be 1 to 100 characters");
        }
        directories.named(name.trim()).stream().filter(d -> !d.id().equals(self)).findAny()
                .ifPresent(d -> {
                    throw new ConflictException("A directory named " + name.trim() + " exists already");
                });
    }

    private DirectoryReader.DirectoryAccess access(Directory d) {
        return new DirectoryReader.DirectoryAccess(d.settings(),
                d.hasBindPassword() ? sealing.open(d.bindPasswordSealed()) : "");
    }

    private Directory find(UUID id) {
        return directories.byId(id).orElseThrow(() -> new NotFoundException("No such directory"));
    }

}
