package io.convene.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Client WebSockets by the thousand: each is upgraded on the caller's thread, then a few selector
 * threads read them all (RawChannel's thread per socket would put a thousand threads beside the
 * server under test on two cores). Whole text frames only; pings answered; outgoing frames masked.
 */
final class WsClients implements AutoCloseable {

    /** What a socket hears, on its reader thread. */
    interface Handler {
        /** One text frame; {@code now} is System.nanoTime() just after it was read. */
        void text(Socket socket, String text, long now);

        void failed(String why);
    }

    private final Reader[] readers;
    private final AtomicInteger turn = new AtomicInteger();
    private final Queue<Socket> all = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    WsClients(int threads) throws IOException {
        readers = new Reader[threads];
        for (int i = 0; i < threads; i++) {
            readers[i] = new Reader(i);
            readers[i].start();
        }
    }

    /** Connects and upgrades (10 s at most each), then a reader thread reads the socket. */
    Socket open(URI uri, String protocol, Handler handler) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.socket().connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
            channel.socket().setSoTimeout(10_000);
            channel.write(ByteBuffer.wrap(Frames.upgradeRequest(uri, protocol)));
            InputStream in = channel.socket().getInputStream(); // honours the timeout while blocking
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            int end;
            while ((end = headEnd(buffer)) < 0) {
                int n = in.read(buffer.array(), buffer.position(), buffer.remaining());
                if (n < 0) {
                    throw new IOException("closed during the upgrade");
                }
                buffer.position(buffer.position() + n);
            }
            String head = new String(buffer.array(), 0, end, StandardCharsets.ISO_8859_1);
            if (!head.startsWith("HTTP/1.1 101")) {
                throw new IOException("no upgrade: " + head.lines().findFirst().orElse(""));
            }
            buffer.flip().position(end);
            buffer.compact(); // what came after the head is the first frames
            channel.configureBlocking(false);
            Socket socket = new Socket(channel, handler, buffer);
            all.add(socket);
            Reader reader = readers[Math.floorMod(turn.getAndIncrement(), readers.length)];
            reader.added.add(socket);
            reader.selector.wakeup();
            return socket;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static int headEnd(ByteBuffer buffer) {
        byte[] b = buffer.array();
        for (int i = 3; i < buffer.position(); i++) {
            if (b[i] == '\n' && b[i - 1] == '\r' && b[i - 2] == '\n' && b[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        closed = true;
        all.forEach(Socket::close);
        for (Reader r : readers) {
            r.selector.wakeup();
        }
    }

    /** One client socket. */
    static final class Socket {
        private final SocketChannel channel;
        private final Handler handler;
        private ByteBuffer in; // in write mode between reads
        private volatile boolean closing;
        private boolean failed;

        Socket(SocketChannel channel, Handler handler, ByteBuffer in) {
            this.channel = channel;
            this.handler = handler;
            this.in = in;
        }

        /** Sends one text frame (from any thread; waits while the server does not read, 30 s at most). */
        void text(String text) throws IOException {
            send(0x81, text.getBytes(StandardCharsets.UTF_8));
        }

        private synchronized void send(int finAndOpcode, byte[] data) throws IOException {
            ByteBuffer frame = ByteBuffer.wrap(Frames.masked(finAndOpcode, data));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (frame.hasRemaining()) {
                if (channel.write(frame) == 0) {
                    if (System.nanoTime() > deadline) {
                        throw new IOException("the server read nothing for 30 s");
                    }
                    LockSupport.parkNanos(100_000);
                }
            }
        }

        /** Reads what is there and hands on each whole frame. */
        private void readable() {
            try {
                int n = channel.read(in);
                frames(System.nanoTime());
                if (n < 0) {
                    throw new IOException("closed by the server");
                }
            } catch (IOException e) {
                fail(e.getMessage());
            }
        }

        private void frames(long now) throws IOException {
            in.flip();
            int need = 0;
            while (in.remaining() >= 2) {
                int at = in.position();
                int b0 = in.get(at) & 0xff;
                int b1 = in.get(at + 1) & 0xff;
                int head = 2;
                long length = b1 & 0x7f;
                if (length == 126) {
                    if (in.remaining() < 4) {
                        break;
                    }
                    length = in.getShort(at + 2) & 0xffff;
                    head = 4;
                } else if (length == 127) {
                    if (in.remaining() < 10) {
                        break;
                    }
                    length = in.getLong(at + 2);
                    head = 10;
                }
                if ((b1 & 0x80) != 0 || (b0 & 0x70) != 0 || length > 64 * 1024 * 1024) {
                    throw new IOException("bad frame header " + Integer.toHexString(b0) + " " + Integer.toHexString(b1));
                }
                if (in.remaining() < head + length) {
                    need = head + (int) length;
                    break;
                }
                int start = at + head;
                int end = start + (int) length;
                in.position(end);
                int opcode = b0 & 0x0f;
                if (opcode == 0x1 && (b0 & 0x80) != 0) {
                    handler.text(this, new String(in.array(), start, end - start, StandardCharsets.UTF_8), now);
                } else if (opcode == 0x9) {
                    send(0x8A, Arrays.copyOfRange(in.array(), start, end)); // pong, as every client does
                } else if (opcode == 0x8) {
                    throw new IOException("closed by the server: " + (length >= 2 ? in.getShort(start) : "")
                            + " " + new String(in.array(), Math.min(start + 2, end), Math.max(0, end - start - 2),
                            StandardCharsets.UTF_8));
                } else if (opcode != 0xA) {
                    throw new IOException("unexpected frame " + Integer.toHexString(b0) + " (fragmented or binary)");
                }
            }
            in.compact();
            if (need > in.capacity()) {
                in = ByteBuffer.allocate(Math.max(need, 2 * in.capacity())).put(in.flip());
            }
        }

        private void fail(String why) {
            boolean ours = closing;
            close();
            if (!ours && !failed) {
                failed = true;
                handler.failed(why);
            }
        }

        void close() {
            closing = true;
            try {
                channel.close();
            } catch (IOException e) {
                // at the end of a run
            }
        }
    }

    private final class Reader extends Thread {
        final Selector selector;
        final Queue<Socket> added = new ConcurrentLinkedQueue<>();

        Reader(int number) throws IOException {
            super("ws-reader-" + number);
            setDaemon(true);
            selector = Selector.open();
        }

        @Override
        public void run() {
            try (selector) {
                while (!closed) {
                    selector.select(500);
                    for (Socket s; (s = added.poll()) != null; ) {
                        try {
                            s.channel.register(selector, SelectionKey.OP_READ, s);
                            s.readable(); // what came with the upgrade, and since
                        } catch (IOException e) {
                            s.fail("register: " + e);
                        }
                    }
                    for (SelectionKey key : selector.selectedKeys()) {
                        if (key.isValid()) {
                            ((Socket) key.attachment()).readable();
                        }
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException e) {
                System.err.println(getName() + " stopped: " + e);
            }
        }
    }
}
