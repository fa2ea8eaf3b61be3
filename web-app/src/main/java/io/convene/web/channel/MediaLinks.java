package io.convene.web.channel;

import io.convene.media.Feed;
import io.convene.media.MediaServer;
import io.convene.media.MediaServer.IceCandidate;
import io.convene.media.MediaServer.Negotiation;
import io.convene.media.MeetingMedia;
import io.convene.meeting.MeetingEvent;
import io.convene.shared.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The media links one channel socket opened (its published feeds and its subscriptions), the
 * signalling messages that make and end them (docs/meeting-channel.md), and what the media server
 * says of them, passed on to the browser. The socket hangs them all up when it closes; a published
 * camera's audio follows the participant's microphone as the meeting has it (a host's mute stops it
 * at the server).
 */
final class MediaLinks implements MediaServer.MediaListener {

    private static final Logger LOG = Logger.getLogger(MediaLinks.class.getName());

    private final ChannelHub.Subscriber owner;
    private final MeetingMedia media;
    /** Each link of this socket. */
    private final Map<String, Held> links = new ConcurrentHashMap<>();

    /** A link: the feed it publishes (none: a subscription), and the media room it is in. */
    private record Held(Optional<Feed> feed, java.util.UUID room) {
    }

    MediaLinks(ChannelHub.Subscriber owner, MeetingMedia media) {
        this.owner = owner;
        this.media = media;
    }

    /** {@code media.publish}: the browser's offer for its camera or screen; answered with {@code media.answer}. */
    void publish(JsonObject message) throws IOException {
        Feed.Kind kind = Feed.kind(message.getString("kind"));
        Feed feed = new Feed(owner.participationId, kind);
        links.entrySet().stream().filter(e -> e.getValue().feed().equals(Optional.of(feed))).map(Map.Entry::getKey)
                .toList().forEach(this::drop); // a new offer for the same feed replaces the old link
        MeetingMedia.Placed placed = media.publish(owner.meetingId, owner.participationId, kind, message.getString("sdp"), this);
        Negotiation answer = placed.negotiation();
        links.put(answer.link(), new Held(Optional.of(feed), placed.room()));
        if (placed.webinar()) { // sent back to the audience while the media server answered: the link ends
            leaveStageIfSent();
            if (!links.containsKey(answer.link())) {
                return;
            }
        }
        owner.send(Jsons.createObjectBuilder().add("type", "media.answer").add("link", answer.link())
                .add("feed", feed.id()).add("sdp", answer.sdp()).build());
    }

    /**
     * {@code media.subscribe}: receive a feed; the media server's offer goes back as {@code media.offer},
     * a refusal (the feed is in another breakout room, say) as {@code media.refused} with the feed.
     */
    void subscribe(JsonObject message) throws IOException {
        Feed feed = Feed.parse(message.getString("feed"));
        MeetingMedia.Placed placed;
        try {
            placed = media.subscribe(owner.meetingId, owner.participationId, feed, this);
        } catch (io.convene.shared.DomainException e) { // said with the feed, so the page forgets what it asked for
            owner.send(Jsons.createObjectBuilder().add("type", "media.refused").add("feed", feed.id())
                    .add("message", e.getMessage()).build());
            return;
        }
        Negotiation offer = placed.negotiation();
        links.put(offer.link(), new Held(Optional.empty(), placed.room()));
        owner.send(Jsons.createObjectBuilder().add("type", "media.offer").add("link", offer.link())
                .add("feed", feed.id()).add("sdp", offer.sdp()).build());
    }

    /** {@code media.answer}: the browser's answer to a subscription's offer. */
    void answer(JsonObject message) throws IOException {
        String link = owned(message);
        media.start(link, message.getString("sdp"));
        owner.send(Jsons.createObjectBuilder().add("type", "media.started").add("link", link).build());
    }

    /** {@code media.candidate}: one ICE candidate of the browser's for a link, or null when it has no more. */
    void candidate(JsonObject message) {
        String link = owned(message);
        JsonValue c = message.get("candidate");
        if (c == null || c == JsonValue.NULL) {
            media.trickle(link, null);
            return;
        }
        JsonObject candidate = c.asJsonObject();
        media.trickle(link, new IceCandidate(candidate.getString("candidate"), candidate.getString("sdpMid", null),
                candidate.containsKey("sdpMLineIndex") && !candidate.isNull("sdpMLineIndex")
                        ? candidate.getInt("sdpMLineIndex") : null));
    }

    /** {@code media.quality}: the layer one of this socket's subscriptions receives ({@code low} or {@code high}). */
    void quality(JsonObject message) {
        media.chooseQuality(owned(message), MediaServer.Quality.valueOf(
                message.getString("quality").toUpperCase(java.util.Locale.ROOT)));
    }

    /** {@code media.hangup}: ends one of this socket's links. */
    /** {@code media.hangup}: idempotent — a link the server already closed (its feed went away) is closed. */
    void hangUp(JsonObject message) throws IOException {
        String link = message.getString("link");
        if (links.containsKey(link)) {
            drop(link);
        }
        owner.send(Jsons.createObjectBuilder().add("type", "media.closed").add("link", link).build());
    }

    /** {@code media.feeds}: what is published in the meeting now. */
    void feeds() throws IOException {
        JsonArrayBuilder feeds = Jsons.createArrayBuilder();
        media.feeds(owner.meetingId, owner.participationId).forEach(f -> feeds.add(f.describe()));
        owner.send(Jsons.createObjectBuilder().add("type", "media.feeds").add("feeds", feeds).build());
    }

