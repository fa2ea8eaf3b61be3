package io.convene.media;

/**
 * The port to the media server that carries meetings' audio, video and screen shares (adapters in
 * {@code media-control}: Janus here; the rest of Convene does not know which one runs). It grows
 * with issue 8: rooms, publishers, subscribers, recording.
 */
public interface MediaServer {

    /** Whether a media server is configured at all; without one the suite runs and media is off. */
    boolean configured();

    /** Asks the media server now whether it serves; says which and what it offers, or throws saying why not. */
    String probe();

    /** Makes the meeting's room (idempotent: an open room stays as it is). */
    void openRoom(java.util.UUID meetingId);

    /** Removes the meeting's room and with it everyone's media (idempotent). */
    void closeRoom(java.util.UUID meetingId);
}
