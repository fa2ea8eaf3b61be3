package io.convene.directory.persistence;

import io.convene.directory.Directory;
import io.convene.directory.DirectoryRepository;
import io.convene.directory.DirectoryRun;
import io.convene.directory.DirectoryRunView;
import io.convene.directory.DirectoryService;
import io.convene.shared.NativeValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link DirectoryRepository} in PostgreSQL: directories and runs by JPA, a run's errors and its queueing by SQL. */
@ApplicationScoped
public class JpaDirectoryRepository implements DirectoryRepository {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Override
    public Optional<Directory> byId(UUID id) {
        return Optional.ofNullable(em.find(Directory.class, id));
    }

    @Override
    public void add(Directory directory) {
        em.persist(directory);
    }

    @Override
    public void remove(Directory directory) {
        em.remove(directory);
    }

    @Override
    public List<Directory> all() {
        return em.createQuery("select d from Directory d order by d.name", Directory.class).getResultList();
    }

    @Override
    public List<Directory> enabled() {
        return em.createQuery("select d from Directory d where d.enabled = true", Directory.class).getResultList();
    }

    @Override
    public List<Directory> named(String name) {
        return em.createQuery("select d from Directory d where lower(d.name) = lower(:n)", Directory.class)
                .setParameter("n", name).getResultList();
    }

    @Override
    public boolean isSyncing(UUID directoryId) {
        return em.createQuery("select count(r) from DirectoryRun r where r.directoryId = :d and r.state in :active", Long.class)
                .setParameter("d", directoryId).setParameter("active", List.of(DirectoryRun.State.QUEUED, DirectoryRun.State.RUNNING))
                .getSingleResult() > 0;
    }

    @Override
    public Optional<DirectoryRun> queue(UUID directoryId, DirectoryRun.Mode mode, DirectoryRun.Trigger trigger, Instant now) {
        // the partial unique index allows one queued or running run per directory, on every node
        int inserted = em.createNativeQuery("""
                        insert into directory_runs (id, directory_id, mode, trigger, state, queued_at)
                        values (?1, ?2, ?3, ?4, 'QUEUED', ?5) on conflict do nothing""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, directoryId).setParameter(3, mode.name())
                .setParameter(4, trigger.name()).setParameter(5, now).executeUpdate();
        if (inserted == 0) {
            return Optional.empty();
        }
        return Optional.of(em.createQuery("select r from DirectoryRun r where r.directoryId = :d and r.state = :q", DirectoryRun.class)
                .setParameter("d", directoryId).setParameter("q", DirectoryRun.State.QUEUED).getSingleResult());
    }

    @Override
    public Optional<DirectoryRun> claim(UUID runId, Instant now) {
        int taken = em.createQuery("update DirectoryRun r set r.state = :running, r.startedAt = :now, r.heartbeatAt = :now"
                        + " where r.id = :id and r.state = :queued")
                .setParameter("running", DirectoryRun.State.RUNNING).setParameter("now", now)
                .setParameter("id", runId).setParameter("queued", DirectoryRun.State.QUEUED).executeUpdate();
        return taken == 0 ? Optional.empty() : run(runId);
    }

    @Override
    public Optional<DirectoryRun> run(UUID runId) {
        return Optional.ofNullable(em.find(DirectoryRun.class, runId));
    }

    @Override
    public List<DirectoryRun> runsOf(UUID directoryId, int max) {
        return em.createQuery("select r from DirectoryRun r where r.directoryId = :d order by r.queuedAt desc", DirectoryRun.class)
                .setParameter("d", directoryId).setMaxResults(max).getResultList();
    }

    @Override
    public List<UUID> queuedBefore(Instant before) {
        return em.createQuery("select r.id from DirectoryRun r where r.state = :q and r.queuedAt < :before", UUID.class)
                .setParameter("q", DirectoryRun.State.QUEUED).setParameter("before", before).getResultList();
    }

    @Override
    public int failSilent(Instant silentSince, Instant now) {
        return em.createQuery("update DirectoryRun r set r.state = :failed, r.finishedAt = :now, r.error = :why"
                        + " where r.state = :running and r.heartbeatAt < :since")
                .setParameter("failed", DirectoryRun.State.FAILED).setParameter("now", now)
                .setParameter("why", "Interrupted: no progress since " + silentSince + " (the node running it stopped?)")
                .setParameter("running", DirectoryRun.State.RUNNING).setParameter("since", silentSince).executeUpdate();
    }

    @Override
    public List<DirectoryRunView.EntryError> errorsOf(UUID runId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select entry, message from directory_run_errors where run_id = ?1 order by entry")
                .setParameter(1, runId).getResultList();
        return rows.stream().map(r -> new DirectoryRunView.EntryError((String) r[0], (String) r[1])).toList();
    }

    @Override
    public void addErrors(UUID runId, List<DirectoryRunView.EntryError> errors, int max) {
        Number kept = (Number) em.createNativeQuery("select count(*) from directory_run_errors where run_id = ?1")
                .setParameter(1, runId).getSingleResult();
        errors.stream().limit(Math.max(0, max - kept.intValue())).forEach(e -> em.createNativeQuery(
                        "insert into directory_run_errors (run_id, entry, message) values (?1, ?2, ?3)")
                .setParameter(1, runId).setParameter(2, truncate(e.entry(), 1000)).setParameter(3, e.message()).executeUpdate());
    }

    @Override
    public List<DirectoryService.OrphanedMeeting> orphanedMeetings() {
        // the one read across contexts here: the console's list joins the user context's accounts to the meetings they host
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select m.id, m.title, m.starts_at, u.email from meetings m join users u on u.id = m.host_id
                        where u.status = 'DISABLED' and m.status = 'SCHEDULED' and m.starts_at > now()
                        order by m.starts_at limit 500""").getResultList();
        return rows.stream().map(r -> new DirectoryService.OrphanedMeeting((UUID) r[0], (String) r[1],
                NativeValues.instant(r[2]), (String) r[3])).toList();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
