package io.convene.media.kurento;

import io.convene.media.Feed;
import io.convene.media.MediaFailure;
import io.convene.media.MediaServer;
import io.convene.media.tools.MediaTools;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kurento.client.Composite;
import org.kurento.client.ConnectionState;
import org.kurento.client.HubPort;
import org.kurento.client.KurentoClient;
import org.kurento.client.KurentoConnectionListener;
import org.kurento.client.MediaFlowState;
import org.kurento.client.MediaProfileSpecType;
import org.kurento.client.MediaType;
import org.kurento.client.RecorderEndpoint;
import org.kurento.client.WebRtcEndpoint;
import org.kurento.commons.exception.KurentoException;

/**
 * Kurento Media Server through {@code org.kurento:kurento-client} (JSON-RPC over a WebSocket), the
 * customer's choice for production; chosen by {@link io.convene.media.ConfiguredMediaServer}. Each
 * meeting has a MediaPipeline on one of the KMS instances of {@code convene.media.kurento-urls}
 * (the one with the fewest rooms); each published feed a WebRtcEndpoint, connected to one
 * WebRtcEndpoint per subscription; recording mixes every feed in a Composite hub into a
 * RecorderEndpoint. Every object is released when its link hangs up or its room closes. When a KMS
 * restarts, its rooms are made anew and every link on it is told it hung up (browsers negotiate
 * again). docs/media.md.
 */
@ApplicationScoped
public class KurentoMediaServer implements MediaServer {

    private static final Logger LOG = Logger.getLogger(KurentoMediaServer.class.getName());

    @Inject
    @ConfigProperty(name = "convene.media.kurento-urls")
    Optional<String> urls;

    /** Where KMS writes recordings (a URI on the KMS host), and the same folder as Convene reads it. */
    @Inject
    @ConfigProperty(name = "convene.media.kurento-recordings-uri", defaultValue = "file:///var/lib/kurento/recordings")
    String recordingsUri;

    @Inject
    @ConfigProperty(name = "convene.media.kurento-recordings-dir", defaultValue = "/var/lib/kurento/recordings")
    String recordingsDir;

    @Inject
    @ConfigProperty(name = "convene.media.ffprobe", defaultValue = "/usr/bin/ffprobe")
    String ffprobe;

    private final Map<String, KurentoClient> clients = new ConcurrentHashMap<>();
    private final Map<UUID, KurentoRoom> rooms = new ConcurrentHashMap<>();
    private final Map<String, KurentoRoom.Link> links = new ConcurrentHashMap<>();
    private volatile boolean closing;

    public KurentoMediaServer() {
    }

    /** For tests: an adapter for these KMS URLs and recording folders, outside a container. */
    KurentoMediaServer(String urls, String recordingsUri, String recordingsDir) {
        this.urls = Optional.of(urls);
        this.recordingsUri = recordingsUri;
        this.recordingsDir = recordingsDir;
        this.ffprobe = "/usr/bin/ffprobe";
    }

    @Override
    public boolean configured() {
        return urls.isPresent();
    }

    @Override
    public String probe() {
        StringBuilder said = new StringBuilder();
        for (String url : kmsUrls()) {
            said.append(said.length() == 0 ? "" : "; ").append("Kurento ")
                    .append(client(url).getServerManager().getInfo().getVersion()).append(" at ").append(url);
        }
        return said.toString();
    }

    @Override
    public void openRoom(UUID meetingId) {
        room(meetingId);
    }

    @Override
    public void closeRoom(UUID meetingId) {
        KurentoRoom room = rooms.remove(meetingId);
        if (room == null) {
            return;
        }
        links.values().removeIf(l -> l.meetingId.equals(meetingId));
        release(() -> room.pipeline.release(), "the pipeline of meeting " + meetingId);
        LOG.info(() -> "Kurento room of meeting " + meetingId + " closed on " + room.kmsUrl);
    }

