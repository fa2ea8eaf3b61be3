package io.convene.reports;

import io.convene.platform.JobLeases;
import io.convene.storage.BlobStore;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Once a minute: restarts report jobs a stopped node left behind, and deletes the files of expired ones. */
@Singleton
public class ReportTimer {

    @jakarta.ejb.EJB
    io.convene.platform.DatabaseReach database;

    private static final Logger LOG = Logger.getLogger(ReportTimer.class.getName());

    @EJB
    ReportJobs jobs;

    @EJB
    UsageReportExports exports;

    @jakarta.ejb.EJB
    BlobStore blobs;

    @EJB
    JobLeases leases;

    @Schedule(minute = "*", hour = "*", persistent = false)
    void tick() {
        if (database.waiting("Report jobs")) {
            return;
        }
        try {
            if (!leases.hold("report-upkeep", java.time.Duration.ofMinutes(3))) {
                return; // another node restarts stranded reports and deletes expired files
            }
            Instant now = Instant.now();
            jobs.stranded(now).forEach(exports::runLater);
            for (String key : jobs.expire(now)) {
                blobs.delete(key);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Report jobs' upkeep failed; next minute tries again", e);
        }
    }
}
