package io.convene.web.channel;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One socket's outgoing frames, written one after another in the order they were handed over,
 * without making whoever hands them over wait for the network: a client that stops reading (a
 * frozen tab, a dead link that never said so) fills its own queue, not the thread that delivers a
 * meeting's events to everyone. A queue that passes its bound, or a frame that fails, closes the
 * socket with 1013 (try again later): the client reconnects with the last seq it saw and is sent
 * what it missed, in order. Measured on Payara 6: its WebSocket layer reports a frame written as
 * soon as it has buffered it, and ignores the send timeout (Tyrus's setWriteTimeout does nothing),
 * so a socket that never reads does not show here; the pings queued here in order with its frames
 * show it ({@link NonReadingSockets}). To a client that opened with {@code coalesce=true}, the
 * messages waiting when a frame is written go in that one frame, as a JSON array.
 */
public final class OrderedSender {

    private static final Logger LOG = Logger.getLogger(OrderedSender.class.getName());

    /** Frames a socket may have waiting (a busy meeting's minute of events for a reader that keeps up). */
    static final int MAX_WAITING = 5_000;

    /** How long one frame may take to be written before the client counts as gone (where the container honours it). */
    static final long SEND_TIMEOUT_MILLIS = 30_000;

    static final CloseReason FALLING_BEHIND = new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER,
            "falling behind: reconnect for what was missed");

    /** Characters one coalesced frame holds at most (a single message larger than that goes alone). */
    static final int MAX_COALESCED_CHARS = 64 * 1024;

    private final Session session;
    /** Whether the client reads several messages from one frame, as a JSON array (it opened with {@code coalesce=true}). */
    private final boolean coalesce;
    /** Text frames (String) and pings (their data, a ByteBuffer), in the order they are to go out. */
    private final ArrayDeque<Object> waiting = new ArrayDeque<>();
    private boolean inFlight;
    private boolean pumping;
    private boolean broken;
    private CloseReason closeWhenSent;

    /** @param coalesce whether messages waiting together may go in one frame, as a JSON array */
    public OrderedSender(Session session, boolean coalesce) {
        this.session = session;
        this.coalesce = coalesce;
        IdleTimerSkip.install(session);
        session.getAsyncRemote().setSendTimeout(SEND_TIMEOUT_MILLIS);
    }

    /** Queues one frame after those queued before it; a socket that is gone or too far behind is an IOException. */
    public synchronized void text(String frame) throws IOException {
        queue(frame);
    }

    /**
     * Queues several messages after those queued before them, in order; to a client that reads
     * several from one frame they go together (one frame instead of one each: what a busy meeting
     * costs is mostly per frame).
     */
    public synchronized void texts(List<String> messages) throws IOException {
        for (String m : messages) {
            add(m);
        }
        pump();
    }

    private void queue(Object frame) throws IOException {
        add(frame);
        pump();
    }

    private void add(Object frame) throws IOException {
        if (broken || closeWhenSent != null || !session.isOpen()) {
            throw new IOException("Channel socket closed");
        }
        if (waiting.size() >= MAX_WAITING) {
            broken = true;
            waiting.clear();
            close(FALLING_BEHIND);
            throw new IOException("Channel socket fell " + MAX_WAITING + " frames behind; closed");
        }
        waiting.add(frame);
    }

    /**
     * Queues a WebSocket ping after what is queued: the client's pong (sent by every browser and
     * WebSocket library on its own) says it has read everything written before it.
     */
    synchronized void ping(long token) throws IOException {
        queue(ByteBuffer.allocate(Long.BYTES).putLong(0, token));
    }

    /** Closes the socket once what was queued before is written (the removed hear why first). */
    synchronized void closeWhenSent(CloseReason reason) {
        if (closeWhenSent == null && !broken) {
            closeWhenSent = reason;
            pump();
        }
    }

    private void pump() {
        if (pumping) {
            return; // a write that completed at once, inside the loop below: the loop goes on
        }
        pumping = true;
        try {
            while (!inFlight && !broken && !waiting.isEmpty()) {
                Object next = waiting.poll();
                if (next instanceof ByteBuffer ping) {
                    session.getAsyncRemote().sendPing(ping); // a control frame: written at once, no completion
                    continue;
                }
                inFlight = true;
                session.getAsyncRemote().sendText(coalesce && waiting.peek() instanceof String ? withWaiting((String) next)
                        : (String) next, this::sent);
            }
            if (!inFlight && waiting.isEmpty() && closeWhenSent != null && !broken) {
                broken = true;
                close(closeWhenSent);
            }
        } catch (IOException | RuntimeException e) { // Tyrus: "Socket is not connected", or closed meanwhile
            gone(e);
        } finally {
            pumping = false;
        }
    }

    /** {@code first} and the messages waiting after it, up to a frame's worth, as one JSON array. */
    private String withWaiting(String first) {
        StringBuilder frame = new StringBuilder(Math.min(MAX_COALESCED_CHARS, first.length() * 4)).append('[').append(first);
        while (waiting.peek() instanceof String next && frame.length() + next.length() < MAX_COALESCED_CHARS) {
            frame.append(',').append(next);
            waiting.poll();
        }
        return frame.append(']').toString();
    }

    private synchronized void sent(SendResult result) {
        inFlight = false;
        if (!result.isOK()) {
            gone(result.getException());
            close(FALLING_BEHIND);
            return;
        }
        pump();
    }

    private void gone(Throwable why) {
        broken = true;
        waiting.clear();
        LOG.log(Level.FINE, "Channel socket " + session.getId() + " could not be written to", why);
    }

    private void close(CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Channel socket " + session.getId() + " already gone", e);
        }
    }
}
