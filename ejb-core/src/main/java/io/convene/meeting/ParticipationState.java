package io.convene.meeting;

public enum ParticipationState {
    INVITED, WAITING, JOINED, LEFT, DENIED, REMOVED;

    /** In the meeting or knocking: what a host control can act on. */
    public boolean isPresent() {
        return this == JOINED || this == WAITING;
    }
}
