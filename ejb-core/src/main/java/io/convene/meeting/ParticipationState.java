package io.convene.meeting;

public enum ParticipationState {
    INVITED, WAITING, JOINED, LEFT
}
