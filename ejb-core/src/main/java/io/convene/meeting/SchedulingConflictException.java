package io.convene.meeting;

import io.convene.shared.ConflictException;
import java.util.List;

/** The host already holds a meeting at that time; carries the next free slots of the same length. */
public class SchedulingConflictException extends ConflictException {

    private final List<TimeSlot> suggestions;

    public SchedulingConflictException(List<TimeSlot> suggestions) {
        this("The host already has a meeting at that time", suggestions);
    }

    public SchedulingConflictException(String message, List<TimeSlot> suggestions) {
        super(message);
        this.suggestions = List.copyOf(suggestions);
    }

    public List<TimeSlot> suggestions() {
        return suggestions;
    }

    @Override
    public String title() {
        return "Scheduling conflict";
    }
}
