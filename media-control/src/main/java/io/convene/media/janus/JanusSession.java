package io.convene.media.janus;

import io.convene.media.MediaFailure;
import io.convene.media.MediaServer.MediaListener;
import io.convene.shared.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's one Janus session: a handle per link (a published feed or a subscription), the long
 * poll that brings Janus's events (which also keeps the session alive), and the plugin requests
 * Janus answers later ("ack" now, the event with the same transaction on the poll). When Janus
 * loses the session (it restarted), every link is told it hung up and the session is closed; the
 * next link makes a new one.
 */
final class JanusSession implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(JanusSession.class.getName());
    private static final Duration ANSWER_PATIENCE = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofSeconds(45); // Janus answers a quiet poll after 30 s

    /** A plugin's answer and the SDP that came with it, if any. */
    record Reply(JsonObject data, String sdp) {
    }

    private final JanusHttp http;
    private final long id;
    private final String prefix;
    private final Map<String, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final Map<Long, MediaListener> listeners = new ConcurrentHashMap<>();
    private volatile boolean open = true;

    private JanusSession(JanusHttp http, long id, String prefix) {
        this.http = http;
        this.id = id;
        this.prefix = prefix;
    }

    /** A session whose links are named {@code prefix} and their handle's number. */
    static JanusSession create(JanusHttp http, ThreadFactory threads, String prefix) {
        long id = http.post("", Jsons.createObjectBuilder().add("janus", "create").build()).getJsonObject("data")
                .getJsonNumber("id").longValue();
        JanusSession session = new JanusSession(http, id, prefix);
        Thread poller = threads.newThread(session::poll);
        poller.setName("janus-session-" + id);
        poller.start();
        LOG.info(() -> "Janus session " + id + " opened at " + http.url());
        return session;
    }

    boolean isOpen() {
        return open;
    }

    /** The name of the link a handle carries. */
    String link(long handle) {
        return prefix + handle;
    }

    /** A new handle on the VideoRoom plugin, whose events go to {@code listener}. */
    long attach(MediaListener listener) {
        long handle = http.post("/" + id, Jsons.createObjectBuilder().add("janus", "attach")
                .add("plugin", JanusMediaServer.VIDEOROOM).build()).getJsonObject("data").getJsonNumber("id").longValue();
        listeners.put(handle, listener);
        return handle;
    }

    /** A VideoRoom request on a handle, with an SDP if given; waits for the answer however Janus sends it. */
    Reply message(long handle, JsonObject body, String sdpType, String sdp) {
        String transaction = UUID.randomUUID().toString();
        JsonObjectBuilder request = Jsons.createObjectBuilder().add("janus", "message").add("transaction", transaction)
                .add("body", body);
        if (sdp != null) {
            request.add("jsep", Jsons.createObjectBuilder().add("type", sdpType).add("sdp", sdp));
        }
        CompletableFuture<JsonObject> later = new CompletableFuture<>();
        pending.put(transaction, later);
        try {
            JsonObject reply = http.post("/" + id + "/" + handle, request.build());
            if ("ack".equals(reply.getString("janus", ""))) {
                reply = later.get(ANSWER_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                JanusHttp.failOnError(reply);
            }
            JsonObject data = reply.getJsonObject("plugindata").getJsonObject("data");
            if (data.containsKey("error_code")) {
                throw new JanusHttp.JanusException(data.getInt("error_code"), data.getString("error", "?"));
            }
            JsonObject jsep = reply.getJsonObject("jsep");
            return new Reply(data, jsep == null ? null : jsep.getString("sdp"));
        } catch (TimeoutException e) {
            throw new MediaFailure("Janus did not answer " + body.getString("request") + " in " + ANSWER_PATIENCE);
        } catch (ExecutionException e) {
            throw new MediaFailure("Janus session closed while waiting", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaFailure("Interrupted while waiting for Janus", e);
        } finally {
            pending.remove(transaction);
        }
    }

    void trickle(long handle, JsonObject candidate) {
        http.post("/" + id + "/" + handle, Jsons.createObjectBuilder().add("janus", "trickle")
                .add("candidate", candidate).build());
    }

    /** Ends a handle and its PeerConnection; a handle Janus no longer knows is fine. */
    void detach(long handle) {
        listeners.remove(handle);
        try {
            http.post("/" + id + "/" + handle, Jsons.createObjectBuilder().add("janus", "detach").build());
        } catch (JanusHttp.JanusException e) {
            if (e.code != JanusHttp.JanusException.NO_SUCH_HANDLE && e.code != JanusHttp.JanusException.NO_SUCH_SESSION) {
                throw e;
            }
        }
    }

    private void poll() {
        while (open) {
            try {
                JsonStructure events = http.get("/" + id + "?maxev=20&rid=" + System.nanoTime(), POLL);
                if (events instanceof JsonObject one) {
                    JanusHttp.failOnError(one);
                    dispatch(one);
                } else {
                    events.asJsonArray().forEach(e -> dispatch(e.asJsonObject()));
                }
            } catch (JanusHttp.JanusException e) {
                LOG.warning(() -> "Janus session " + id + " lost (" + e.getMessage() + "): its links hang up");
                lost("media server restarted");
            } catch (RuntimeException e) {
                if (!open) {
                    return;
                }
                LOG.log(Level.WARNING, "Polling Janus session " + id + " failed; trying again", e);
                pause();
            }
        }
    }

    private void dispatch(JsonObject event) {
        String kind = event.getString("janus", "");
        String transaction = event.getString("transaction", null);
        if (transaction != null && pending.containsKey(transaction) && !"ack".equals(kind)) {
            pending.get(transaction).complete(event);
            return;
        }
        if (!event.containsKey("sender")) {
            return;
        }
        long handle = event.getJsonNumber("sender").longValue();
        MediaListener listener = listeners.get(handle);
        if (listener == null) {
            return;
        }
        String link = link(handle);
        switch (kind) {
            case "webrtcup" -> listener.changed(link, "connected", null, null);
            case "media" -> listener.changed(link, event.getBoolean("receiving", false) ? "receiving" : "stopped",
                    event.getString("type", null), null);
            case "slowlink" -> listener.changed(link, "slow", event.getString("media", null), null);
            case "hangup" -> listener.changed(link, "hangup", null, event.getString("reason", null));
            default -> LOG.finest(() -> "Janus event " + event);
        }
    }

    private void lost(String reason) {
        open = false;
        pending.values().forEach(f -> f.completeExceptionally(new MediaFailure(reason)));
        List<Long> handles = List.copyOf(listeners.keySet());
        for (Long handle : handles) {
            MediaListener listener = listeners.remove(handle);
            if (listener != null) {
                try {
                    listener.changed(link(handle), "hangup", null, reason);
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "Telling link " + handle + " it hung up failed", e);
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        try {
            http.post("/" + id, Jsons.createObjectBuilder().add("janus", "destroy").build());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Destroying Janus session " + id + " failed", e);
        }
        lost("media server session closed");
    }
}
