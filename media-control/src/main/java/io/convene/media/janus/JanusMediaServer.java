package io.convene.media.janus;

import io.convene.media.Feed;
import io.convene.media.MediaFailure;
import io.convene.media.MediaServer;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.convene.shared.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Janus (Debian's {@code janus}, the VideoRoom plugin) through its HTTP API at
 * {@code convene.media.janus-url} (e.g. {@code http://127.0.0.1:8088/janus}); chosen by
 * {@link io.convene.media.ConfiguredMediaServer}. Rooms are made and removed in short sessions of
 * their own; links (a VideoRoom handle each) live in this node's one long session on each server
 * ({@link JanusSession}). With further servers at {@code convene.media.janus-audience-urls}, a
 * webinar's feeds are relayed to each ({@link AudienceRelays}) and its audience is served there,
 * spread over them; everything else stays on the first.
 */
@ApplicationScoped
public class JanusMediaServer implements MediaServer {

    static final String VIDEOROOM = "janus.plugin.videoroom";
    private static final Logger LOG = Logger.getLogger(JanusMediaServer.class.getName());

    /** VideoRoom's answers: the room is there already (427), is not there (426), the id is taken (436). */
    private static final int ROOM_EXISTS = 427;
    private static final int NO_SUCH_ROOM = 426;
    private static final int ID_EXISTS = 436;

    @Inject
    @ConfigProperty(name = "convene.media.janus-url")
    Optional<String> janusUrl;

    /** Further Janus servers (comma-separated URLs) that serve webinars' audiences. */
    @Inject
    @ConfigProperty(name = "convene.media.janus-audience-urls")
    Optional<String> audienceUrls;

    /** VideoRoom's {@code admin_key}: only who knows it makes or removes rooms. */
    @Inject
    @ConfigProperty(name = "convene.media.janus-admin-key")
    Optional<String> adminKey;

    /** Where Janus records (VideoRoom's rec_dir, a folder per room), as Convene sees it: the same machine or a shared mount. */
    @Inject
    @ConfigProperty(name = "convene.media.janus-recordings-dir")
    Optional<String> recordingsDir;

    @Inject
    @ConfigProperty(name = "convene.media.janus-pp-rec", defaultValue = "/usr/bin/janus-pp-rec")
    String ppRec;

    @Inject
    @ConfigProperty(name = "convene.media.ffmpeg", defaultValue = "/usr/bin/ffmpeg")
    String ffmpeg;

    @Inject
    @ConfigProperty(name = "convene.media.ffprobe", defaultValue = "/usr/bin/ffprobe")
    String ffprobe;

    @Resource
    ManagedThreadFactory threads;

    /**
     * A link of this node: the server it is on, its room, handle and, for a published feed, the feed,
     * whether it is relayed to the audience's servers, and its audio streams.
     */
    private record Link(JanusInstance on, UUID room, long handle, Feed published, boolean relayed, List<String> audioMids,
                        List<String> videoMids) {
    }

    private final Map<String, Link> links = new ConcurrentHashMap<>();
    private JanusInstance origin;
    private List<JanusInstance> audienceServers;
    private AudienceRelays relays;

    @Override
    public boolean configured() {
        return janusUrl.isPresent();
    }

    @Override
    public void openRoom(UUID meetingId) {
        JsonObjectBuilder create = roomCreation(meetingId);
        recordingsDir.ifPresent(dir -> create.add("rec_dir", recordings().roomFolder(meetingId).toString()));
        origin().videoRoom(create.build(), ROOM_EXISTS);
    }

    /** The request that makes a meeting's room, on any of the servers. */
    JsonObjectBuilder roomCreation(UUID meetingId) {
        JsonObjectBuilder create = Jsons.createObjectBuilder().add("request", "create").add("room", meetingId.toString())
                .add("description", "Convene meeting " + meetingId).add("is_private", true).add("publishers", 100)
                .add("permanent", false);
        adminKey.ifPresent(key -> create.add("admin_key", key));
        return create;
    }

    /** Removes the room from every server; an audience's server that fails to is logged and left. */
    @Override
    public void closeRoom(UUID meetingId) {
        JsonObject destroy = Jsons.createObjectBuilder().add("request", "destroy").add("room", meetingId.toString())
                .add("permanent", false).build();
        origin().videoRoom(destroy, NO_SUCH_ROOM);
        for (JanusInstance edge : audienceServers()) {
            try {
                edge.videoRoom(destroy, NO_SUCH_ROOM);
            } catch (RuntimeException e) {
                LOG.warning(() -> "Removing room " + meetingId + " from Janus at " + edge.url() + " failed: " + e.getMessage());
            }
        }
    }

    @Override
    public Negotiation publish(UUID meetingId, Feed feed, String displayName, String offerSdp, Reach reach,
                               MediaListener listener) {
        JsonObject join = Jsons.createObjectBuilder().add("request", "joinandconfigure").add("ptype", "publisher")
                .add("room", meetingId.toString()).add("id", feed.id()).add("display", displayName).build();
        JanusInstance on = origin();
        JanusSession s = session(on);
        long handle = s.attach(listener);
        try {
            JanusSession.Reply reply;
            try {
                reply = s.message(handle, join, "offer", offerSdp);
            } catch (JanusHttp.JanusException e) {
                if (e.code == NO_SUCH_ROOM) {
                    openRoom(meetingId); // the meeting just started: its room may still be on its way
                } else if (e.code == ID_EXISTS) {
                    kick(meetingId, feed); // published before on a link that is gone (a reconnect)
                } else {
                    throw e;
                }
                s.detach(handle); // the refused offer left an ICE agent on that handle: a fresh one takes it again
                handle = s.attach(listener);
                reply = s.message(handle, join, "offer", offerSdp);
            }
            String link = s.link(handle);
            boolean relayed = reach == Reach.AUDIENCE && !audienceServers().isEmpty();
            links.put(link, new Link(on, meetingId, handle, feed, relayed, Sdp.mids(reply.sdp(), "audio"), List.of()));
            if (relayed) {
                relays().relay(meetingId, feed, displayName, Sdp.streams(reply.sdp(), offerSdp));
            }
            return new Negotiation(link, reply.sdp());
        } catch (RuntimeException e) {
            s.detach(handle);
            throw e;
        }
    }

    @Override
    public Negotiation subscribe(UUID meetingId, Feed feed, Reach reach, MediaListener listener) {
        JanusInstance edge = reach == Reach.AUDIENCE ? leastBusyAudienceServer() : null;
        if (edge != null) {
            try {
                return subscribe(edge, meetingId, feed, listener);
            } catch (MediaFailure e) { // not relayed there (yet), or the server is down: the room's own server serves
                LOG.warning(() -> "Janus at " + edge.url() + " could not serve " + feed.id() + " to the audience ("
                        + e.getMessage() + "); the room's server does");
            }
        }
        return subscribe(origin(), meetingId, feed, listener);
    }

    private Negotiation subscribe(JanusInstance on, UUID meetingId, Feed feed, MediaListener listener) {
        JsonObject join = Jsons.createObjectBuilder().add("request", "join").add("ptype", "subscriber")
                .add("room", meetingId.toString())
                .add("streams", Jsons.createArrayBuilder().add(Jsons.createObjectBuilder().add("feed", feed.id()))).build();
        JanusSession s = session(on);
        long handle = s.attach(listener);
        try {
            JanusSession.Reply reply = s.message(handle, join, null, null);
            String link = s.link(handle);
            links.put(link, new Link(on, meetingId, handle, null, false, List.of(), Sdp.mids(reply.sdp(), "video")));
            LOG.fine(() -> "Link " + link + " receives " + feed.id() + " from Janus at " + on.url());
            return new Negotiation(link, reply.sdp());
        } catch (RuntimeException e) {
            s.detach(handle);
            throw e;
        }
    }

    /** The audience's server this node holds the fewest links on; none when there are no such servers. */
    private JanusInstance leastBusyAudienceServer() {
        return audienceServers().stream().min(java.util.Comparator.comparingLong(
                edge -> links.values().stream().filter(l -> l.on() == edge).count())).orElse(null);
    }

    @Override
    public void start(String link, String answerSdp) {
        Link l = known(link);
        session(l.on()).message(l.handle(), Jsons.createObjectBuilder().add("request", "start").build(),
                "answer", answerSdp);
    }

    @Override
    public void trickle(String link, IceCandidate candidate) {
        JsonObject c = candidate == null ? Jsons.createObjectBuilder().add("completed", true).build()
                : Jsons.createObjectBuilder().add("candidate", candidate.candidate())
                .add("sdpMid", candidate.sdpMid() == null ? JsonValue.NULL : Jsons.createValue(candidate.sdpMid()))
                .add("sdpMLineIndex", candidate.sdpMLineIndex() == null ? 0 : candidate.sdpMLineIndex()).build();
        Link l = known(link);
        session(l.on()).trickle(l.handle(), c);
    }

    @Override
    public void muteAudio(String link, boolean muted) {
        Link l = known(link);
        if (l.published() == null) {
            throw new MediaFailure("Link " + link + " publishes nothing");
        }
        for (String mid : l.audioMids()) {
            session(l.on()).message(l.handle(), Jsons.createObjectBuilder().add("request", "moderate")
                    .add("room", l.room().toString()).add("id", l.published().id()).add("mid", mid)
                    .add("mute", muted).build(), null, null);
        }
        if (l.relayed()) {
            relays().moderate(l.room(), l.published(), l.audioMids(), muted);
        }
        LOG.fine(() -> "Audio of " + l.published().id() + (muted ? " muted" : " let through") + " at the server");
    }

    /**
     * The subscription's video follows the substream asked for: 0, the lowest, or 2, the highest
     * the publisher sends (Janus falls back to the best one that arrives); NONE stops forwarding its
     * video ({@code send: false}), the audio goes on. Feeds sent without simulcast are forwarded as
     * they come.
     */
    @Override
    public void chooseQuality(String link, Quality quality) {
        Link l = known(link);
        if (l.published() != null) {
            throw new MediaFailure("Link " + link + " receives nothing");
        }
        var streams = Jsons.createArrayBuilder();
        l.videoMids().forEach(mid -> streams.add(quality == Quality.NONE
                ? Jsons.createObjectBuilder().add("mid", mid).add("send", false)
                : Jsons.createObjectBuilder().add("mid", mid).add("send", true).add("substream", quality == Quality.LOW ? 0 : 2)));
        session(l.on()).message(l.handle(), Jsons.createObjectBuilder().add("request", "configure").add("streams", streams).build(),
                null, null);
        LOG.fine(() -> "Link " + link + " receives the " + quality + " layer");
    }

    @Override
    public void hangUp(String link) {
        Link l = links.remove(link);
        if (l == null) {
            return;
        }
        JanusSession s = l.on().current();
        if (s != null) {
            s.detach(l.handle());
        }
        if (l.relayed()) {
            relays().withdraw(l.room(), l.published());
        }
    }

    @Override
    public List<Feed> feeds(UUID meetingId) {
        JsonObject data;
        try {
            data = origin().videoRoom(Jsons.createObjectBuilder().add("request", "listparticipants")
                    .add("room", meetingId.toString()).build(), NO_SUCH_ROOM);
        } catch (RuntimeException e) {
            throw new MediaFailure("Asking Janus for the feeds of meeting " + meetingId + " failed: " + e.getMessage(), e);
        }
        List<Feed> feeds = new ArrayList<>();
        if (data.containsKey("participants")) {
            data.getJsonArray("participants").getValuesAs(JsonObject.class).stream()
                    .filter(p -> p.getBoolean("publisher", false))
                    .forEach(p -> feeds.add(Feed.parse(p.getString("id"))));
        }
        return feeds;
    }

    @Override
    public void startRecording(UUID meetingId, UUID recordingId) {
        recordings(); // configured, or say so now
        enableRecording(meetingId, true, 0);
        LOG.info(() -> "Janus records room " + meetingId + " for recording " + recordingId);
    }

    @Override
    public RecordedMedia finishRecording(UUID meetingId, UUID recordingId) {
        enableRecording(meetingId, false, NO_SUCH_ROOM); // a room that is gone (the meeting ended) recorded its last already
        return recordings().finish(meetingId, recordingId);
    }

    private void enableRecording(UUID meetingId, boolean on, int fine) {
        origin().videoRoom(Jsons.createObjectBuilder().add("request", "enable_recording").add("room", meetingId.toString())
                .add("record", on).build(), fine);
    }

    private JanusRecordings recordings() {
        return new JanusRecordings(java.nio.file.Path.of(recordingsDir.orElseThrow(() -> new MediaFailure(
                "Recording is off: convene.media.janus-recordings-dir names no folder"))), ppRec, ffmpeg, ffprobe);
    }

    private void kick(UUID meetingId, Feed feed) {
        origin().videoRoom(Jsons.createObjectBuilder().add("request", "kick").add("room", meetingId.toString())
                .add("id", feed.id()).build(), 0);
    }

    private Link known(String link) {
        Link l = links.get(link);
        if (l == null) {
            throw new MediaFailure("No link " + link + " on this node");
        }
        return l;
    }

    /** This node's session on a server; when Janus lost the one before, its links are gone with it. */
    private JanusSession session(JanusInstance on) {
        return on.session(() -> links.values().removeIf(l -> l.on() == on));
    }

    /** Every server's state: the room's own server's, then each audience server's. */
    @Override
    public String probe() {
        StringBuilder said = new StringBuilder(origin().probe());
        for (JanusInstance edge : audienceServers()) {
            try {
                edge.probe();
                said.append("; the audience's too at ").append(edge.url());
            } catch (RuntimeException e) {
                throw new IllegalStateException("Janus for the audience at " + edge.url() + " does not serve: " + e.getMessage(), e);
            }
        }
        return said.toString();
    }

    private synchronized JanusInstance origin() {
        if (origin == null) {
            origin = new JanusInstance(janusUrl.orElseThrow(() -> new IllegalStateException(
                    "No media server configured (convene.media.janus-url)")), "", threads);
        }
        return origin;
    }

    private synchronized List<JanusInstance> audienceServers() {
        if (audienceServers == null) {
            List<String> urls = audienceUrls.map(u -> java.util.Arrays.stream(u.split(",")).map(String::trim)
                    .filter(x -> !x.isEmpty()).toList()).orElse(List.of());
            audienceServers = java.util.stream.IntStream.range(0, urls.size())
                    .mapToObj(i -> new JanusInstance(urls.get(i), "a" + (i + 1) + "-", threads)).toList();
        }
        return audienceServers;
    }

    private synchronized AudienceRelays relays() {
        if (relays == null) {
            relays = new AudienceRelays(origin(), audienceServers(), this::roomCreation);
        }
        return relays;
    }

    @PreDestroy
    void closeSessions() {
        if (origin != null) {
            origin.close();
        }
        if (audienceServers != null) {
            audienceServers.forEach(JanusInstance::close);
        }
    }
}
