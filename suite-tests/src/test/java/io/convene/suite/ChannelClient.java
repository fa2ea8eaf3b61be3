package io.convene.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A WebSocket client of the meeting channel that keeps what it receives, in order. */
final class ChannelClient implements WebSocket.Listener, AutoCloseable {

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile String closeReason;
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static ChannelClient withTicket(String meetingId, String ticket) {
        return open(URI.create(ConveneSuite.get().settings().httpUrl().replace("http", "ws") + "/ws/meetings/"
                + meetingId + "?ticket=" + ticket), null);
    }

    /** Reconnecting as the join page does: the socket starts after the last seq seen. */
    static ChannelClient withTicketAfter(String meetingId, String ticket, long after) {
        return open(URI.create(ConveneSuite.get().settings().httpUrl().replace("http", "ws") + "/ws/meetings/"
                + meetingId + "?ticket=" + ticket + "&after=" + after), null);
    }

    static ChannelClient withBearer(String meetingId, String token) {
        return withBearer(ConveneSuite.get().settings().httpUrl(), meetingId, token);
    }

    /** A socket that reads several messages from one frame, as the join page does, starting after {@code after}. */
    static ChannelClient coalescing(String meetingId, String token, long after) {
        return open(URI.create(ConveneSuite.get().settings().httpUrl().replace("http", "ws") + "/ws/meetings/"
                + meetingId + "?coalesce=true&after=" + after), token);
    }

    /** The meeting channel of the server at {@code httpUrl} (the EAR's Payara Server, say). */
    static ChannelClient withBearer(String httpUrl, String meetingId, String token) {
        return open(URI.create(httpUrl.replace("http", "ws") + "/ws/meetings/" + meetingId), token);
    }

    /** The signed-in user's notification socket ({@code /ws/notifications}); null: no token. */
    static ChannelClient notifications(String token) {
        return open(URI.create(ConveneSuite.get().settings().httpUrl().replace("http", "ws") + "/ws/notifications"), token);
    }

    private static ChannelClient open(URI uri, String token) {
        ChannelClient client = new ChannelClient();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        try { // an upgrade never answered fails here, it does not hang the test
            client.socket = builder.buildAsync(uri, client).orTimeout(30, TimeUnit.SECONDS).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (!(e.getCause() instanceof java.net.http.WebSocketHandshakeException h) || h.getResponse().statusCode() < 300
                    || h.getResponse().statusCode() >= 400) {
                throw e;
            }
            // a redirect answering an upgrade: the container's recycled request (Payara bug #5432, as
            // Api says), never Convene's answer; the handshake is tried once more, and said so
            System.err.println("Upgrade to " + uri.getPath() + " answered " + h.getResponse().statusCode()
                    + " by the container (Payara #5432); trying once more");
            client.socket = builder.buildAsync(uri, client).orTimeout(30, TimeUnit.SECONDS).join();
        }
        return client;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                received.add(Api.JSON.readTree(partial.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeReason = reason;
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    void send(Object message) {
        send(Api.json(message));
    }

    /** The next message, waiting up to 10 s. */
    JsonNode next() {
        return next(10);
    }

    JsonNode next(int seconds) {
        try {
            JsonNode message = received.poll(seconds, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("No message within " + seconds + " s");
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Skips messages until one matches, answering it. */
    JsonNode await(Predicate<JsonNode> wanted) {
        while (true) {
            JsonNode message = next();
            if (wanted.test(message)) {
                return message;
            }
        }
    }

    JsonNode awaitEvent(String type) {
        return await(m -> "event".equals(m.path("type").asText()) && type.equals(m.path("event").asText()));
    }

    /** Skips messages until the event comes, waiting up to {@code seconds} for each. */
    JsonNode awaitEventWithin(String type, int seconds) {
        while (true) {
            JsonNode m = next(seconds);
            if ("event".equals(m.path("type").asText()) && type.equals(m.path("event").asText())) {
                return m;
            }
        }
    }

    /** Everything received within the given time. */
    List<JsonNode> drain(Duration quiet) {
        List<JsonNode> all = new ArrayList<>();
        try {
            JsonNode m;
            while ((m = received.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                all.add(m);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return all;
    }

    /** Whether the connection has ended (the server closed it, or it broke). */
    boolean isClosed() {
        return closed.isDone();
    }

    /** The close code the server sent, waiting up to 10 s; 1006 when the connection broke without one. */
    int closeCode() {
        return closed.orTimeout(10, TimeUnit.SECONDS).exceptionally(broken -> {
            if (broken instanceof java.util.concurrent.TimeoutException
                    || broken.getCause() instanceof java.util.concurrent.TimeoutException) {
                throw new AssertionError("Not closed within 10 s");
            }
            return 1006;
        }).join();
    }
    /** The reason the server gave with its close (after {@link #closeCode()}). */
    String closeReason() {
        return closeReason;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }
}
