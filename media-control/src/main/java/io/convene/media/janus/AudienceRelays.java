package io.convene.media.janus;

import io.convene.media.Feed;
import io.convene.shared.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * A webinar's feeds on the servers that serve its audience: each feed published on the room's own
 * Janus (the origin) is added to the same room on every audience server as a VideoRoom <em>remote
 * publisher</em> under the feed's own id ({@code add_remote_publisher}), and the origin forwards its
 * RTP there ({@code publish_remotely}). The audience subscribes on those servers as to any feed. A
 * server that fails is logged and left out: its audience is served by the origin instead.
 */
final class AudienceRelays {

    private static final Logger LOG = Logger.getLogger(AudienceRelays.class.getName());
    private static final int NO_SUCH_ROOM = 426;
    private static final int ROOM_EXISTS = 427;
    private static final int NO_SUCH_FEED = 428;
    private static final int ID_EXISTS = 436;

    private final JanusInstance origin;
    private final List<JanusInstance> edges;
    private final Function<UUID, JsonObjectBuilder> roomCreation;

    AudienceRelays(JanusInstance origin, List<JanusInstance> edges, Function<UUID, JsonObjectBuilder> roomCreation) {
        this.origin = origin;
        this.edges = edges;
        this.roomCreation = roomCreation;
    }

    /** Makes a feed just published on the origin available on every audience server. */
    void relay(UUID room, Feed feed, String displayName, JsonArray streams) {
        for (JanusInstance edge : edges) {
            try {
                relay(edge, room, feed, displayName, streams);
                LOG.info(() -> "Feed " + feed.id() + " of room " + room + " relayed to Janus at " + edge.url());
            } catch (RuntimeException e) {
                LOG.warning(() -> "Relaying feed " + feed.id() + " of room " + room + " to Janus at " + edge.url()
                        + " failed: " + e.getMessage() + "; the audience there is served by " + origin.url());
            }
        }
    }

    private void relay(JanusInstance edge, UUID room, Feed feed, String displayName, JsonArray streams) {
        edge.videoRoom(roomCreation.apply(room).build(), ROOM_EXISTS);
        String address = edge.address();
        JsonObject add = Jsons.createObjectBuilder().add("request", "add_remote_publisher").add("room", room.toString())
                .add("id", feed.id()).add("display", displayName).add("iface", address).add("streams", streams).build();
        JsonObject at = edge.videoRoom(add, ID_EXISTS);
        if (at.containsKey("error_code")) { // left from a publication before (the same feed again after a reconnect)
            removeRemotePublisher(edge, room, feed);
            at = edge.videoRoom(add);
        }
        JsonObjectBuilder forward = Jsons.createObjectBuilder().add("request", "publish_remotely").add("room", room.toString())
                .add("publisher_id", feed.id()).add("remote_id", remoteId(edge)).add("host", at.getString("ip", address))
                .add("port", at.getInt("port"));
        if (at.containsKey("rtcp_port")) {
            forward.add("rtcp_port", at.getInt("rtcp_port"));
        }
        origin.videoRoom(forward.build());
    }

    /**
     * Mutes (or lets through) a relayed feed's audio on every audience server too, so that a host's
     * mute holds there whatever the meeting's own server forwards.
     */
    void moderate(UUID room, Feed feed, List<String> audioMids, boolean muted) {
        for (JanusInstance edge : edges) {
            for (String mid : audioMids) {
                try {
                    edge.videoRoom(Jsons.createObjectBuilder().add("request", "moderate").add("room", room.toString())
                            .add("id", feed.id()).add("mid", mid).add("mute", muted).build());
                } catch (RuntimeException e) {
                    LOG.warning(() -> "Janus at " + edge.url() + " did not " + (muted ? "mute " : "unmute ") + feed.id()
                            + " (" + e.getMessage() + "): the feed is taken off it");
                    withdrawFrom(edge, room, feed); // a mute that may not hold there: nothing of the feed goes there
                    break;
                }
            }
        }
    }

    /** Takes a feed that ended off every audience server (the origin's forwarding ends with its publisher). */
    void withdraw(UUID room, Feed feed) {
        edges.forEach(edge -> withdrawFrom(edge, room, feed));
    }

    private void withdrawFrom(JanusInstance edge, UUID room, Feed feed) {
        try {
            origin.videoRoom(Jsons.createObjectBuilder().add("request", "unpublish_remotely").add("room", room.toString())
                    .add("publisher_id", feed.id()).add("remote_id", remoteId(edge)).build(), NO_SUCH_FEED, NO_SUCH_ROOM);
        } catch (RuntimeException e) {
            LOG.fine(() -> "Janus at " + origin.url() + " no longer forwards " + feed.id() + ": " + e.getMessage());
        }
        try {
            removeRemotePublisher(edge, room, feed);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Taking feed " + feed.id() + " off Janus at " + edge.url() + " failed: " + e.getMessage());
        }
    }

    private static void removeRemotePublisher(JanusInstance edge, UUID room, Feed feed) {
        edge.videoRoom(Jsons.createObjectBuilder().add("request", "remove_remote_publisher").add("room", room.toString())
                .add("id", feed.id()).build(), NO_SUCH_FEED, NO_SUCH_ROOM);
    }

    /** The name the origin gives its forwarding of a feed to one audience server. */
    private static String remoteId(JanusInstance edge) {
        return "to " + edge.url();
    }
}
