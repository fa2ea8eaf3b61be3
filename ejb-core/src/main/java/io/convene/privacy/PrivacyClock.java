package io.convene.privacy;

import io.convene.platform.JobLeases;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Once a minute: starts exports that were queued but never started (their node went down first). */
@Singleton
public class PrivacyClock {

    private static final Logger LOG = Logger.getLogger(PrivacyClock.class.getName());

    @EJB
    PrivacyRequests requests;

    @EJB
    PrivacyExports exports;

    @EJB
    JobLeases leases;

    @Schedule(minute = "*", hour = "*", persistent = false)
    void tick() {
        try {
            if (!leases.hold("privacy-upkeep", java.time.Duration.ofMinutes(3))) {
                return; // another node restarts stranded exports
            }
            requests.stranded(Instant.now()).forEach(exports::runLater);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Restarting stranded exports failed; next minute tries again", e);
        }
    }
}
