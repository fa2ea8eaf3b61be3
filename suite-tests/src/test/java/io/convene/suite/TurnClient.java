package io.convene.suite;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Just enough of a TURN client (RFC 5766 Allocate, CreatePermission and Send over UDP, RFC 6062's TCP
 * Allocate over TCP, with long-term credentials and RFC 5389 message integrity) to ask a real TURN
 * server for a relay with the credentials Convene handed out, and to see where it relays to.
 */
final class TurnClient {

    private static final int MAGIC = 0x2112A442;
    private static final int ALLOCATE = 0x0003;
    private static final int ALLOCATE_OK = 0x0103;
    private static final int CREATE_PERMISSION = 0x0008;
    private static final int CREATE_PERMISSION_OK = 0x0108;
    private static final int SEND_INDICATION = 0x0016;
    private static final int USERNAME = 0x0006;
    private static final int MESSAGE_INTEGRITY = 0x0008;
    private static final int ERROR_CODE = 0x0009;
    private static final int XOR_PEER_ADDRESS = 0x0012;
    private static final int DATA = 0x0013;
    private static final int REALM = 0x0014;
    private static final int NONCE = 0x0015;
    private static final int XOR_RELAYED_ADDRESS = 0x0016;
    private static final int REQUESTED_TRANSPORT = 0x0019;
    private static final byte UDP = 17;
    private static final byte TCP = 6;

    /** What the server answered: a relayed port when it allocated one, else its error code. */
    record Outcome(boolean allocated, int relayedPort, int errorCode) {
    }

    private TurnClient() {
    }

    static Outcome allocate(String host, int port, String username, String password) throws IOException {
        try (Relay relay = Relay.open(host, port, username, password)) {
            return relay.outcome();
        }
    }

