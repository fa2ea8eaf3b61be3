package io.convene.shared;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** IANA time zone names as users send them. */
public final class TimeZones {

    private TimeZones() {
    }

    /** Parses an IANA region id such as "Europe/Berlin" (or "UTC"); anything else is a field error. */
    public static ZoneId parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "must be an IANA time zone such as Europe/Berlin");
        }
        try {
            ZoneId zone = ZoneId.of(value);
            if (zone instanceof ZoneOffset) {
                throw new InvalidInputException(field, "must be an IANA time zone name, not an offset");
            }
            return zone;
        } catch (DateTimeException e) {
            throw new InvalidInputException(field, "unknown time zone '" + value + "'");
        }
    }
}
