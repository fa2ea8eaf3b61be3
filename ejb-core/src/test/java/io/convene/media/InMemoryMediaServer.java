package io.convene.media;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The media server kept in memory, for unit tests: it keeps its rooms and the feeds published in
 * them, and writes down every request in words ({@link #calls()}), in order, for a test to read. A
 * test may switch it off ({@link #off()}), make one kind of request fail ({@link #failing}), hand it
 * what a recording makes ({@link #recorded}), or do something while it starts a recording.
 */
public final class InMemoryMediaServer implements MediaServer {

    private final List<String> calls = new ArrayList<>();
    private final Set<UUID> rooms = new LinkedHashSet<>();
    private final Map<UUID, List<Feed>> feeds = new HashMap<>();
    private final Map<String, RuntimeException> failing = new HashMap<>();
    private final Map<UUID, RecordedMedia> recorded = new HashMap<>();
    private boolean configured = true;
    private int links;
    private Runnable whileStartingRecording = () -> { };

    /** No media server is configured. */
    public InMemoryMediaServer off() {
        configured = false;
        return this;
    }

    /** Requests of this kind ({@code "openRoom"}, {@code "finishRecording"} ...) fail with {@code failure}. */
    public InMemoryMediaServer failing(String request, RuntimeException failure) {
        failing.put(request, failure);
        return this;
    }

    /** What finishing this recording makes. */
    public InMemoryMediaServer recorded(UUID recordingId, RecordedMedia media) {
        recorded.put(recordingId, media);
        return this;
    }

    /** Runs while the server starts a recording (a server that takes its time). */
    public InMemoryMediaServer whileStartingRecording(Runnable action) {
        whileStartingRecording = action;
        return this;
    }

    /** Every request so far, in words, in order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    public Set<UUID> openRooms() {
        return Set.copyOf(rooms);
    }

    private void ask(String request, String call) {
        calls.add(call);
        RuntimeException failure = failing.get(request);
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public boolean configured() {
        return configured;
    }

    @Override
    public String probe() {
        ask("probe", "probe");
        return "in memory";
    }

    @Override
    public void openRoom(UUID meetingId) {
        ask("openRoom", "openRoom " + meetingId);
        rooms.add(meetingId);
    }

    @Override
    public void closeRoom(UUID meetingId) {
        ask("closeRoom", "closeRoom " + meetingId);
        rooms.remove(meetingId);
        feeds.remove(meetingId);
    }

    @Override
    public Negotiation publish(UUID meetingId, Feed feed, String displayName, String offerSdp, Reach reach,
                               MediaListener listener) {
        ask("publish", "publish " + feed.id() + " as " + displayName + " in " + meetingId + toAudience(reach));
        rooms.add(meetingId);
        feeds.computeIfAbsent(meetingId, r -> new ArrayList<>()).add(feed);
        return new Negotiation("link-" + ++links, "answer to " + offerSdp);
    }

    @Override
    public Negotiation subscribe(UUID meetingId, Feed feed, Reach reach, MediaListener listener) {
        ask("subscribe", "subscribe " + feed.id() + " in " + meetingId + toAudience(reach));
        return new Negotiation("link-" + ++links, "offer of " + feed.id());
    }

    private static String toAudience(Reach reach) {
        return reach == Reach.AUDIENCE ? " for the audience" : "";
    }

    @Override
    public void start(String link, String answerSdp) {
        ask("start", "start " + link + " with " + answerSdp);
    }

    @Override
    public void trickle(String link, IceCandidate candidate) {
        ask("trickle", "trickle " + link + " " + (candidate == null ? "end" : candidate.candidate()));
    }

    @Override
    public void muteAudio(String link, boolean muted) {
        ask("muteAudio", (muted ? "mute " : "unmute ") + link);
    }

    @Override
    public void chooseQuality(String link, Quality quality) {
        ask("chooseQuality", "quality " + quality + " for " + link);
    }

    @Override
    public void hangUp(String link) {
        ask("hangUp", "hangUp " + link);
    }

    @Override
    public List<Feed> feeds(UUID meetingId) {
        return List.copyOf(feeds.getOrDefault(meetingId, List.of()));
    }

    @Override
    public void startRecording(UUID meetingId, UUID recordingId) {
        ask("startRecording", "startRecording " + recordingId + " of " + meetingId);
        whileStartingRecording.run();
    }

    @Override
    public RecordedMedia finishRecording(UUID meetingId, UUID recordingId) {
        ask("finishRecording", "finishRecording " + recordingId + " of " + meetingId);
        RecordedMedia media = recorded.get(recordingId);
        if (media == null) {
            throw new MediaFailure("nothing was recorded for " + recordingId);
        }
        return media;
    }
}
