package io.convene.meeting;

import java.time.Instant;
import java.util.List;

/**
 * Who is busy at a wanted time, and the next free slots of its length for everyone asked. The
 * host's own meetings are named; a colleague's are only "busy" (their titles are theirs).
 */
public record Availability(Instant start, Instant end, List<Busy> busy, List<Slot> suggestions) {

    public record Busy(String email, String name, boolean you, String title, Instant start, Instant end) {
    }

    public record Slot(Instant start, Instant end) {
    }
}
