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
 * their own; links (a VideoRoom handle each) live in this node's one long session
 * ({@link JanusSession}).
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

    /** A link of this node: its room, handle and, for a published feed, the feed and its audio streams. */
    private record Link(UUID room, long handle, Feed published, List<String> audioMids, List<String> videoMids) {
    }

    private final Map<String, Link> links = new ConcurrentHashMap<>();
    private JanusSession session;
    private JanusHttp http;

    @Override
    public boolean configured() {
        return janusUrl.isPresent();
    }

    @Override
    public void openRoom(UUID meetingId) {
        JsonObjectBuilder create = Jsons.createObjectBuilder().add("request", "create").add("room", meetingId.toString())
                .add("description", "Convene meeting " + meetingId).add("is_private", true).add("publishers", 100)
                .add("permanent", false);
        adminKey.ifPresent(key -> create.add("admin_key", key));
        recordingsDir.ifPresent(dir -> create.add("rec_dir", recordings().roomFolder(meetingId).toString()));
        videoRoom(create.build(), ROOM_EXISTS);
    }

    @Override
    public void closeRoom(UUID meetingId) {
        videoRoom(Jsons.createObjectBuilder().add("request", "destroy").add("room", meetingId.toString())
                .add("permanent", false).build(), NO_SUCH_ROOM);
    }

    @Override
    public Negotiation publish(UUID meetingId, Feed feed, String displayName, String offerSdp, MediaListener listener) {
        JsonObject join = Jsons.createObjectBuilder().add("request", "joinandconfigure").add("ptype", "publisher")
                .add("room", meetingId.toString()).add("id", feed.id()).add("display", displayName).build();
        JanusSession s = session();
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
            String link = Long.toString(handle);
            links.put(link, new Link(meetingId, handle, feed, Sdp.mids(reply.sdp(), "audio"), List.of()));
            return new Negotiation(link, reply.sdp());
        } catch (RuntimeException e) {
            s.detach(handle);
            throw e;
        }
    }

    @Override
    public Negotiation subscribe(UUID meetingId, Feed feed, MediaListener listener) {
        JsonObject join = Jsons.createObjectBuilder().add("request", "join").add("ptype", "subscriber")
                .add("room", meetingId.toString())
                .add("streams", Jsons.createArrayBuilder().add(Jsons.createObjectBuilder().add("feed", feed.id()))).build();
        JanusSession s = session();
        long handle = s.attach(listener);
        try {
            JanusSession.Reply reply = s.message(handle, join, null, null);
            String link = Long.toString(handle);
            links.put(link, new Link(meetingId, handle, null, List.of(), Sdp.mids(reply.sdp(), "video")));
            return new Negotiation(link, reply.sdp());
        } catch (RuntimeException e) {
            s.detach(handle);
            throw e;
        }
    }

    @Override
    public void start(String link, String answerSdp) {
        session().message(known(link).handle(), Jsons.createObjectBuilder().add("request", "start").build(),
                "answer", answerSdp);
    }

    @Override
    public void trickle(String link, IceCandidate candidate) {
        JsonObject c = candidate == null ? Jsons.createObjectBuilder().add("completed", true).build()
                : Jsons.createObjectBuilder().add("candidate", candidate.candidate())
                .add("sdpMid", candidate.sdpMid() == null ? JsonValue.NULL : Jsons.createValue(candidate.sdpMid()))
                .add("sdpMLineIndex", candidate.sdpMLineIndex() == null ? 0 : candidate.sdpMLineIndex()).build();
        session().trickle(known(link).handle(), c);
    }

    @Override
    public void muteAudio(String link, boolean muted) {
        Link l = known(link);
        if (l.published() == null) {
            throw new MediaFailure("Link " + link + " publishes nothing");
        }
        for (String mid : l.audioMids()) {
            session().message(l.handle(), Jsons.createObjectBuilder().add("request", "moderate")
                    .add("room", l.room().toString()).add("id", l.published().id()).add("mid", mid)
                    .add("mute", muted).build(), null, null);
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
        session().message(l.handle(), Jsons.createObjectBuilder().add("request", "configure").add("streams", streams).build(),
                null, null);
        LOG.fine(() -> "Link " + link + " receives the " + quality + " layer");
    }

    @Override
    public void hangUp(String link) {
        Link l = links.remove(link);
        JanusSession s = current();
        if (l != null && s != null) {
            s.detach(l.handle());
        }
    }

    @Override
    public List<Feed> feeds(UUID meetingId) {
        JsonObject data;
        try {
            data = videoRoom(Jsons.createObjectBuilder().add("request", "listparticipants")
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
        videoRoom(Jsons.createObjectBuilder().add("request", "enable_recording").add("room", meetingId.toString())
                .add("record", on).build(), fine);
    }

    private JanusRecordings recordings() {
        return new JanusRecordings(java.nio.file.Path.of(recordingsDir.orElseThrow(() -> new MediaFailure(
                "Recording is off: convene.media.janus-recordings-dir names no folder"))), ppRec, ffmpeg, ffprobe);
    }

    private void kick(UUID meetingId, Feed feed) {
        videoRoom(Jsons.createObjectBuilder().add("request", "kick").add("room", meetingId.toString())
                .add("id", feed.id()).build(), 0);
    }

    private Link known(String link) {
        Link l = links.get(link);
        if (l == null) {
            throw new MediaFailure("No link " + link + " on this node");
        }
        return l;
    }

    /** This node's session, made anew when there is none or Janus lost it (its links are gone with it). */
    private synchronized JanusSession session() {
        if (session == null || !session.isOpen()) {
            links.clear();
            session = JanusSession.create(http(), threads);
        }
        return session;
    }

    private synchronized JanusSession current() {
        return session;
    }

    /**
     * One synchronous VideoRoom request in a Janus session of its own (create, attach, message,
     * destroy: nothing to keep alive between requests); {@code fine} is the error code that means
     * the room already is as asked.
     */
    private JsonObject videoRoom(JsonObject body, int fine) {
        JanusHttp http = http();
        long session = http.post("", Jsons.createObjectBuilder().add("janus", "create").build()).getJsonObject("data")
                .getJsonNumber("id").longValue();
        try {
            long handle = http.post("/" + session, Jsons.createObjectBuilder().add("janus", "attach").add("plugin", VIDEOROOM)
                    .build()).getJsonObject("data").getJsonNumber("id").longValue();
            JsonObject data = http.post("/" + session + "/" + handle, Jsons.createObjectBuilder().add("janus", "message")
                    .add("body", body).build()).getJsonObject("plugindata").getJsonObject("data");
            int error = data.getInt("error_code", 0);
            if (error != 0 && error != fine) {
                throw new MediaFailure("Janus VideoRoom refused " + body.getString("request") + ": " + error + " "
                        + data.getString("error", ""));
            }
            return data;
        } finally {
            http.post("/" + session, Jsons.createObjectBuilder().add("janus", "destroy").build());
        }
    }

    @Override
    public String probe() {
        JanusHttp http = http();
        JsonObject info = (JsonObject) http.get("/info", JanusHttp.PATIENCE);
        if (!info.getJsonObject("plugins").containsKey(VIDEOROOM)) {
            throw new IllegalStateException("Janus at " + http.url() + " has no VideoRoom plugin");
        }
        return "Janus " + info.getString("version_string", "?") + " with VideoRoom at " + http.url();
    }

    private synchronized JanusHttp http() {
        if (http == null) {
            http = new JanusHttp(janusUrl.orElseThrow(() -> new IllegalStateException(
                    "No media server configured (convene.media.janus-url)")));
        }
        return http;
    }

    @PreDestroy
    void closeSession() {
        JanusSession s = current();
        if (s != null) {
            s.close();
        }
    }
}
