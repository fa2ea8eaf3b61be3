package io.convene.media;

import java.util.List;
import java.util.UUID;

/**
 * The port to the media server that carries meetings' audio, video and screen shares (adapters in
 * {@code media-control}: Janus here; the rest of Convene does not know which one runs). A meeting
 * has a room; in it each participant's camera (with microphone) and screen are feeds, published
 * over a link of their own, and every other participant receives a feed over a link of theirs
 * (an SFU: the server forwards, never mixes). Links are this node's: the channel socket that made
 * them hangs them up when it closes.
 */
public interface MediaServer {

    /** Whether a media server is configured at all; without one the suite runs and media is off. */
    boolean configured();

    /** Asks the media server now whether it serves; says which and what it offers, or throws saying why not. */
    String probe();

    /** Makes the meeting's room (idempotent: an open room stays as it is). */
    void openRoom(UUID meetingId);

    /** Removes the meeting's room and with it everyone's media (idempotent). */
    void closeRoom(UUID meetingId);

    /**
     * Publishes a feed from the browser's SDP offer; the answer comes back with the link. A feed
     * that reaches an {@link Reach#AUDIENCE} goes to every server the audience may be served from.
     */
    Negotiation publish(UUID meetingId, Feed feed, String displayName, String offerSdp, Reach reach, MediaListener listener);

    /**
     * Opens a link that receives a feed: the media server's SDP offer comes back, {@link #start} takes
     * the answer. A subscription for someone in the {@link Reach#AUDIENCE} may be served by another
     * server than the room's own.
     */
    Negotiation subscribe(UUID meetingId, Feed feed, Reach reach, MediaListener listener);

    /**
     * Who a feed is for, or whom a subscription serves: the people of the room ({@code ROOM}), or a
     * webinar's audience too ({@code AUDIENCE}), which may be spread over several media servers
     * (docs/media.md) where a room's own people share one.
     */
    enum Reach {
        ROOM, AUDIENCE
    }

    /** The browser's SDP answer to a subscription's offer: media starts flowing. */
    void start(String link, String answerSdp);

    /** One of the browser's ICE candidates for a link (trickle ICE); null when it has no more. */
    void trickle(String link, IceCandidate candidate);

    /** Stops (or lets through again) a published feed's audio at the server, whatever the browser sends. */
    void muteAudio(String link, boolean muted);

    /**
     * Which layer a subscription receives where its publisher sends several (simulcast): the low one
     * for a small tile or a slow network, the high one otherwise. A server without simulcast sends
     * what it has and ignores this.
     */
    void chooseQuality(String link, Quality quality);

    /**
     * A subscription's layer of a simulcast feed, or NONE: no video at all, only the feed's audio (a
     * tile not on the page, so a page receives at most a page of video however large the meeting).
     */
    enum Quality {
        LOW, HIGH, NONE
    }

    /** Ends a link (a feed unpublished, or a subscription dropped); unknown links are ignored. */
    void hangUp(String link);

    /** The feeds published in the meeting's room now. */
    List<Feed> feeds(UUID meetingId);

    /** Starts recording every feed of the meeting's room (those published later too). */
    void startRecording(UUID meetingId, UUID recordingId);

    /**
     * Stops the recording (fine if the room is gone: the meeting ended) and makes it one file
     * (slow: composes the feeds); the caller stores the file and deletes it.
     */
    RecordedMedia finishRecording(UUID meetingId, UUID recordingId);

    /** A finished recording: its file, the file's media type, and how long it plays. */
    record RecordedMedia(java.nio.file.Path file, String format, java.time.Duration duration) {
    }

    /** An SDP offer or answer and the link it is for. */
    record Negotiation(String link, String sdp) {
    }

    /** A browser's ICE candidate as RTCIceCandidate gives it. */
    record IceCandidate(String candidate, String sdpMid, Integer sdpMLineIndex) {
    }

    /** What a link's media is doing, told by the media server as it happens. */
    interface MediaListener {

        /**
         * @param state {@code connected} (ICE and DTLS up), {@code receiving} / {@code stopped} (with the
         *              medium, audio or video, in {@code medium}), {@code slow} (losses), {@code hangup}
         *              (the link is gone; {@code reason} says why)
         */
        void changed(String link, String state, String medium, String reason);

        /**
         * One of the media server's own ICE candidates for the link, for servers that trickle them
         * (Kurento; Janus puts its candidates in its SDP). It may come before the SDP it belongs to.
         */
        default void candidate(String link, IceCandidate candidate) {
        }
    }
}
