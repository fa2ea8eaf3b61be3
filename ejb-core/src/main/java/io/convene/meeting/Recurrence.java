package io.convene.meeting;

import io.convene.shared.InvalidInputException;
import io.convene.shared.InvalidInputException.FieldError;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How a meeting repeats: the part of RFC 5545's RRULE that people choose when scheduling — daily,
 * weekly on some days, monthly on the first occurrence's day of the month; every {@code interval}
 * days, weeks or months; until a date (inclusive, in the meeting's zone) or {@code count} times.
 * A series holds at most {@link #MOST} occurrences and reaches at most two years past its start.
 */
public record Recurrence(Frequency frequency, int interval, Set<DayOfWeek> days, Integer count, LocalDate until) {

    public enum Frequency { DAILY, WEEKLY, MONTHLY }

    public static final int MOST = 100;
    static final long YEARS_AHEAD = 2;
    private static final DateTimeFormatter UTC_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    public Recurrence {
        days = days == null || days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
    }

    /** Checks a rule as a person gave it; every problem is named by its field under {@code recurrence}. */
    static Recurrence checked(Frequency frequency, Integer interval, Set<DayOfWeek> days, Integer count, LocalDate until,
                              LocalDateTime firstStart) {
        List<FieldError> errors = new ArrayList<>();
        if (frequency == null) {
            errors.add(new FieldError("recurrence.frequency", "must be DAILY, WEEKLY or MONTHLY"));
        }
        int every = interval == null ? 1 : interval;
        if (every < 1 || every > 12) {
            errors.add(new FieldError("recurrence.interval", "must be between 1 and 12"));
        }
        if (days != null && !days.isEmpty() && frequency != Frequency.WEEKLY) {
            errors.add(new FieldError("recurrence.days", "only a weekly meeting repeats on chosen days"));
        }
        if ((count == null) == (until == null)) {
            errors.add(new FieldError("recurrence.count", "give either a number of times or an end date"));
        } else if (count != null && (count < 2 || count > MOST)) {
            errors.add(new FieldError("recurrence.count", "must be between 2 and " + MOST));
        } else if (until != null && firstStart != null && !until.isAfter(firstStart.toLocalDate())) {
            errors.add(new FieldError("recurrence.until", "must be after the first meeting's day"));
        } else if (until != null && firstStart != null && until.isAfter(firstStart.toLocalDate().plusYears(YEARS_AHEAD))) {
            errors.add(new FieldError("recurrence.until", "a series reaches at most " + YEARS_AHEAD + " years ahead"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Recurrence rule = new Recurrence(frequency, every, days, count, until);
        if (firstStart != null && rule.starts(firstStart).size() < 2) {
            throw new InvalidInputException("recurrence", "the rule gives fewer than two meetings");
        }
        return rule;
    }

    /**
     * The starts of the series, the first being {@code first} (the first occurrence is always the one
     * scheduled, as RFC 5545 counts DTSTART), on the wall clock of the meeting's zone.
     */
    public List<LocalDateTime> starts(LocalDateTime first) {
        int most = count == null ? MOST : Math.min(count, MOST);
        LocalDate last = first.toLocalDate().plusYears(YEARS_AHEAD);
        if (until != null && until.isBefore(last)) {
            last = until;
        }
        List<LocalDateTime> starts = new ArrayList<>();
        starts.add(first);
        for (long period = 0; !periodStart(first.toLocalDate(), period).isAfter(last); period += interval) {
            for (LocalDate day : datesIn(first.toLocalDate(), period)) {
                if (starts.size() >= most || day.isAfter(last)) {
                    return starts;
                }
                if (day.isAfter(first.toLocalDate())) {
                    starts.add(day.atTime(first.toLocalTime()));
                }
            }
        }
        return starts;
    }

    /** The first day of the {@code period}-th day, week (from Monday) or month after the first's. */
    private LocalDate periodStart(LocalDate first, long period) {
        return switch (frequency) {
            case DAILY -> first.plusDays(period);
            case WEEKLY -> first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(period);
            case MONTHLY -> first.withDayOfMonth(1).plusMonths(period);
        };
    }

    /** The days of the {@code period}-th day, week or month after the first's. */
    private List<LocalDate> datesIn(LocalDate first, long period) {
        return switch (frequency) {
            case DAILY -> List.of(first.plusDays(period));
            case WEEKLY -> {
                LocalDate monday = periodStart(first, period);
                Set<DayOfWeek> on = days.isEmpty() ? Set.of(first.getDayOfWeek()) : days;
                yield new TreeSet<>(on).stream().map(d -> monday.plusDays(d.getValue() - 1L)).toList();
            }
            case MONTHLY -> {
                LocalDate month = periodStart(first, period);
                yield first.getDayOfMonth() <= month.lengthOfMonth()
                        ? List.of(month.withDayOfMonth(first.getDayOfMonth())) : List.of(); // RFC 5545: no 31 February
            }
        };
    }

    /** The RRULE value ("FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE;COUNT=10"), UNTIL as the end of its day in UTC. */
    public String rrule(ZoneId zone, LocalDateTime first) {
        StringBuilder rule = new StringBuilder("FREQ=").append(frequency).append(";INTERVAL=").append(interval);
        if (frequency == Frequency.WEEKLY) {
            Set<DayOfWeek> on = days.isEmpty() ? Set.of(first.getDayOfWeek()) : days;
            rule.append(";BYDAY=").append(new TreeSet<>(on).stream().map(d -> d.name().substring(0, 2))
                    .collect(Collectors.joining(",")));
        }
        if (count != null) {
            rule.append(";COUNT=").append(count);
        } else {
            LocalDateTime lastMoment = until.atTime(23, 59, 59);
            rule.append(";UNTIL=").append(UTC_STAMP.format(lastMoment.atZone(zone).withZoneSameInstant(ZoneOffset.UTC)));
        }
        return rule.toString();
    }

    /** In words, for mails: "every 2 weeks on Monday, Wednesday, 10 times". */
    public String describe() {
        String unit = switch (frequency) {
            case DAILY -> "day";
            case WEEKLY -> "week";
            case MONTHLY -> "month";
        };
        StringBuilder text = new StringBuilder(interval == 1 ? "every " + unit : "every " + interval + " " + unit + "s");
        if (!days.isEmpty()) {
            text.append(" on ").append(new TreeSet<>(days).stream()
                    .map(d -> d.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH))
                    .collect(Collectors.joining(", ")));
        }
        return text.append(count != null ? ", " + count + " times" : ", until " + until).toString();
    }

    /** Reads back what {@link #rrule} wrote. */
    public static Recurrence parse(String rrule, ZoneId zone) {
        Frequency frequency = null;
        int interval = 1;
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Integer count = null;
        LocalDate until = null;
        for (String part : rrule.split(";")) {
            String[] kv = part.split("=", 2);
            switch (kv[0]) {
                case "FREQ" -> frequency = Frequency.valueOf(kv[1]);
                case "INTERVAL" -> interval = Integer.parseInt(kv[1]);
                case "BYDAY" -> Arrays.stream(kv[1].split(",")).map(Recurrence::day).forEach(days::add);
                case "COUNT" -> count = Integer.parseInt(kv[1]);
                case "UNTIL" -> until = LocalDateTime.parse(kv[1], UTC_STAMP).atZone(ZoneOffset.UTC)
                        .withZoneSameInstant(zone).toLocalDate();
                default -> throw new IllegalArgumentException("Unknown RRULE part " + part);
            }
        }
        return new Recurrence(frequency, interval, frequency == Frequency.WEEKLY && days.size() > 0 ? days : Set.of(), count,
                until);
    }

    private static DayOfWeek day(String two) {
        return Arrays.stream(DayOfWeek.values()).filter(d -> d.name().startsWith(two)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown day " + two));
    }
}
