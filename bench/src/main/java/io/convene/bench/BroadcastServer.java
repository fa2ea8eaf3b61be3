package io.convene.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * The machine's ceiling: a WebSocket server (Netty, on bench's classpath through Artemis's client)
 * that relays each text frame to every connected socket and does nothing else — no login, no
 * storage, no room. A participant is in once its socket is open. Each message is a frame of its own;
 * a socket's writes go out together once per turn of its event loop (FlushConsolidationHandler), not
 * in a system call each, which took the ceiling at 100 participants from 640 to 2,560 msg/s here.
 */
final class BroadcastServer implements ChatServerComparison.ChatServer {

    private final EventLoopGroup boss = new NioEventLoopGroup(1);
    private final EventLoopGroup workers = new NioEventLoopGroup(); // two threads a core
    private final ChannelGroup sockets = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Channel listener;
    private final URI uri;

    BroadcastServer() throws InterruptedException {
        listener = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new FlushConsolidationHandler(256, true), new HttpServerCodec(), new HttpObjectAggregator(65536),
                                new WebSocketServerProtocolHandler("/"), new Relay());
                    }
                }).bind("127.0.0.1", 0).sync().channel();
        uri = URI.create("ws://127.0.0.1:" + ((InetSocketAddress) listener.localAddress()).getPort() + "/");
    }

    private final class Relay extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                sockets.add(ctx.channel()); // and off the group again when it closes
            }
            ctx.fireUserEventTriggered(event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            sockets.writeAndFlush(frame.retain()); // the group sends each socket a duplicate, then releases
        }
    }

    @Override
    public String name() {
        return "bare broadcast (Netty)";
    }

    @Override
    public ChatServerComparison.Member member(String nick) {
        return new ChatServerComparison.Member() {
            @Override
            void open(WsClients clients) throws Exception {
                socket = clients.open(uri, null, this);
                ready.complete(null);
            }

            @Override
            public void text(WsClients.Socket socket, String text, long now) {
                if (text.startsWith("cmp-")) {
                    chat(Long.parseLong(text, 4, text.length(), 10), now);
                }
            }
        };
    }

    @Override
    public String chat(long seq) {
        return "cmp-" + seq;
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        sockets.close().syncUninterruptibly();
        workers.shutdownGracefully();
        boss.shutdownGracefully();
    }
}
