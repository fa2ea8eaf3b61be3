package io.convene.reports;

import io.convene.audit.AuditAction;
import io.convene.audit.AuditTrailEjb;
import io.convene.shared.AccessDeniedException;
import io.convene.shared.Caller;
import io.convene.shared.ConflictException;
import io.convene.shared.NotFoundException;
import io.convene.storage.BlobStore;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Organisation-wide usage reports for administrators and compliance officers: asked for, made in
 * the background ({@link UsageReportExports}), watched, downloaded while they last. Asking and
 * downloading are audited.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UsageReports {

    @EJB
    ReportJobs jobs;

    @EJB
    UsageReportExports exports;

    @EJB
    AuditTrailEjb audit;

    @EJB
    OrganisationUsage usage;

    @jakarta.ejb.EJB
    BlobStore blobs;

    public record Download(String fileName, String contentType, long size, InputStream content) {
    }

    public ReportJob request(Caller caller, ReportFormat format, UsageQuery query) {
        requireReader(caller);
        UUID id = UUID.randomUUID();
        UUID requester = audit.action(caller, AuditAction.REPORT_USAGE_REQUESTED, "report:" + id,
                format + " by " + query.period().name().toLowerCase() + ", " + query.from() + " to " + query.to());
        jobs.create(id, requester, format, query, Instant.now());
        exports.runLater(id);
        return jobs.find(id);
    }

    /** The rows for everyone, one per period (no departments): what the console charts before exporting. */
    public List<UsageRow> overview(Caller caller, UsageQuery query) {
        requireReader(caller);
        List<UsageRow> rows = new java.util.ArrayList<>();
        usage.read(query, () -> { }, r -> {
            if (r.everyone()) {
                rows.add(r);
            }
        });
        return rows;
    }

    public ReportJob job(Caller caller, UUID id) {
        requireReader(caller);
        ReportJob job = jobs.find(id);
        if (job == null) {
            throw new NotFoundException("No such report");
        }
        return job;
    }

    public List<ReportJob> recent(Caller caller) {
        requireReader(caller);
        return jobs.recent(50);
    }

    public Download download(Caller caller, UUID id) {
        ReportJob job = job(caller, id);
        switch (job.state()) {
            case READY -> { }
            case EXPIRED -> throw new ConflictException("This report's download has expired; ask for it again");
            case FAILED -> throw new ConflictException("This report failed: " + job.failure());
            default -> throw new ConflictException("The report is not ready yet (" + job.progress() + " %)");
        }
        if (job.expiresAt().isBefore(Instant.now())) {
            throw new ConflictException("This report's download has expired; ask for it again");
        }
        audit.action(caller, AuditAction.REPORT_USAGE_DOWNLOADED, "report:" + id, job.fileName());
        return new Download(job.fileName(), job.format().contentType(), job.sizeBytes(), blobs.open(jobs.blobKey(id)));
    }

    private static void requireReader(Caller caller) {
        if (!Readers.seesEverything(caller)) {
            throw new AccessDeniedException("Usage reports are for administrators and compliance officers");
        }
    }
}
