package io.convene.directory;

import io.convene.shared.Jsons;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A sync run's own record, each step committed at once (the run itself is outside any transaction). */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DirectoryRuns {

    @PersistenceContext(unitName = "convene")
    EntityManager em;

    /** Takes a queued run for this thread; null when it is not queued any more. */
    public DirectoryRun claim(UUID runId, Instant now) {
        int taken = em.createQuery("update DirectoryRun r set r.state = :running, r.startedAt = :now, r.heartbeatAt = :now"
                        + " where r.id = :id and r.state = :queued")
                .setParameter("running", DirectoryRun.State.RUNNING).setParameter("now", now)
                .setParameter("id", runId).setParameter("queued", DirectoryRun.State.QUEUED).executeUpdate();
        return taken == 0 ? null : em.find(DirectoryRun.class, runId);
    }

    public DirectoryRun run(UUID runId) {
        return em.find(DirectoryRun.class, runId);
    }

    public Directory directory(UUID directoryId) {
        return em.find(Directory.class, directoryId);
    }

    public void federated(UUID directoryId, String federationId, Set<String> grantedGroups) {
        Directory d = em.find(Directory.class, directoryId);
        d.federatedAs(federationId);
        d.granted(grantedGroups);
    }

    public void succeed(UUID runId, UUID directoryId, String marker, DirectoryFederation.ImportCounts imported,
                        Instant now) {
        DirectoryRun run = em.find(DirectoryRun.class, runId);
        run.succeed(Jsons.createObjectBuilder().add("added", imported.added())
                .add("updated", imported.updated()).add("removed", imported.removed())
                .add("failed", imported.failed()).add("millis", imported.millis()).build().toString(), now);
        em.find(Directory.class, directoryId).synced(run.mode(), marker, now);
    }

    public void fail(UUID runId, String reason, Instant now) {
        em.find(DirectoryRun.class, runId).fail(reason, now);
    }

    /** Marks as failed the runs that have shown no progress since {@code silentSince}; answers how many. */
    public int failSilent(Instant silentSince, Instant now) {
        return em.createQuery("update DirectoryRun r set r.state = :failed, r.finishedAt = :now, r.error = :why"
                        + " where r.state = :running and r.heartbeatAt < :since")
                .setParameter("failed", DirectoryRun.State.FAILED).setParameter("now", now)
                .setParameter("why", "Interrupted: no progress since " + silentSince + " (the node running it stopped?)")
                .setParameter("running", DirectoryRun.State.RUNNING).setParameter("since", silentSince).executeUpdate();
    }
}
