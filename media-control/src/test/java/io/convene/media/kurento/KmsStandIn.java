package io.convene.media.kurento;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * A stand-in for Kurento Media Server that the tests own: the Kurento Protocol (JSON-RPC 2.0 over a
 * WebSocket) as the captured trace in ../shared/media shows it — ping, create, subscribe, invoke,
 * onEvent, release, closeSession — with objects that live until released. It records every call
 * ("create WebRtcEndpoint", "invoke processOffer", ...), sends an IceCandidateFound after
 * gatherCandidates, writes a recording's file when the recorder stops, and can "restart" (forget
 * every object and its session, as a restarted KMS would). Shared (test-jar) with the whole-suite
 * test that runs the EAR with Kurento selected.
 */
public final class KmsStandIn implements AutoCloseable {

    public static final String ANSWER = "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=Kurento Media Server\r\nt=0 0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n"
            + "c=IN IP4 0.0.0.0\r\na=mid:0\r\na=sendrecv\r\na=rtpmap:96 VP8/90000\r\n";
    static final String OFFER = ANSWER.replace("a=sendrecv", "a=sendonly");
    public static final String CANDIDATE = "candidate:1 1 UDP 2015363327 127.0.0.1 40000 typ host";

    public final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    /** Live objects by id, with their type. */
    public final Map<String, String> live = new ConcurrentHashMap<>();
    private final Map<String, String> parents = new ConcurrentHashMap<>();
    private final Map<String, String> subscriptions = new ConcurrentHashMap<>(); // "object type" -> subscription
    private final Map<String, String> uris = new ConcurrentHashMap<>();
    private final Path recordingSample;
    private volatile String session = UUID.randomUUID().toString();

    @SuppressWarnings("deprecation") // in Netty 4.2 too; the suite's tests run it on Artemis's Netty 4.1
    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private volatile Channel server;

    /**
     * @param recordingSample the file a recorder "writes" when it stops (a real WebM). Netty serves
     * the WebSocket: one event loop, so each connection's requests are answered in order, on the
     * thread that read them. (With Java-WebSocket, used before, a request now and then went
     * unanswered: the 1,000 cycles timed out twice, once in CI, with no error on either side.)
     */
    public KmsStandIn(Path recordingSample) {
        this.recordingSample = recordingSample;
    }

    /** Listens on a free port of 127.0.0.1. */
    public void start() throws InterruptedException {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                                new WebSocketServerProtocolHandler("/kurento", null, false, 1 << 20),
                                new SimpleChannelInboundHandler<TextWebSocketFrame>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
                                        onMessage(ctx.channel(), frame.text());
                                    }