    @Override
    public Negotiation publish(UUID meetingId, Feed feed, String displayName, String offerSdp, Reach reach,
                               MediaListener listener) {
        KurentoRoom room = room(meetingId);
        Optional.ofNullable(room.publishers.get(feed.id())).ifPresent(old -> hangUp(old.id)); // a reconnect replaces it
        KurentoRoom.Link link = newLink(room, listener, feed, null);
        try {
            String answer = link.endpoint.processOffer(offerSdp);
            link.endpoint.gatherCandidates();
            room.publishers.put(feed.id(), link);
            KurentoRoom.Recording recording = room.recording;
            if (recording != null) {
                record(room, link, recording);
            }
            return new Negotiation(link.id, answer);
        } catch (KurentoException e) {
            hangUp(link.id);
            throw new MediaFailure("Kurento refused the offer for " + feed.id() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Negotiation subscribe(UUID meetingId, Feed feed, Reach reach, MediaListener listener) {
        KurentoRoom room = room(meetingId);
        KurentoRoom.Link source = room.publishers.get(feed.id());
        if (source == null) {
            throw new MediaFailure("No such feed in meeting " + meetingId + ": " + feed.id());
        }
        KurentoRoom.Link link = newLink(room, listener, null, feed);
        try {
            if (source.muted) {
                source.endpoint.connect(link.endpoint, MediaType.VIDEO);
            } else {
                source.endpoint.connect(link.endpoint);
            }
            source.subscribers.add(link.id);
            String offer = link.endpoint.generateOffer();
            link.endpoint.gatherCandidates();
            return new Negotiation(link.id, offer);
        } catch (KurentoException e) {
            hangUp(link.id);
            throw new MediaFailure("Kurento could not offer " + feed.id() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void start(String link, String answerSdp) {
        call(() -> known(link).endpoint.processAnswer(answerSdp), "take the answer of link " + link);
    }

    /**
     * Kurento forwards one layer and adapts its bitrate to each subscriber's REMB itself: LOW and HIGH
     * are the same; NONE disconnects the publisher's video from the subscription (its audio stays).
     */
    @Override
    public void chooseQuality(String link, Quality quality) {
        KurentoRoom.Link sink = known(link);
        boolean hold = quality == Quality.NONE;
        KurentoRoom room = rooms.get(sink.meetingId);
        KurentoRoom.Link source = room == null || sink.receives == null ? null : room.publishers.get(sink.receives.id());
        if (source == null || sink.videoHeld == hold) {
            return;
        }
        sink.videoHeld = hold;
        call(() -> {
            if (hold) {
                source.endpoint.disconnect(sink.endpoint, MediaType.VIDEO);
            } else {
                source.endpoint.connect(sink.endpoint, MediaType.VIDEO);
            }
        }, (hold ? "hold back the video of link " : "let through the video of link ") + link);
    }

    @Override
    public void trickle(String link, IceCandidate candidate) {
        if (candidate == null) {
            return; // KMS needs no word that the browser has no more
        }
        call(() -> known(link).endpoint.addIceCandidate(new org.kurento.client.IceCandidate(candidate.candidate(),
                candidate.sdpMid(), candidate.sdpMLineIndex() == null ? 0 : candidate.sdpMLineIndex())),
                "add a candidate to link " + link);
    }

    /** Held back by disconnecting the publisher's audio from each subscription (and the recording hub). */
    @Override
    public void muteAudio(String link, boolean muted) {
        KurentoRoom.Link publisher = known(link);
        if (publisher.published == null) {
            throw new MediaFailure("Link " + link + " publishes nothing");
        }
        if (publisher.muted == muted) {
            return;
        }
        publisher.muted = muted;
        for (String subscriber : publisher.subscribers) {
            KurentoRoom.Link sink = links.get(subscriber);
            if (sink != null) {
                call(() -> {
                    if (muted) {
                        publisher.endpoint.disconnect(sink.endpoint, MediaType.AUDIO);
                    } else {
                        publisher.endpoint.connect(sink.endpoint, MediaType.AUDIO);
                    }
                }, (muted ? "mute " : "unmute ") + publisher.published.id());
            }
        }
        HubPort port = publisher.recordingPort;
        if (port != null) {
            call(() -> {
                if (muted) {
                    publisher.endpoint.disconnect(port, MediaType.AUDIO);
                } else {
                    publisher.endpoint.connect(port, MediaType.AUDIO);
                }
            }, "mute the recording of " + publisher.published.id());
        }
    }

    @Override
    public void hangUp(String link) {
        KurentoRoom.Link gone = links.remove(link);
        if (gone == null) {
            return;
        }
        KurentoRoom room = rooms.get(gone.meetingId);
        if (gone.published != null && room != null) {
            room.publishers.remove(gone.published.id(), gone);
            for (String subscriber : List.copyOf(gone.subscribers)) { // their feed is gone: so are they
                KurentoRoom.Link sink = links.get(subscriber);
                if (sink != null) {
                    hangUp(subscriber);
                    tell(sink, "hangup", "the feed ended");
                }
            }
            HubPort port = gone.recordingPort;
            if (port != null) {
                release(port::release, "the recording port of " + gone.published.id());
            }
        }
        if (gone.receives != null && room != null) {
            Optional.ofNullable(room.publishers.get(gone.receives.id())).ifPresent(p -> p.subscribers.remove(link));
        }
        release(gone.endpoint::release, "link " + link);
    }

    @Override
    public List<Feed> feeds(UUID meetingId) {
        KurentoRoom room = rooms.get(meetingId);
        return room == null ? List.of() : room.publishers.keySet().stream().sorted().map(Feed::parse).toList();
    }

    @Override
    public void startRecording(UUID meetingId, UUID recordingId) {
        KurentoRoom room = room(meetingId);
        String uri = recordingsUri.replaceAll("/+$", "") + "/" + meetingId + "-" + recordingId + ".webm";
        try {
            Composite hub = new Composite.Builder(room.pipeline).build();
            HubPort output = new HubPort.Builder(hub).build();
            RecorderEndpoint recorder = new RecorderEndpoint.Builder(room.pipeline, uri)
                    .withMediaProfile(MediaProfileSpecType.WEBM).build();
            output.connect(recorder);
            KurentoRoom.Recording recording = new KurentoRoom.Recording(recordingId, hub, output, recorder, uri);
            room.recording = recording;
            room.publishers.values().forEach(p -> record(room, p, recording));
            recorder.record();
            LOG.info(() -> "Kurento records meeting " + meetingId + " to " + uri);
        } catch (KurentoException e) {
            throw new MediaFailure("Kurento could not start recording meeting " + meetingId + ": " + e.getMessage(), e);
        }
    }

    private void record(KurentoRoom room, KurentoRoom.Link publisher, KurentoRoom.Recording recording) {
        HubPort port = new HubPort.Builder(recording.hub()).build();
        if (publisher.muted) {
            publisher.endpoint.connect(port, MediaType.VIDEO);
        } else {
            publisher.endpoint.connect(port);
        }
        publisher.recordingPort = port;
    }

    @Override
    public RecordedMedia finishRecording(UUID meetingId, UUID recordingId) {
        KurentoRoom room = rooms.get(meetingId);
        KurentoRoom.Recording recording = room == null ? null : room.recording;
        if (recording != null && recording.id().equals(recordingId)) {
            room.recording = null;
            call(recording.recorder()::stopAndWait, "stop recording meeting " + meetingId);
            room.publishers.values().forEach(p -> {
                HubPort port = p.recordingPort;
                p.recordingPort = null;
                if (port != null) {
                    release(port::release, "a recording port");
                }
            });
            release(recording.recorder()::release, "the recorder");
            release(recording.output()::release, "the recording hub's output");
            release(recording.hub()::release, "the recording hub");
        }
        Path file = Path.of(recordingsDir).resolve(meetingId + "-" + recordingId + ".webm");
        if (!Files.isRegularFile(file)) {
            throw new MediaFailure("Kurento's recording is not at " + file + " (convene.media.kurento-recordings-dir must be "
                    + "where Convene sees KMS's " + recordingsUri + ")");
        }
        return new RecordedMedia(file, "video/webm", MediaTools.duration(file.getParent(), ffprobe, file));
    }

    /** The meeting's room, made on the KMS with the fewest rooms when there is none. */
    private KurentoRoom room(UUID meetingId) {
        return rooms.computeIfAbsent(meetingId, id -> {
            String url = kmsUrls().stream().min(Comparator.comparingLong(u -> rooms.values().stream()
                    .filter(r -> r.kmsUrl.equals(u)).count())).orElseThrow();
            try {
                KurentoRoom room = new KurentoRoom(id, url, client(url));
                LOG.info(() -> "Kurento room of meeting " + id + " made on " + url);
                return room;
            } catch (KurentoException e) {
                throw new MediaFailure("Kurento at " + url + " could not make a pipeline: " + e.getMessage(), e);
            }
        });
    }

    private KurentoRoom.Link newLink(KurentoRoom room, MediaListener listener, Feed published, Feed receives) {
        WebRtcEndpoint endpoint;
        try {
            endpoint = new WebRtcEndpoint.Builder(room.pipeline).build();
        } catch (KurentoException e) {
            throw new MediaFailure("Kurento could not make an endpoint in meeting " + room.meetingId + ": " + e.getMessage(), e);
        }
        KurentoRoom.Link link = new KurentoRoom.Link(UUID.randomUUID().toString(), room.meetingId, endpoint, listener,
                published, receives);
        links.put(link.id, link);
        endpoint.addIceCandidateFoundListener(e -> listener.candidate(link.id, new IceCandidate(
                e.getCandidate().getCandidate(), e.getCandidate().getSdpMid(), e.getCandidate().getSdpMLineIndex())));
        endpoint.addConnectionStateChangedListener(e -> {
            if (e.getNewState() == ConnectionState.CONNECTED) {
                tell(link, "connected", null);
            }
        });
        endpoint.addMediaFlowInStateChangedListener(e -> listener.changed(link.id,
                e.getState() == MediaFlowState.FLOWING ? "receiving" : "stopped",
                e.getMediaType() == null ? null : e.getMediaType().name().toLowerCase(), null));
        return link;
    }

    private KurentoClient client(String url) {
        return clients.computeIfAbsent(url, u -> KurentoClient.create(u, new KurentoConnectionListener() {
            @Override
            public void connected() {
                LOG.info(() -> "Connected to Kurento at " + u);
            }

            @Override
            public void connectionFailed() {
                LOG.warning(() -> "Kurento at " + u + " cannot be reached");
            }

            @Override
            public void disconnected() {
                if (closing) {
                    LOG.info(() -> "Disconnected from Kurento at " + u);
                } else {
                    LOG.warning(() -> "Lost Kurento at " + u + "; reconnecting");
                }
            }

            @Override
            public void reconnected(boolean sameServer) {
                LOG.info(() -> "Reconnected to Kurento at " + u + (sameServer ? "" : ": it restarted, its rooms are made anew"));
                if (!sameServer) {
                    rebuild(u);
                }
            }
        }));
    }

    /**
     * A KMS restarted: its pipelines and endpoints are gone. Each of its rooms gets a new pipeline
     * (on the same server), and every link of those rooms is told it hung up, so browsers publish
     * and subscribe again.
     */
    void rebuild(String url) {
        for (KurentoRoom old : List.copyOf(rooms.values())) {
            if (!old.kmsUrl.equals(url)) {
                continue;
            }
            List<KurentoRoom.Link> lost = links.values().stream().filter(l -> l.meetingId.equals(old.meetingId)).toList();
            lost.forEach(l -> links.remove(l.id));
            rooms.remove(old.meetingId);
            try {
                rooms.put(old.meetingId, new KurentoRoom(old.meetingId, url, client(url)));
            } catch (KurentoException e) {
                LOG.log(Level.WARNING, "Remaking the room of meeting " + old.meetingId + " on " + url + " failed", e);
            }
            lost.forEach(l -> tell(l, "hangup", "media server restarted"));
        }
    }

    private void tell(KurentoRoom.Link link, String state, String reason) {
        try {
            link.listener.changed(link.id, state, null, reason);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Telling link " + link.id + " it is " + state + " failed", e);
        }
    }

    private KurentoRoom.Link known(String link) {
        KurentoRoom.Link l = links.get(link);
        if (l == null) {
            throw new MediaFailure("No link " + link + " on this node");
        }
        return l;
    }

    private List<String> kmsUrls() {
        return Arrays.stream(urls.orElseThrow(() -> new IllegalStateException(
                        "No Kurento configured (convene.media.kurento-urls)")).split(","))
                .map(String::trim).filter(u -> !u.isEmpty()).toList();
    }

    private static void call(Runnable action, String what) {
        try {
            action.run();
        } catch (KurentoException e) {
            throw new MediaFailure("Kurento could not " + what + ": " + e.getMessage(), e);
        }
    }

    private static void release(Runnable release, String what) {
        try {
            release.run();
        } catch (KurentoException e) {
            LOG.log(Level.FINE, "Releasing " + what + " failed (gone already?)", e);
        }
    }

    @PreDestroy
    void disconnect() {
        closing = true;
        clients.values().forEach(KurentoClient::destroy);
        clients.clear();
    }
}
