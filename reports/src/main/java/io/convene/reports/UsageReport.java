package io.convene.reports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One person's meetings per period: hosted, attended, minutes in meetings. */
public record UsageReport(UUID userId, String period, Instant from, Instant to, Bucket totals, List<Bucket> periods) {

    /** @param start the period's first instant (UTC); null for the totals */
    public record Bucket(Instant start, int meetingsHosted, int meetingsAttended, long minutes) {
    }
}
