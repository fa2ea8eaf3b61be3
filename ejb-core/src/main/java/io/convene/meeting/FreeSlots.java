package io.convene.meeting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the next free slots of a given length in a calendar of busy slots: the "suggest alternative
 * times" answer when a host asks for a time they already hold.
 */
public final class FreeSlots {

    private FreeSlots() {
    }

    /**
     * @param wanted the slot asked for; suggestions have its length and start no earlier than it
     * @param busy   the host's busy slots (any order, may overlap each other)
     * @param count  how many suggestions to make
     */
    public static List<TimeSlot> after(TimeSlot wanted, List<TimeSlot> busy, int count) {
        List<TimeSlot> sorted = busy.stream().sorted(Comparator.comparing(TimeSlot::start)).toList();
        List<TimeSlot> found = new ArrayList<>(count);
        Instant candidate = wanted.start();
        while (found.size() < count) {
            TimeSlot slot = new TimeSlot(candidate, candidate.plus(wanted.duration()));
            Instant blockedUntil = null;
            for (TimeSlot b : sorted) {
                if (b.overlaps(slot) && (blockedUntil == null || b.end().isAfter(blockedUntil))) {
                    blockedUntil = b.end();
                }
            }
            if (blockedUntil == null) {
                found.add(slot);
                candidate = slot.end();
            } else {
                candidate = blockedUntil;
            }
        }
        return found;
    }
}
