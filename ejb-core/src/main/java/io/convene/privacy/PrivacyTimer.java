package io.convene.privacy;

import io.convene.platform.JobLeases;
import io.convene.storage.BlobStore;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Once a minute: starts exports that were queued but never started (their node went down first),
 * and deletes the files of exports whose day is over (as the report clock does for reports).
 */
@Singleton
public class PrivacyTimer {

    @jakarta.ejb.EJB
    io.convene.platform.DatabaseReach database;

    private static final Logger LOG = Logger.getLogger(PrivacyTimer.class.getName());

    @EJB
    PrivacyRequests requests;

    @EJB
    PrivacyExports exports;

    @EJB
    JobLeases leases;

    @jakarta.ejb.EJB
    BlobStore blobs;

    @Schedule(minute = "*", hour = "*", persistent = false)
    void tick() {
        if (database.waiting("Privacy upkeep")) {
            return;
        }
        try {
            if (!leases.hold("privacy-upkeep", java.time.Duration.ofMinutes(3))) {
                return; // another node restarts stranded exports and deletes expired ones
            }
            Instant now = Instant.now();
            requests.stranded(now).forEach(exports::runLater);
            for (String key : requests.expire(now)) { // committed first: a file left over is a stray, never a broken link
                blobs.delete(key);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Exports' upkeep failed; next minute tries again", e);
        }
    }
}
