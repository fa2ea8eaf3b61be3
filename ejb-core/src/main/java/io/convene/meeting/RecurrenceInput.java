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
