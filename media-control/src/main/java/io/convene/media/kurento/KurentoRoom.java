package io.convene.media.kurento;

import io.convene.media.Feed;
import io.convene.media.MediaServer.MediaListener;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.kurento.client.Composite;
import org.kurento.client.HubPort;
import org.kurento.client.KurentoClient;
import org.kurento.client.MediaPipeline;
import org.kurento.client.RecorderEndpoint;
import org.kurento.client.WebRtcEndpoint;

/**
 * A meeting's room on one Kurento Media Server: its MediaPipeline; a WebRtcEndpoint per published
 * feed, connected to a WebRtcEndpoint per subscription (SFU fan-out); while recording, a Composite
 * hub whose ports take every feed and give one mixed stream to a RecorderEndpoint.
 */
final class KurentoRoom {

    /** A link: its endpoint, who listens, and what it publishes or receives. */
    static final class Link {
        final String id;
        final UUID meetingId;
        final WebRtcEndpoint endpoint;
        final MediaListener listener;
        final Feed published;
        final Feed receives;
        /** A publisher's subscriptions (their link ids), and whether its audio is held back at the server. */
        final Set<String> subscribers = ConcurrentHashMap.newKeySet();
        volatile boolean muted;
        /** A subscription whose video is held back (its tile is not on the page): audio only. */
        volatile boolean videoHeld;
        /** A publisher's port on the recording hub, while recording. */
        volatile HubPort recordingPort;

        Link(String id, UUID meetingId, WebRtcEndpoint endpoint, MediaListener listener, Feed published, Feed receives) {
            this.id = id;
            this.meetingId = meetingId;
            this.endpoint = endpoint;
            this.listener = listener;
            this.published = published;
            this.receives = receives;
        }
    }

    /** A recording in progress: the hub, its output port and the recorder, and where the file goes. */
    record Recording(UUID id, Composite hub, HubPort output, RecorderEndpoint recorder, String uri) {
    }

    final UUID meetingId;
    final String kmsUrl;
    final KurentoClient client;
    final MediaPipeline pipeline;
    /** Published feeds by id: their publishing link. */
    final Map<String, Link> publishers = new ConcurrentHashMap<>();
    volatile Recording recording;

    KurentoRoom(UUID meetingId, String kmsUrl, KurentoClient client) {
        this.meetingId = meetingId;
        this.kmsUrl = kmsUrl;
        this.client = client;
        this.pipeline = client.createMediaPipeline();
    }
}