                                    @Override
                                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                        System.err.println("KMS stand-in: " + cause);
                                        cause.printStackTrace();
                                        ctx.close();
                                    }
                                });
                    }
                }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    public int getPort() {
        return server == null ? -1 : ((InetSocketAddress) server.localAddress()).getPort();
    }

    public String url() {
        return "ws://127.0.0.1:" + getPort() + "/kurento";
    }

    /** Stops listening and drops every connection. */
    public void stop(int millis) throws InterruptedException {
        if (server != null) {
            server.close().sync();
        }
        connections.close().awaitUninterruptibly(millis);
        group.shutdownGracefully(0, millis, java.util.concurrent.TimeUnit.MILLISECONDS).awaitUninterruptibly(millis);
    }

    @Override
    public void close() throws InterruptedException {
        stop(1000);
    }

    public long liveOfType(String type) {
        return live.values().stream().filter(type::equals).count();
    }

    /** Forgets every object and its session, and drops the connections: a KMS that restarted. */
    public void restart() {
        live.clear();
        parents.clear();
        subscriptions.clear();
        session = UUID.randomUUID().toString();
        connections.close().awaitUninterruptibly();
    }

    private void onMessage(Channel conn, String text) {
        JsonObject request = JsonParser.parseString(text).getAsJsonObject();
        JsonElement id = request.get("id");
        String method = request.get("method").getAsString();
        JsonObject params = request.has("params") ? request.getAsJsonObject("params") : new JsonObject();
        switch (method) {
            case "ping" -> result(conn, id, value("pong"));
            case "connect" -> {
                if (params.has("sessionId") && !session.equals(params.get("sessionId").getAsString())) {
                    error(conn, id, 40007, "Invalid session");
                } else {
                    result(conn, id, withSession(new JsonObject()));
                }
            }
            case "create" -> create(conn, id, params);
            case "subscribe" -> {
                String subscription = UUID.randomUUID().toString();
                subscriptions.put(params.get("object").getAsString() + " " + params.get("type").getAsString(), subscription);
                calls.add("subscribe " + params.get("type").getAsString());
                result(conn, id, value(subscription));
            }
            case "unsubscribe", "closeSession" -> result(conn, id, withSession(new JsonObject()));
            case "invoke" -> invoke(conn, id, params);
            case "release" -> {
                String object = params.get("object").getAsString();
                calls.add("release " + live.getOrDefault(object, "?"));
                release(object);
                result(conn, id, withSession(new JsonObject()));
            }
            default -> error(conn, id, -32601, "Method not found: " + method);
        }
    }

    private void create(Channel conn, JsonElement id, JsonObject params) {
        String type = params.get("type").getAsString();
        JsonObject constructor = params.getAsJsonObject("constructorParams");
        String parent = constructor.has("mediaPipeline") ? constructor.get("mediaPipeline").getAsString()
                : constructor.has("hub") ? constructor.get("hub").getAsString() : null;
        String object = (constructor.has("mediaPipeline") ? parent + "/" : "") + UUID.randomUUID() + "_kurento." + type;
        live.put(object, type);
        if (parent != null) {
            parents.put(object, parent);
        }
        if (constructor.has("uri")) {
            uris.put(object, constructor.get("uri").getAsString());
        }
        calls.add("create " + type);
        result(conn, id, value(object));
    }

    private void invoke(Channel conn, JsonElement id, JsonObject params) {
        String object = params.get("object").getAsString();
        String operation = params.get("operation").getAsString();
        JsonObject args = params.has("operationParams") ? params.getAsJsonObject("operationParams") : new JsonObject();
        if (!object.startsWith("manager_") && !live.containsKey(object)) {
            error(conn, id, 40101, "Object '" + object + "' not found");
            return;
        }
        String detail = args.has("mediaType") ? " " + args.get("mediaType").getAsString() : "";
        if (args.has("candidate")) {
            detail = " " + args.getAsJsonObject("candidate").get("candidate").getAsString();
        }
        calls.add("invoke " + operation + detail);
        switch (operation) {
            case "processOffer" -> result(conn, id, value(ANSWER));
            case "generateOffer", "processAnswer" -> result(conn, id, value(OFFER));
            case "gatherCandidates" -> {
                result(conn, id, withSession(new JsonObject()));
                iceCandidateFound(conn, object);
            }
            case "getInfo" -> {
                JsonObject info = new JsonObject();
                info.addProperty("__module__", "kurento");
                info.addProperty("__type__", "ServerInfo");
                info.addProperty("version", "7.3.0-stand-in");
                info.add("modules", new com.google.gson.JsonArray());
                info.addProperty("type", "KMS");
                info.add("capabilities", new com.google.gson.JsonArray());
                JsonObject result = new JsonObject();
                result.add("value", info);
                result(conn, id, withSession(result));
            }
            case "stopAndWait" -> {
                writeRecording(uris.get(object));
                result(conn, id, value(JsonNull.INSTANCE));
            }
            default -> result(conn, id, value(JsonNull.INSTANCE));
        }
    }

    private void iceCandidateFound(Channel conn, String object) {
        String subscription = subscriptions.get(object + " IceCandidateFound");
        if (subscription == null) {
            return;
        }
        JsonObject candidate = new JsonObject();
        candidate.addProperty("__module__", "kurento");
        candidate.addProperty("__type__", "IceCandidate");
        candidate.addProperty("candidate", CANDIDATE);
        candidate.addProperty("sdpMid", "0");
        candidate.addProperty("sdpMLineIndex", 0);
        JsonObject data = new JsonObject();
        data.addProperty("source", object);
        data.add("tags", new com.google.gson.JsonArray());
        data.addProperty("timestamp", String.valueOf(System.currentTimeMillis() / 1000));
        data.addProperty("timestampMillis", String.valueOf(System.currentTimeMillis()));
        data.addProperty("type", "IceCandidateFound");
        data.add("candidate", candidate);
        JsonObject value = new JsonObject();
        value.add("data", data);
        value.addProperty("object", object);
        value.addProperty("subscription", subscription);
        value.addProperty("type", "IceCandidateFound");
        JsonObject params = new JsonObject();
        params.add("value", value);
        JsonObject event = new JsonObject();
        event.addProperty("jsonrpc", "2.0");
        event.addProperty("method", "onEvent");
        event.add("params", params);
        conn.writeAndFlush(new TextWebSocketFrame(event.toString()));
    }

    private void writeRecording(String uri) {
        try {
            Path target = Path.of(java.net.URI.create(uri));
            Files.createDirectories(target.getParent());
            Files.copy(recordingSample, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An object and everything made in it (a pipeline's elements, a hub's ports) go. */
    private void release(String object) {
        live.remove(object);
        List.copyOf(parents.entrySet()).stream().filter(e -> e.getValue().equals(object))
                .forEach(e -> release(e.getKey()));
        parents.remove(object);
    }

    private JsonObject value(String v) {
        return value(new com.google.gson.JsonPrimitive(v));
    }

    private JsonObject value(JsonElement v) {
        JsonObject result = new JsonObject();
        result.add("value", v);
        return withSession(result);
    }

    private JsonObject withSession(JsonObject result) {
        result.addProperty("sessionId", session);
        return result;
    }

    private static void result(Channel conn, JsonElement id, JsonObject result) {
        JsonObject answer = new JsonObject();
        answer.addProperty("jsonrpc", "2.0");
        answer.add("id", id);
        answer.add("result", result);
        conn.writeAndFlush(new TextWebSocketFrame(answer.toString()));
    }

    private static void error(Channel conn, JsonElement id, int code, String message) {
        JsonObject error = new JsonObject();
        error.addProperty("code", code);
        error.addProperty("message", message);
        JsonObject answer = new JsonObject();
        answer.addProperty("jsonrpc", "2.0");
        answer.add("id", id);
        answer.add("error", error);
        conn.writeAndFlush(new TextWebSocketFrame(answer.toString()));
    }

}
