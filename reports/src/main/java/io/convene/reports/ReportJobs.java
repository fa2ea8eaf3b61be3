package io.convene.reports;

import io.convene.platform.DatabaseSchema;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Report jobs' rows ({@code report_jobs}), each change committed at once: a job is watched while it runs. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReportJobs {

    /** How long a finished report can be downloaded. */
    static final Duration KEPT = Duration.ofDays(7);

    private static final String COLUMNS = "id, format, period, from_at, to_at, state, progress, rows_written, size_bytes, "
            + "failure, requested_by, requested_at, finished_at, expires_at";

    @Resource(lookup = DatabaseSchema.DATA_SOURCE)
    DataSource db;

    public void create(UUID id, UUID requestedBy, ReportFormat format, UsageQuery query, Instant now) {
        update("insert into report_jobs (id, requested_by, format, period, from_at, to_at, state, requested_at, touched_at) "
                        + "values (?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?)",
                id, requestedBy, format.name(), query.period().name(), query.start(), query.end(), now, now);
    }

    public ReportJob find(UUID id) {
        return Sql.one(db, "select " + COLUMNS + " from report_jobs where id = ?", ReportJobs::job, id);
    }

    public List<ReportJob> recent(int max) {
        return Sql.list(db, "select " + COLUMNS + " from report_jobs order by requested_at desc limit ?", ReportJobs::job, max);
    }

    /** Takes a queued job for this node; false when somebody else has it. */
    public boolean claim(UUID id, Instant now) {
        return update("update report_jobs set state = 'RUNNING', progress = 1, touched_at = ? where id = ? and state = 'QUEUED'",
                now, id) == 1;
    }

    public void progress(UUID id, int percent, long rows, Instant now) {
        update("update report_jobs set progress = ?, rows_written = ?, touched_at = ? where id = ? and state = 'RUNNING'",
                percent, rows, now, id);
    }

    public void ready(UUID id, long rows, String blobKey, long size, Instant now) {
        update("update report_jobs set state = 'READY', progress = 100, rows_written = ?, blob_key = ?, size_bytes = ?, "
                + "finished_at = ?, expires_at = ?, touched_at = ? where id = ?", rows, blobKey, size, now, now.plus(KEPT), now, id);
    }

    public void failed(UUID id, String failure, Instant now) {
        update("update report_jobs set state = 'FAILED', failure = ?, finished_at = ?, touched_at = ? where id = ?",
                failure.length() > 1000 ? failure.substring(0, 1000) : failure, now, now, id);
    }

    public String blobKey(UUID id) {
        return Sql.one(db, "select blob_key from report_jobs where id = ?", r -> r.getString("blob_key"), id);
    }

    /** Jobs queued over a minute ago that nobody took, and running ones silent for ten minutes (their node stopped), queued again. */
    public List<UUID> stranded(Instant now) {
        update("update report_jobs set state = 'QUEUED' where state = 'RUNNING' and touched_at < ?", now.minus(Duration.ofMinutes(10)));
        return Sql.list(db, "select id from report_jobs where state = 'QUEUED' and touched_at < ?", r -> Sql.uuid(r, "id"),
                now.minusSeconds(60));
    }

    /** Ready jobs past their time: marked expired; answers their files' keys, to be deleted. */
    public List<String> expire(Instant now) {
        return Sql.list(db, "update report_jobs set state = 'EXPIRED', blob_key = null from report_jobs old "
                + "where report_jobs.id = old.id and report_jobs.state = 'READY' and report_jobs.expires_at < ? "
                + "returning old.blob_key", r -> r.getString("blob_key"), now);
    }

    private int update(String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            Sql.bind(s, params);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Report job update failed: " + e.getMessage(), e);
        }
    }

    private static ReportJob job(ResultSet r) throws SQLException {
        long size = r.getLong("size_bytes");
        Long sizeBytes = r.wasNull() ? null : size;
        return new ReportJob(Sql.uuid(r, "id"), ReportFormat.valueOf(r.getString("format")),
                UsageQuery.Period.valueOf(r.getString("period")),
                Sql.instant(r, "from_at").atZone(ZoneOffset.UTC).toLocalDate(),
                Sql.instant(r, "to_at").atZone(ZoneOffset.UTC).toLocalDate(),
                ReportJob.State.valueOf(r.getString("state")), r.getInt("progress"), r.getLong("rows_written"), sizeBytes,
                r.getString("failure"), Sql.uuid(r, "requested_by"), Sql.instant(r, "requested_at"),
                Sql.instant(r, "finished_at"), Sql.instant(r, "expires_at"));
    }
}
