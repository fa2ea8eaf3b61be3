package io.convene.privacy;

import io.convene.platform.JobLeases;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every night at 03:17: purges what is older than the retention policy allows (on one node of a cluster). */
@Singleton
public class RetentionTimer {

    @jakarta.ejb.EJB
    io.convene.platform.DatabaseReach database;

    private static final Logger LOG = Logger.getLogger(RetentionTimer.class.getName());

    @EJB
    Retention retention;

    @EJB
    JobLeases leases;

    @Schedule(hour = "3", minute = "17", persistent = false)
    void nightly() {
        if (database.waiting("The retention purge")) {
            return;
        }
        try {
            if (!leases.hold("retention", java.time.Duration.ofHours(2))) {
                return; // another node purges tonight
            }
            retention.scheduledPurge();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The retention purge failed; tomorrow night tries again (or run it from the API)", e);
        }
    }
}
