package io.convene.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A usage report being made in the background, as its requester sees it: how far it got, and once
 * READY, how big the file is and until when it can be downloaded.
 */
public record ReportJob(UUID id, ReportFormat format, UsageQuery.Period period, LocalDate from, LocalDate to,
                        State state, int progress, long rowsWritten, Long sizeBytes, String failure,
                        UUID requestedBy, Instant requestedAt, Instant finishedAt, Instant expiresAt) {

    public enum State { QUEUED, RUNNING, READY, FAILED, EXPIRED }

    public String fileName() {
        return "convene-usage-" + period.name().toLowerCase() + "-" + from + "-to-" + to.minusDays(1) + "." + format.extension();
    }

    UsageQuery query() {
        return new UsageQuery(period, from, to);
    }
}
