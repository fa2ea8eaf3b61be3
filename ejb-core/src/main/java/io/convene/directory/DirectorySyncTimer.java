package io.convene.directory;

import io.convene.platform.JobLeases;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Once a minute: queues the syncs the directories' schedules make due, starts queued runs nobody
 * started, and fails runs that stopped showing progress (their node went down), so none blocks the next.
 */
@Singleton
public class DirectorySyncTimer {

    @jakarta.ejb.EJB
    io.convene.platform.DatabaseReach database;

    private static final Logger LOG = Logger.getLogger(DirectorySyncTimer.class.getName());

    @EJB
    DirectoryService directories;

    /** Longer than any single step of a run (Keycloak's import of 50,000 people included). */
    private static final java.time.Duration SILENCE = java.time.Duration.ofMinutes(30);

    @EJB
    DirectorySync sync;

    @EJB
    DirectoryRuns runs;

    @EJB
    JobLeases leases;

    @Schedule(minute = "*", hour = "*", persistent = false)
    void tick() {
        if (database.waiting("Directory syncs")) {
            return;
        }
        try {
            if (!leases.hold("directory-syncs", java.time.Duration.ofMinutes(3))) {
                return; // another node runs them
            }
            directories.queueDue();
            directories.strandedRuns().forEach(sync::runLater);
            java.time.Instant now = java.time.Instant.now();
            int cut = runs.failSilent(now.minus(SILENCE), now);
            if (cut > 0) {
                LOG.warning(() -> cut + " directory sync run(s) showed no progress for " + SILENCE.toMinutes()
                        + " minutes and are marked failed; the next scheduled or requested run starts over");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Queueing due directory syncs failed; next minute tries again", e);
        }
    }
}
