package io.convene.media.janus;

import io.convene.media.MediaFailure;
import io.convene.shared.Jsons;
import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.ThreadFactory;

/**
 * One Janus server as this node uses it: its HTTP API, the node's one long session on it (made anew
 * when Janus lost it), and one-off VideoRoom requests in sessions of their own. Its links are named
 * with its {@code prefix}, so that links on several servers never share a name.
 */
final class JanusInstance {

    private final JanusHttp http;
    private final String prefix;
    private final ThreadFactory threads;
    private JanusSession session;

    JanusInstance(String url, String prefix, ThreadFactory threads) {
        this.http = new JanusHttp(url);
        this.prefix = prefix;
        this.threads = threads;
    }

    String url() {
        return http.url();
    }

    /**
     * The address other Janus servers send this one media at: its API's host (a relay's media and its
     * signalling take the same network).
     */
    String address() {
        try {
            return InetAddress.getByName(URI.create(url()).getHost()).getHostAddress();
        } catch (UnknownHostException e) {
            throw new MediaFailure("Janus at " + url() + " has a host name that does not resolve", e);
        }
    }

    /** The node's session here, made anew when there is none or Janus lost it ({@code linksGone} runs then). */
    synchronized JanusSession session(Runnable linksGone) {
        if (session == null || !session.isOpen()) {
            if (session != null) {
                linksGone.run();
            }
            session = JanusSession.create(http, threads, prefix);
        }
        return session;
    }

    synchronized JanusSession current() {
        return session;
    }

    /**
     * One synchronous VideoRoom request in a Janus session of its own (create, attach, message,
     * destroy: nothing to keep alive between requests); {@code fine} are the error codes that mean
     * the room already is as asked.
     */
    JsonObject videoRoom(JsonObject body, int... fine) {
        long oneOff = http.post("", Jsons.createObjectBuilder().add("janus", "create").build()).getJsonObject("data")
                .getJsonNumber("id").longValue();
        try {
            long handle = http.post("/" + oneOff, Jsons.createObjectBuilder().add("janus", "attach")
                    .add("plugin", JanusMediaServer.VIDEOROOM).build()).getJsonObject("data").getJsonNumber("id").longValue();
            JsonObject data = http.post("/" + oneOff + "/" + handle, Jsons.createObjectBuilder().add("janus", "message")
                    .add("body", body).build()).getJsonObject("plugindata").getJsonObject("data");
            int error = data.getInt("error_code", 0);
            if (error != 0 && java.util.Arrays.stream(fine).noneMatch(f -> f == error)) {
                throw new JanusHttp.JanusException(error, body.getString("request") + " at " + url() + ": "
                        + data.getString("error", ""));
            }
            return data;
        } finally {
            http.post("/" + oneOff, Jsons.createObjectBuilder().add("janus", "destroy").build());
        }
    }

    /** Asks Janus whether it serves, with VideoRoom; says what runs, or throws saying why not. */
    String probe() {
        JsonObject info = (JsonObject) http.get("/info", JanusHttp.PATIENCE);
        if (!info.getJsonObject("plugins").containsKey(JanusMediaServer.VIDEOROOM)) {
            throw new IllegalStateException("Janus at " + http.url() + " has no VideoRoom plugin");
        }
        return "Janus " + info.getString("version_string", "?") + " with VideoRoom at " + http.url();
    }

    synchronized void close() {
        if (session != null) {
            session.close();
        }
    }
}