    /**
     * Events this socket was sent: when its own microphone was turned off or on, the server follows;
     * when breakout rooms opened or closed, or it was moved, its links in the room it left end; when
     * its role changed and it is in a webinar's audience now, what it published ends.
     */
    void observe(List<MeetingEvent> sent) {
        boolean maybeMoved = false;
        boolean maybeOffStage = false;
        for (MeetingEvent e : sent) {
            if (e.type().equals("participant.role") && e.payload().contains(owner.participationId.toString())
                    && links.values().stream().anyMatch(h -> h.feed().isPresent())) {
                maybeOffStage = true;
            }
            if (!links.isEmpty() && (e.type().equals("breakout.opened") || e.type().equals("breakout.closed")
                    || (e.type().equals("breakout.assigned") && e.payload().contains(owner.participationId.toString())))) {
                maybeMoved = true;
            }
            // only this socket's own participant matters: skip the others' events without parsing them
            if (!e.type().equals("participant.media") || links.isEmpty()
                    || !e.payload().contains(owner.participationId.toString())) {
                continue;
            }
            JsonObject data;
            try (JsonReader reader = Jsons.createReader(new StringReader(e.payload()))) {
                data = reader.readObject();
            }
            if (owner.participationId.toString().equals(data.getString("participationId", ""))) {
                boolean on = data.getBoolean("audio", false);
                links.forEach((link, held) -> held.feed().filter(f -> f.kind() == Feed.Kind.CAMERA)
                        .ifPresent(f -> safely(() -> media.followAudio(link, on), "follow the microphone of " + link)));
            }
        }
        if (maybeMoved) {
            safely(this::leaveOtherRooms, "end the links left in another room");
        }
        if (maybeOffStage) {
            safely(this::leaveStageIfSent, "end what was published from a webinar's stage");
        }
    }

    /** Ends what this participant published once a host has sent them back to a webinar's audience. */
    private void leaveStageIfSent() {
        if (media.onStage(owner.meetingId, owner.participationId)) {
            return;
        }
        links.entrySet().stream().filter(e -> e.getValue().feed().isPresent()).map(Map.Entry::getKey).toList()
                .forEach(link -> {
                    LOG.info(() -> "Participation " + owner.participationId + " is in the webinar's audience: its link "
                            + link + " ends");
                    drop(link);
                });
    }

    /** Ends the links in a media room the participant is no longer in (the page makes new ones where they are). */
    private void leaveOtherRooms() {
        java.util.UUID here = media.roomOf(owner.meetingId, owner.participationId);
        links.entrySet().stream().filter(e -> !e.getValue().room().equals(here)).map(Map.Entry::getKey).toList()
                .forEach(link -> {
                    LOG.info(() -> "Participation " + owner.participationId + " moved to media room " + here
                            + ": its link " + link + " there ends");
                    drop(link);
                });
    }

    /** The socket closed: every link ends. */
    void closeAll() {
        List.copyOf(links.keySet()).forEach(link -> safely(() -> drop(link), "hang up " + link));
    }

    @Override
    public void changed(String link, String state, String medium, String reason) {
        Held held = links.get(link);
        if (held == null) {
            return;
        }
        JsonObjectBuilder message = Jsons.createObjectBuilder().add("type", "media.state").add("link", link)
                .add("state", state);
        if (medium != null) {
            message.add("medium", medium);
        }
        if (reason != null) {
            message.add("reason", reason);
        }
        if (state.equals("connected")) {
            LOG.info(() -> "Media link " + link + " of participation " + owner.participationId + " connected");
            held.feed().ifPresent(published -> safely(() -> media.announce(owner.meetingId, published, held.room()),
                    "announce " + published.id()));
        } else if (state.equals("hangup")) {
            LOG.info(() -> "Media link " + link + " of participation " + owner.participationId + " hung up: " + reason);
            Held gone = links.remove(link);
            if (gone != null) {
                gone.feed().ifPresent(published -> safely(() -> media.ended(owner.meetingId, published, gone.room()),
                        "announce the end of " + published.id()));
            }
        }
        try {
            owner.send(message.build());
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "Telling participation " + owner.participationId + " of link " + link + " failed", e);
        }
    }

    @Override
    public void candidate(String link, IceCandidate candidate) {
        JsonObjectBuilder c = Jsons.createObjectBuilder().add("candidate", candidate.candidate());
        if (candidate.sdpMid() != null) {
            c.add("sdpMid", candidate.sdpMid());
        }
        if (candidate.sdpMLineIndex() != null) {
            c.add("sdpMLineIndex", candidate.sdpMLineIndex());
        }
        try { // sent even before the link's SDP: the page keeps it until the link is known
            owner.send(Jsons.createObjectBuilder().add("type", "media.candidate").add("link", link).add("candidate", c).build());
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "Passing a candidate of link " + link + " on failed", e);
        }
    }

    private void drop(String link) {
        Held held = links.remove(link);
        if (held != null) {
            media.hangUp(owner.meetingId, link, held.feed().orElse(null), held.room());
        }
    }

    private String owned(JsonObject message) {
        String link = message.getString("link");
        if (!links.containsKey(link)) {
            throw new IllegalArgumentException("Not a link of this channel: " + link);
        }
        return link;
    }

    private void safely(Runnable action, String what) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not " + what + " for participation " + owner.participationId + ": " + e.getMessage(), e);
        }
    }
}