    /**
     * A TCP relay (RFC 6062: Allocate with REQUESTED-TRANSPORT TCP over a TCP connection, which a
     * Connect to any peer would follow); what the server answered.
     */
    static Outcome allocateTcp(String host, int port, String username, String password) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 3000);
            socket.setSoTimeout(3000);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            out.write(message(ALLOCATE, new byte[][] {tlv(REQUESTED_TRANSPORT, new byte[] {TCP, 0, 0, 0})}, null));
            byte[] challenge = read(in);
            byte[] realm = attribute(challenge, REALM);
            byte[] nonce = attribute(challenge, NONCE);
            byte[] key = md5(username + ":" + new String(realm, StandardCharsets.UTF_8) + ":" + password);
            out.write(message(ALLOCATE, new byte[][] {tlv(REQUESTED_TRANSPORT, new byte[] {TCP, 0, 0, 0}),
                    tlv(USERNAME, username.getBytes(StandardCharsets.UTF_8)), tlv(REALM, realm), tlv(NONCE, nonce)}, key));
            return outcome(read(in));
        }
    }

    /** A UDP relay kept open: permissions for peers, and data sent to them through it. */
    static final class Relay implements AutoCloseable {
        private final DatagramSocket socket;
        private final InetSocketAddress server;
        private final byte[][] credentials;
        private final byte[] key;
        private final Outcome outcome;

        private Relay(DatagramSocket socket, InetSocketAddress server, byte[][] credentials, byte[] key, Outcome outcome) {
            this.socket = socket;
            this.server = server;
            this.credentials = credentials;
            this.key = key;
            this.outcome = outcome;
        }

        static Relay open(String host, int port, String username, String password) throws IOException {
            DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
            try {
                socket.setSoTimeout(3000);
                InetSocketAddress server = new InetSocketAddress(host, port);
                byte[] udp = tlv(REQUESTED_TRANSPORT, new byte[] {UDP, 0, 0, 0});
                // the first request has no credentials: the answer is 401 with the realm and a nonce
                byte[] challenge = exchange(socket, server, message(ALLOCATE, new byte[][] {udp}, null));
                byte[] realm = attribute(challenge, REALM);
                byte[] nonce = attribute(challenge, NONCE);
                if (realm == null || nonce == null) {
                    throw new IllegalStateException("No realm and nonce in the server's challenge");
                }
                byte[][] credentials = {
                        tlv(USERNAME, username.getBytes(StandardCharsets.UTF_8)), tlv(REALM, realm), tlv(NONCE, nonce)};
                byte[] key = md5(username + ":" + new String(realm, StandardCharsets.UTF_8) + ":" + password);
                byte[] answer = exchange(socket, server, message(ALLOCATE, concat(new byte[][] {udp}, credentials), key));
                return new Relay(socket, server, credentials, key, TurnClient.outcome(answer));
            } catch (IOException | RuntimeException e) {
                socket.close();
                throw e;
            }
        }

        Outcome outcome() {
            return outcome;
        }

        /** 200 when the server lets the relay exchange data with this peer, else its error code (403: forbidden). */
        int createPermission(InetAddress peer) throws IOException {
            byte[] answer = exchange(socket, server, message(CREATE_PERMISSION,
                    concat(new byte[][] {xorAddress(new InetSocketAddress(peer, 9))}, credentials), key));
            if ((ByteBuffer.wrap(answer).getShort(0) & 0xFFFF) == CREATE_PERMISSION_OK) {
                return 200;
            }
            byte[] error = attribute(answer, ERROR_CODE);
            return error == null ? -1 : (error[2] & 0x07) * 100 + (error[3] & 0xFF);
        }

        /** Data to a peer through the relay (a Send indication: the server answers nothing). */
        void send(InetSocketAddress peer, byte[] data) throws IOException {
            byte[] indication = message(SEND_INDICATION, new byte[][] {xorAddress(peer), tlv(DATA, data)}, null);
            socket.send(new DatagramPacket(indication, indication.length, server));
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    private static Outcome outcome(byte[] answer) {
        int type = ByteBuffer.wrap(answer).getShort(0) & 0xFFFF;
        if (type == ALLOCATE_OK) {
            byte[] relayed = attribute(answer, XOR_RELAYED_ADDRESS);
            int relayedPort = (ByteBuffer.wrap(relayed).getShort(2) & 0xFFFF) ^ (MAGIC >>> 16);
            return new Outcome(true, relayedPort, 0);
        }
        byte[] error = attribute(answer, ERROR_CODE);
        return new Outcome(false, 0, error == null ? -1 : (error[2] & 0x07) * 100 + (error[3] & 0xFF));
    }

    /** XOR-PEER-ADDRESS of an IPv4 peer (RFC 5766 14.3): port and address XORed with the magic cookie. */
    private static byte[] xorAddress(InetSocketAddress peer) {
        byte[] ip = peer.getAddress().getAddress();
        ByteBuffer value = ByteBuffer.allocate(8).put((byte) 0).put((byte) 1)
                .putShort((short) (peer.getPort() ^ (MAGIC >>> 16))).putInt(ByteBuffer.wrap(ip).getInt() ^ MAGIC);
        return tlv(XOR_PEER_ADDRESS, value.array());
    }

    private static byte[][] concat(byte[][] a, byte[][] b) {
        byte[][] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static byte[] message(int type, byte[][] attributes, byte[] key) {
        int length = Arrays.stream(attributes).mapToInt(a -> a.length).sum();
        ByteBuffer message = ByteBuffer.allocate(20 + length + (key == null ? 0 : 24));
        message.putShort((short) type).putShort((short) (length + (key == null ? 0 : 24))).putInt(MAGIC);
        byte[] transaction = new byte[12];
        new SecureRandom().nextBytes(transaction);
        message.put(transaction);
        for (byte[] a : attributes) {
            message.put(a);
        }
        if (key != null) { // HMAC-SHA1 over everything before it, the length already counting it
            byte[] integrity = hmac(key, Arrays.copyOf(message.array(), message.position()));
            message.put(tlv(MESSAGE_INTEGRITY, integrity));
        }
        return message.array();
    }

    /** One STUN message from a TCP stream (messages follow each other unframed). */
    private static byte[] read(DataInputStream in) throws IOException {
        byte[] header = new byte[20];
        in.readFully(header);
        byte[] message = Arrays.copyOf(header, 20 + (ByteBuffer.wrap(header).getShort(2) & 0xFFFF));
        in.readFully(message, 20, message.length - 20);
        return message;
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
