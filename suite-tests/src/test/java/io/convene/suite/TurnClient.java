package io.convene.suite;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Just enough of a TURN client (RFC 5766 Allocate over UDP with long-term credentials, RFC 5389
 * message integrity) to ask a real TURN server for a relay with the credentials Convene handed out.
 */
final class TurnClient {

    private static final int MAGIC = 0x2112A442;
    private static final int ALLOCATE = 0x0003;
    private static final int ALLOCATE_OK = 0x0103;
    private static final int USERNAME = 0x0006;
    private static final int MESSAGE_INTEGRITY = 0x0008;
    private static final int ERROR_CODE = 0x0009;
    private static final int REALM = 0x0014;
    private static final int NONCE = 0x0015;
    private static final int XOR_RELAYED_ADDRESS = 0x0016;
    private static final int REQUESTED_TRANSPORT = 0x0019;

    /** What the server answered: a relayed port when it allocated one, else its error code. */
    record Outcome(boolean allocated, int relayedPort, int errorCode) {
    }

    private TurnClient() {
    }

    static Outcome allocate(String host, int port, String username, String password) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            socket.setSoTimeout(3000);
            InetSocketAddress server = new InetSocketAddress(host, port);
            // the first request has no credentials: the answer is 401 with the realm and a nonce
            byte[] challenge = exchange(socket, server, request(new byte[0][], null));
            byte[] realm = attribute(challenge, REALM);
            byte[] nonce = attribute(challenge, NONCE);
            if (realm == null || nonce == null) {
                throw new IllegalStateException("No realm and nonce in the server's challenge");
            }
            byte[][] attributes = {
                    tlv(USERNAME, username.getBytes(StandardCharsets.UTF_8)), tlv(REALM, realm), tlv(NONCE, nonce)};
            byte[] key = md5(username + ":" + new String(realm, StandardCharsets.UTF_8) + ":" + password);
            byte[] answer = exchange(socket, server, request(attributes, key));
            int type = ByteBuffer.wrap(answer).getShort(0) & 0xFFFF;
            if (type == ALLOCATE_OK) {
                byte[] relayed = attribute(answer, XOR_RELAYED_ADDRESS);
                int relayedPort = (ByteBuffer.wrap(relayed).getShort(2) & 0xFFFF) ^ (MAGIC >>> 16);
                return new Outcome(true, relayedPort, 0);
            }
            byte[] error = attribute(answer, ERROR_CODE);
            return new Outcome(false, 0, error == null ? -1 : (error[2] & 0x07) * 100 + (error[3] & 0xFF));
        }
    }

    private static byte[] request(byte[][] attributes, byte[] key) {
        byte[] transport = tlv(REQUESTED_TRANSPORT, new byte[] {17, 0, 0, 0}); // UDP
        int length = transport.length + Arrays.stream(attributes).mapToInt(a -> a.length).sum();
        ByteBuffer message = ByteBuffer.allocate(20 + length + (key == null ? 0 : 24));
        message.putShort((short) ALLOCATE).putShort((short) (length + (key == null ? 0 : 24))).putInt(MAGIC);
        byte[] transaction = new byte[12];
        new SecureRandom().nextBytes(transaction);
        message.put(transaction).put(transport);
        for (byte[] a : attributes) {
            message.put(a);
        }
        if (key != null) { // HMAC-SHA1 over everything before it, the length already counting it
            byte[] integrity = hmac(key, Arrays.copyOf(message.array(), message.position()));
            message.put(tlv(MESSAGE_INTEGRITY, integrity));
        }
        return message.array();
    }

    private static byte[] exchange(DatagramSocket socket, InetSocketAddress server, byte[] request) throws IOException {
        socket.send(new DatagramPacket(request, request.length, server));
        byte[] buffer = new byte[2048];
        DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
        socket.receive(reply);
        return Arrays.copyOf(buffer, reply.getLength());
    }

    private static byte[] tlv(int type, byte[] value) {
        int padded = (value.length + 3) / 4 * 4;
        return ByteBuffer.allocate(4 + padded).putShort((short) type).putShort((short) value.length).put(value).array();
    }

    private static byte[] attribute(byte[] message, int wanted) {
        ByteBuffer b = ByteBuffer.wrap(message);
        int end = 20 + (b.getShort(2) & 0xFFFF);
        for (int at = 20; at + 4 <= end; ) {
            int type = b.getShort(at) & 0xFFFF;
            int length = b.getShort(at + 2) & 0xFFFF;
            if (type == wanted) {
                return Arrays.copyOfRange(message, at + 4, at + 4 + length);
            }
            at += 4 + (length + 3) / 4 * 4;
        }
        return null;
    }

    private static byte[] md5(String text) {
        try {
            return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
