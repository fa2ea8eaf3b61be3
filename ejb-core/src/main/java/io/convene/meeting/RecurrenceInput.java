package io.convene.meeting;

import io.convene.shared.InvalidInputException;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * How a meeting to schedule repeats, as a client sends it: {@code frequency} DAILY, WEEKLY or
 * MONTHLY, every {@code interval} (1 by default), weekly on {@code days} (MONDAY...; the first
 * meeting's day by default), and either {@code count} meetings in all or {@code until} a date
 * (2027-03-31, in the meeting's zone).
 */
public record RecurrenceInput(
        Recurrence.Frequency frequency,
        Integer interval,
        @Size(max = 7) List<@NotNull DayOfWeek> days,
        Integer count,
        @Size(max = 10) @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date such as 2027-03-31") String until) {

    /**
     * A rule as a calendar wrote it (RFC 5545 RRULE value): the part Convene schedules (daily, weekly
     * on days, monthly on the first meeting's day; every n; a count or an end date). A rule with no
     * end repeats as often as a series may ({@link Recurrence#MOST}); anything else is refused.
     */
    public static RecurrenceInput ofRrule(String rrule, java.time.ZoneId zone) {
        Recurrence.Frequency frequency = null;
        Integer interval = null;
        List<DayOfWeek> days = null;
        Integer count = null;
        String until = null;
        try {
            for (String part : rrule.trim().replaceFirst("^RRULE:", "").split(";")) {
                String[] kv = part.split("=", 2);
                String value = kv.length == 2 ? kv[1].trim() : "";
                switch (kv[0].trim().toUpperCase(java.util.Locale.ROOT)) {
                    case "FREQ" -> frequency = Recurrence.Frequency.valueOf(value);
                    case "INTERVAL" -> interval = Integer.valueOf(value);
                    case "BYDAY" -> days = java.util.Arrays.stream(value.split(",")).map(RecurrenceInput::day).toList();
                    case "COUNT" -> count = Integer.valueOf(value);
                    case "UNTIL" -> until = (value.length() > 8 && value.endsWith("Z")
                            ? java.time.LocalDateTime.parse(value, java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"))
                                    .atOffset(java.time.ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDate()
                            : LocalDate.parse(value.substring(0, 8), java.time.format.DateTimeFormatter.BASIC_ISO_DATE)).toString();
                    case "WKST" -> { } // Convene's weeks start on Monday; the days are the same
                    default -> throw new IllegalArgumentException(part);
                }
            }
        } catch (RuntimeException e) {
            throw new InvalidInputException("recurrence", "Convene repeats daily, weekly on days or monthly on one day,"
                    + " a number of times or until a date; not " + rrule);
        }
        return new RecurrenceInput(frequency, interval, days, count == null && until == null ? Integer.valueOf(Recurrence.MOST) : count, until);
    }

    private static DayOfWeek day(String two) {
        return java.util.Arrays.stream(DayOfWeek.values()).filter(d -> d.name().startsWith(two.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(two));
    }

    Recurrence checked(LocalDateTime first) {
        LocalDate last;
        try {
            last = until == null ? null : LocalDate.parse(until);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("recurrence.until", "must be a date such as 2027-03-31");
        }
        return Recurrence.checked(frequency, interval, days == null ? null : Set.copyOf(days), count, last, first);
    }
}
