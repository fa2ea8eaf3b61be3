package io.convene.meeting;

import io.convene.shared.InvalidInputException;
import io.convene.shared.InvalidInputException.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads a meeting's start and end as users send them and checks that they make a meeting. */
final class MeetingTimes {

    /** ISO-8601 date-time, with or without seconds, fraction and offset: checked at the edge. */
    static final String DATE_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})?";
    static final String DATE_TIME_MESSAGE = "must be an ISO-8601 date-time such as 2026-12-01T10:00 or 2026-12-01T09:00:00Z";

    static final Duration LONGEST = Duration.ofHours(24);
    /** Clients' clocks drift; a start this little in the past is still accepted. */
    static final Duration GRACE = Duration.ofMinutes(5);

    private MeetingTimes() {
    }

    static TimeSlot parse(String start, String end, ZoneId zone, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        Instant from = instant("start", start, zone, errors);
        Instant to = instant("end", end, zone, errors);
        if (from != null && to != null) {
            if (!to.isAfter(from)) {
                errors.add(new FieldError("end", "must be after start"));
            } else if (Duration.between(from, to).compareTo(LONGEST) > 0) {
                errors.add(new FieldError("end", "a meeting lasts at most 24 hours"));
            }
            if (from.isBefore(now.minus(GRACE))) {
                errors.add(new FieldError("start", "must not be in the past"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new TimeSlot(from, to);
    }

    private static Instant instant(String field, String value, ZoneId zone, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(field, DATE_TIME_MESSAGE));
                return null;
            }
        }
    }
}
