package io.convene.meeting;

public enum MeetingStatus {
    SCHEDULED, LIVE, ENDED, CANCELLED;

    /** Scheduled and live meetings occupy their host's calendar and can be joined. */
    public boolean isOpen() {
        return this == SCHEDULED || this == LIVE;
    }
}
