package io.convene.meeting;

/** Who in a meeting sees an event of its channel. */
public enum EventAudience {
    /** Everyone in the meeting. */
    ALL,
    /** The host and co-hosts (the waiting room, say). */
    HOSTS,
    /** One participant, plus the host and co-hosts. */
    ONE,
    /** Two participants and nobody else (a private chat message's two ends). */
    PAIR,
    /** Those in one breakout room, plus the host and co-hosts. */
    ROOM
}
