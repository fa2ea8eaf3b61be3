package io.convene.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * What the benchmark's WebSocket clients write (the upgrade request, masked frames) and how they
 * read a coalesced frame (a JSON array of objects, split without parsing them).
 */
final class Frames {

    private Frames() {
    }

    /** Hands each top-level object of {@code array} to {@code each}, in order. */
    static void each(String array, Consumer<String> each) {
        int depth = 0;
        int start = -1;
        boolean inString = false;
        for (int i = 1; i < array.length() - 1; i++) {
            char c = array.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                if (depth++ == 0) {
                    start = i;
                }
            } else if (c == '}' && --depth == 0) {
                each.accept(array.substring(start, i + 1));
            }
        }
    }

    /** The HTTP request that opens a WebSocket at {@code uri}, asking for {@code protocol} if not null. */
    static byte[] upgradeRequest(URI uri, String protocol) {
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        String target = (uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return ("GET " + target + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n"
                + (protocol == null ? "" : "Sec-WebSocket-Protocol: " + protocol + "\r\n") + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** One whole frame as a client sends it: masked. */
    static byte[] masked(int finAndOpcode, byte[] data) {
        int head = data.length < 126 ? 2 : data.length < 65536 ? 4 : 10;
        byte[] frame = new byte[head + 4 + data.length];
        frame[0] = (byte) finAndOpcode;
        if (head == 2) {
            frame[1] = (byte) (0x80 | data.length);
        } else if (head == 4) {
            frame[1] = (byte) (0x80 | 126);
            frame[2] = (byte) (data.length >> 8);
            frame[3] = (byte) data.length;
        } else {
            frame[1] = (byte) (0x80 | 127);
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) ((long) data.length >> (56 - 8 * i));
            }
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        System.arraycopy(mask, 0, frame, head, 4);
        for (int i = 0; i < data.length; i++) {
            frame[head + 4 + i] = (byte) (data[i] ^ mask[i & 3]);
        }
        return frame;
    }
}
