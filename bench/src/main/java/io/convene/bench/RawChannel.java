package io.convene.bench;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * A channel socket read by hand, a thread each: every frame's header and payload are checked here
 * (text must be whole UTF-8), and a frame that is not is printed with its neighbourhood — so a
 * failure says whether the server sent it or a client library misread it.
 */
final class RawChannel {

    private final Socket socket;
    private volatile boolean closing;

    private RawChannel(Socket socket) {
        this.socket = socket;
    }

    static RawChannel open(URI uri, ChannelBenchmark.Listener listener) throws IOException {
        Socket socket = new Socket();
        boolean slow = SLOW_EVERY > 0 && OPENED.incrementAndGet() % SLOW_EVERY == 0;
        if (slow) {
            socket.setReceiveBufferSize(4096); // its server's writes back up soon
        }
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
        OutputStream out = socket.getOutputStream();
        out.write(Frames.upgradeRequest(uri, null));
        out.flush();
        DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), slow ? 1024 : 65536));
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.readUnsignedByte());
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("no upgrade: " + head.toString().lines().findFirst().orElse(""));
        }
        RawChannel channel = new RawChannel(socket);
        Thread reader = new Thread(() -> channel.read(in, listener, slow), "raw-channel");
        reader.setDaemon(true);
        reader.start();
        return channel;
    }

    /**
     * -Dbench.slow-readers=N: every N-th socket reads slowly (a 4 KB receive buffer, a pause of 100 ms
     * every 5 frames), so the server queues frames for it while it serves the others.
     */
    private static final int SLOW_EVERY = Integer.getInteger("bench.slow-readers", 0);
    private static final java.util.concurrent.atomic.AtomicInteger OPENED = new java.util.concurrent.atomic.AtomicInteger();

    private void read(DataInputStream in, ChannelBenchmark.Listener listener, boolean slow) {
        long frames = 0;
        try {
            while (true) {
                if (slow && frames % 5 == 4) {
                    try {
                        Thread.sleep(100); // a reader that keeps falling behind, on purpose
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                long length = b1 & 0x7f;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                if ((b1 & 0x80) != 0 || (b0 & 0x70) != 0 || length > 64 * 1024 * 1024) {
                    listener.failed("frame " + frames + ": bad header " + Integer.toHexString(b0) + " "
                            + Integer.toHexString(b1) + " length " + length);
                    return;
                }
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                frames++;
                int opcode = b0 & 0x0f;
                if (opcode == 0x8) {
                    listener.failed("closed by the server after " + frames + " frames");
                    return;
                }
                if (opcode == 0x9) {
                    pong(payload); // the server drops a socket that leaves its pings unanswered
                    continue;
                }
                if (opcode != 0x1 || (b0 & 0x80) == 0) {
                    continue; // the channel sends whole text frames; control frames are not counted
                }
                CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
                try {
                    listener.message(utf8.decode(ByteBuffer.wrap(payload)).toString(), System.nanoTime());
                } catch (CharacterCodingException e) {
                    int bad = firstNonAscii(payload);
                    int from = Math.max(0, bad - 48);
                    listener.failed("frame " + frames + " (" + length + " bytes) is not UTF-8 at " + bad + ": "
                            + new String(payload, from, Math.min(payload.length, bad + 48) - from, StandardCharsets.ISO_8859_1)
                            + " | hex " + HexFormat.of().formatHex(payload, from, Math.min(payload.length, bad + 48)));
                    return;
                }
            }
        } catch (IOException e) {
            if (!closing) {
                listener.failed("read failed after " + frames + " frames: " + e);
            }
        }
    }

    /** Answers a ping as every WebSocket client does: a pong with its data. */
    private void pong(byte[] data) throws IOException {
        write(0x8A, data);
    }

    /** Sends one text frame. */
    void text(String message) throws IOException {
        write(0x81, message.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes one whole frame, masked as a client's frames are. */
    private synchronized void write(int finAndOpcode, byte[] data) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(Frames.masked(finAndOpcode, data));
        out.flush();
    }

    private static int firstNonAscii(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] < 0) {
                return i;
            }
        }
        return -1;
    }

    void close() {
        closing = true;
        try {
            socket.close();
        } catch (IOException e) {
            // closing at the end of the run
        }
    }
}
