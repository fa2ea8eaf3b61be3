package io.convene.reports;

import io.convene.platform.DatabaseSchema;
import io.convene.shared.AccessDeniedException;
import io.convene.shared.Caller;
import io.convene.shared.InvalidInputException;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/** One person's usage per day, week or month, from their participations (an index lookup by user). */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class UsageAnalytics {

    private static final Set<String> PERIODS = Set.of("day", "week", "month");

    @Resource(lookup = DatabaseSchema.DATA_SOURCE)
    DataSource db;

    /** {@code userId} null: the caller's own; another person's only for administrators and compliance officers. */
    public UsageReport usage(Caller caller, UUID userId, Instant from, Instant to, String period) {
        String unit = period == null ? "week" : period.toLowerCase(Locale.ROOT);
        if (!PERIODS.contains(unit)) {
            throw new InvalidInputException("period", "must be DAY, WEEK or MONTH");
        }
        if (from == null || to == null || !to.isAfter(from) || Duration.between(from, to).toDays() > 3660) {
            throw new InvalidInputException("to", "must be after from, at most ten years later");
        }
        UUID me = Readers.userOf(db, caller);
        UUID whose = userId == null ? me : userId;
        if (!whose.equals(me) && !Readers.seesEverything(caller)) {
            throw new AccessDeniedException("Only administrators and compliance officers read other people's usage");
        }
        List<UsageReport.Bucket> periods = Sql.list(db, """
                        select date_trunc(?, p.first_joined_at at time zone 'UTC') at time zone 'UTC' as period,
                               count(*) filter (where p.role = 'HOST') as hosted, count(*) as attended,
                               sum(p.attended_seconds) as seconds
                        from reporting_attendees p
                        where p.user_id = ? and p.first_joined_at >= ? and p.first_joined_at < ?
                        group by 1 order by 1""",
                r -> new UsageReport.Bucket(Sql.instant(r, "period"), r.getInt("hosted"), r.getInt("attended"),
                        r.getLong("seconds") / 60), unit, whose, from, to);
        UsageReport.Bucket totals = new UsageReport.Bucket(null,
                periods.stream().mapToInt(UsageReport.Bucket::meetingsHosted).sum(),
                periods.stream().mapToInt(UsageReport.Bucket::meetingsAttended).sum(),
                periods.stream().mapToLong(UsageReport.Bucket::minutes).sum());
        return new UsageReport(whose, unit.toUpperCase(Locale.ROOT), from, to, totals, periods);
    }
}
