package io.convene.meeting;

import java.time.Duration;
import java.time.Instant;

/** A half-open interval [start, end) of time. */
public record TimeSlot(Instant start, Instant end) {

    public TimeSlot {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end must be after start");
        }
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    public boolean overlaps(TimeSlot other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }
}
