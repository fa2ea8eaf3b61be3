package io.convene.reports;

import io.convene.shared.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * What an organisation-wide usage report covers: UTC days from {@code from} up to {@code to}
 * (exclusive), in periods of a day, an ISO week or a calendar month. Long ranges need long periods,
 * so that no report has more than a few thousand periods.
 */
public record UsageQuery(Period period, LocalDate from, LocalDate to) {

    public enum Period {
        DAY(400), WEEK(366 * 5), MONTH(366 * 10);

        private final int maxDays;

        Period(int maxDays) {
            this.maxDays = maxDays;
        }

        /** PostgreSQL's {@code date_trunc} field. */
        String field() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The first day of the period {@code day} falls in. */
        public LocalDate start(LocalDate day) {
            return switch (this) {
                case DAY -> day;
                case WEEK -> day.minusDays(day.getDayOfWeek().getValue() - 1L);
                case MONTH -> day.withDayOfMonth(1);
            };
        }

        public LocalDate next(LocalDate start) {
            return switch (this) {
                case DAY -> start.plusDays(1);
                case WEEK -> start.plusWeeks(1);
                case MONTH -> start.plusMonths(1);
            };
        }

        /** How a person reads the period that starts on {@code start}. */
        public String label(LocalDate start) {
            return switch (this) {
                case DAY -> start.toString();
                case WEEK -> start.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                        + String.format(Locale.ROOT, "%02d", start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                case MONTH -> start.toString().substring(0, 7);
            };
        }
    }

    public UsageQuery {
        if (period == null) {
            throw new InvalidInputException("period", "must be DAY, WEEK or MONTH");
        }
        if (from == null || to == null || !to.isAfter(from)) {
            throw new InvalidInputException("to", "must be a date after from");
        }
        if (ChronoUnit.DAYS.between(from, to) > period.maxDays) {
            throw new InvalidInputException("to", "a report by " + period.field() + " covers at most " + period.maxDays
                    + " days; choose a longer period or a shorter range");
        }
    }

    public static Period period(String name) {
        try {
            return name == null ? Period.WEEK : Period.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("period", "must be DAY, WEEK or MONTH");
        }
    }

    public Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public Instant end() {
        return to.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** How many periods the report has (the first and last may be cut by the range). */
    public int periods() {
        int n = 0;
        for (LocalDate p = period.start(from); p.isBefore(to); p = period.next(p)) {
            n++;
        }
        return n;
    }

    Duration length() {
        return Duration.between(start(), end());
    }
}
