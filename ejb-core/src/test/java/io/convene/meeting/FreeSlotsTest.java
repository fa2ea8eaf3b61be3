package io.convene.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreeSlotsTest {

    private static TimeSlot slot(String from, String to) {
        return new TimeSlot(Instant.parse("2026-12-01T" + from + ":00Z"), Instant.parse("2026-12-01T" + to + ":00Z"));
    }

    @Test
    void suggestsTheNextFreeSlotsOfTheSameLength() {
        List<TimeSlot> busy = List.of(slot("09:00", "10:00"), slot("10:30", "11:00"));

        List<TimeSlot> found = FreeSlots.after(slot("09:30", "10:00"), busy, 3);

        assertThat(found).containsExactly(slot("10:00", "10:30"), slot("11:00", "11:30"), slot("11:30", "12:00"));
    }

    @Test
    void skipsGapsTooShortAndOverlappingBusySlots() {
        List<TimeSlot> busy = List.of(slot("10:00", "12:00"), slot("09:00", "10:30"), slot("12:15", "13:00"));

        List<TimeSlot> found = FreeSlots.after(slot("09:00", "10:00"), busy, 2);

        assertThat(found).containsExactly(slot("13:00", "14:00"), slot("14:00", "15:00"));
    }

    @Test
    void theWantedSlotItselfWhenItIsFree() {
        assertThat(FreeSlots.after(slot("08:00", "08:45"), List.of(slot("09:00", "10:00")), 1))
                .containsExactly(slot("08:00", "08:45"));
    }
}
