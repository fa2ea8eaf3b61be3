package io.convene.directory;

import io.convene.shared.Permission;
import io.convene.shared.Permissions;
import io.convene.audit.AuditAction;
import io.convene.platform.Sealing;
import io.convene.shared.Caller;
import io.convene.shared.ConflictException;
import io.convene.shared.InvalidInputException;
import io.convene.shared.NotFoundException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
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

    @PersistenceContext(unitName = "convene")
    EntityManager em;

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
        em.persist(d);
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
        if (em.createQuery("select count(r) from DirectoryRun r where r.directoryId = :d and r.state in :active", Long.class)
                .setParameter("d", id).setParameter("active", List.of(DirectoryRun.State.QUEUED, DirectoryRun.State.RUNNING))
                .getSingleResult() > 0) {
            throw new ConflictException("A sync of this directory is running; delete it when the run has finished");
        }
        em.createNativeQuery("update users set status = 'DISABLED', version = version + 1 where directory_id = ?1")
                .setParameter(1, id).executeUpdate();
        em.remove(d);
        audit.action(caller, AuditAction.DIRECTORY_DELETED, "directory:" + id, d.name());
        em.flush();
        if (d.federationId() != null) {
            federation.unregister(d.federationId()); // last: a failure here rolls the rest back
        }
        LOG.info(() -> "Directory " + id + " removed by " + caller.subject() + "; its users are deactivated");
    }

    public List<DirectoryView> list(Caller caller) {
        permissions.require(caller, Permission.MANAGE_DIRECTORIES);
        return em.createQuery("select d from Directory d order by d.name", Directory.class).getResultStream()
                .map(DirectoryView::of).toList();
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
        for (Directory d : em.createQuery("select d from Directory d where d.enabled = true", Directory.class).getResultList()) {
            DirectoryRun.Mode due = d.due(clock.instant());
            if (due != null && queue(d, due, DirectoryRun.Trigger.SCHEDULE) != null) {
                LOG.info(() -> "Directory sync of " + d.name() + " (" + due + ") queued by the schedule");
            }
        }
    }

    /** Runs queued over a minute ago and never started (the node that queued them went down first). */
    public List<UUID> strandedRuns() {
        return em.createQuery("select r.id from DirectoryRun r where r.state = :q and r.queuedAt < :before", UUID.class)
                .setParameter("q", DirectoryRun.State.QUEUED).setParameter("before", clock.instant().minusSeconds(60))
                .getResultList();
    }

    public List<DirectoryRunView> runs(Caller caller, UUID id) {
        permissions.require(caller, Permission.MANAGE_DIRECTORIES);
        find(id);
        return em.createQuery("select r from DirectoryRun r where r.directoryId = :d order by r.queuedAt desc", DirectoryRun.class)
                .setParameter("d", id).setMaxResults(50).getResultStream().map(r -> DirectoryRunView.of(r, List.of())).toList();
    }

    public DirectoryRunView run(Caller caller, UUID runId) {
        permissions.require(caller, Permission.MANAGE_DIRECTORIES);
        DirectoryRun run = em.find(DirectoryRun.class, runId);
        if (run == null) {
            throw new NotFoundException("No such directory sync run");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select entry, message from directory_run_errors where run_id = ?1 order by entry")
                .setParameter(1, runId).getResultList();
        List<DirectoryRunView.EntryError> errors = new ArrayList<>();
        rows.forEach(r -> errors.add(new DirectoryRunView.EntryError((String) r[0], (String) r[1])));
        return DirectoryRunView.of(run, errors);
    }

    /** Future meetings hosted by users a directory has deactivated: an administrator should hand them over. */
    public List<OrphanedMeeting> orphanedMeetings(Caller caller) {
        permissions.require(caller, Permission.MANAGE_DIRECTORIES);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select m.id, m.title, m.starts_at, u.email from meetings m join users u on u.id = m.host_id
                        where u.status = 'DISABLED' and m.status = 'SCHEDULED' and m.starts_at > now()
                        order by m.starts_at limit 500""").getResultList();
        return rows.stream().map(r -> new OrphanedMeeting((UUID) r[0], (String) r[1],
                (java.time.Instant) r[2], (String) r[3])).toList();
    }

    public record OrphanedMeeting(UUID meetingId, String title, java.time.Instant startsAt, String deactivatedHost) {
    }

    private DirectoryRun queue(Directory d, DirectoryRun.Mode mode, DirectoryRun.Trigger trigger) {
        // the partial unique index allows one queued or running run per directory, on every node
        int inserted = em.createNativeQuery("""
                        insert into directory_runs (id, directory_id, mode, trigger, state, queued_at)
                        values (?1, ?2, ?3, ?4, 'QUEUED', ?5) on conflict do nothing""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, d.id()).setParameter(3, mode.name())
                .setParameter(4, trigger.name()).setParameter(5, clock.instant()).executeUpdate();
        if (inserted == 0) {
            return null;
        }
        DirectoryRun run = em.createQuery("select r from DirectoryRun r where r.directoryId = :d and r.state = :q", DirectoryRun.class)
                .setParameter("d", d.id()).setParameter("q", DirectoryRun.State.QUEUED).getSingleResult();
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
        em.createQuery("select d from Directory d where lower(d.name) = lower(:n)", Directory.class)
                .setParameter("n", name.trim()).getResultStream().filter(d -> !d.id().equals(self)).findAny()
                .ifPresent(d -> {
                    throw new ConflictException("A directory named " + name.trim() + " exists already");
                });
    }

    private DirectoryReader.DirectoryAccess access(Directory d) {
        return new DirectoryReader.DirectoryAccess(d.settings(),
                d.hasBindPassword() ? sealing.open(d.bindPasswordSealed()) : "");
    }

    private Directory find(UUID id) {
        Directory d = em.find(Directory.class, id);
        if (d == null) {
            throw new NotFoundException("No such directory");
        }
        return d;
    }

}
