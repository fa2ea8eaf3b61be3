package io.convene.meeting;

public enum MeetingRole {
    HOST, CO_HOST, PARTICIPANT;

    public boolean bypassesWaitingRoom() {
        return this != PARTICIPANT;
    }
}
