package io.convene.web.channel;

import io.convene.meeting.ChannelEvent;
import io.convene.meeting.MeetingChannel;
import io.convene.meeting.MeetingEvent;
import io.convene.meeting.MeetingStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.convene.shared.Jsons;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The open channel sockets of this node, by meeting. When a meeting has news (a NOTIFY) it reads the
 * events once and sends each listener, in order, those after the last one it sent it that it may see.
 * A socket's position only moves forward, and everything sent on it is sent under its lock: the
 * events it carried are always one unbroken run, so nothing is sent twice or skipped, however
 * deliveries, the greeting and a resume meet. A client that reconnects names the last seq it saw
 * when opening ({@code ?after=}): the new socket starts there, in order.
 */
@ApplicationScoped
public class ChannelHub {

    private static final Logger LOG = Logger.getLogger(ChannelHub.class.getName());
    static final CloseReason REMOVED = new CloseReason(() -> 4403, "removed from the meeting");
    static final CloseReason ENDED = new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "meeting ended");
    static final CloseReason REPLACED = new CloseReason(() -> 4429,
            "too many connections for one participant: this one was replaced by a newer one");
    static final CloseReason FLOODING = new CloseReason(() -> 4429, "too many messages: slow down");
    static final CloseReason NOT_READING = new CloseReason(() -> 4408,
            "not reading: a ping went unanswered; reconnect for what was missed");

    @Inject
    MeetingChannel channel;

    /** Sockets one participation may hold open on this node (tabs, a reconnect overlapping the old socket). */
    @Inject
    @ConfigProperty(name = "convene.channel.max-sockets-per-participant", defaultValue = "5")
    int maxSocketsPerParticipant;

    /** Messages a socket may send per second, and ten times as many at once. */
    @Inject
    @ConfigProperty(name = "convene.channel.messages-per-second", defaultValue = "30")
    int messagesPerSecond;

    private final Map<UUID, Set<Subscriber>> byMeeting = new ConcurrentHashMap<>();
    private final AtomicLong opened = new AtomicLong();

    /** One socket, whom it belongs to, what they may see and how far it has been served. */
    static final class Subscriber {
        final Session session;
        final UUID meetingId;
        final UUID participationId;
        final MeetingChannel.Access access;
        /** Opening order on this node: the oldest sockets of a participation give way first. */
        final long order;
        /** What it may still send; a client that runs it dry is closed. */
        final MessageAllowance messages;
        /** Replays it may still ask for ({@code resume} reads the history again: dear, so few). */
        final MessageAllowance replays = new MessageAllowance(3, 0.2);
        /**
         * The socket has carried the events in (floor, lastSent] it may see: the last only grows, the
         * first only falls. Written under the socket's lock; read without it where a stale value only
         * means reading a few events more ({@link #deliver}'s starting point).
         */
        private volatile long lastSent;
        private long floor;
        /** Its media links; set once the socket is open. */
        volatile MediaLinks media;
        /** Writes what it is sent, in order, without making the sender wait for the network. */
        private final OrderedSender out;
        /** When (nanoTime) the ping its client has not answered yet went out; 0: none unanswered. */
        private volatile long pingedAt;
        /** When (nanoTime) it was last known to read: opened, or a ping answered. */
        private volatile long readAt = System.nanoTime();

        /** @param after where it starts: the greeting's seq, or the last one the client saw before it reconnected */
        Subscriber(Session session, MeetingChannel.Listener listener, long after, long order, int messagesPerSecond,
                   boolean coalesce) {
            this.session = session;
            this.meetingId = listener.meetingId();
            this.participationId = listener.participationId();
            this.access = MeetingChannel.Access.following(listener);
            this.lastSent = after;
            this.floor = after;
            this.order = order;
            this.messages = new MessageAllowance(10.0 * messagesPerSecond, messagesPerSecond);
            this.out = new OrderedSender(session, coalesce);
        }

        long lastSent() {
            return lastSent;
        }

        /** Sends one message, in order with everything else sent on this socket. */
        synchronized void send(JsonObject message) throws IOException {
            if (session.isOpen()) {
                text(message.toString());
            }
        }

        /**
         * Hands one text frame to the socket's ordered sender (the caller holds this socket's lock, so
         * frames go out in the order they were decided); a socket that is gone is an IOException.
         */
        void text(String frame) throws IOException {
            out.text(frame);
        }

        /** As {@link #text}, several at once: a client that reads several from one frame gets them in one. */
        void texts(List<String> messages) throws IOException {
            out.texts(messages);
        }

        /**
         * A pong: if it answers the ping waiting for an answer (its data is that ping's time), the
         * client has read everything written before it. A pong sent unasked proves nothing.
         */
        void ponged(ByteBuffer data) {
            long pinged = pingedAt;
            if (pinged != 0 && data.remaining() == Long.BYTES && data.getLong(data.position()) == pinged) {
                readAt = System.nanoTime();
                pingedAt = 0;
            }
        }

        /**
         * Pings the client when it has not been known to read for {@code every}; true when a ping
         * has gone unanswered for longer than {@code patience}: its client stopped reading.
         */
        synchronized boolean stoppedReading(long now, long every, long patience) throws IOException {
            long pinged = pingedAt;
            if (pinged != 0) {
                return now - pinged > patience;
            }
            if (now - readAt >= every) {
                pingedAt = now;
                out.ping(now);
            }
            return false;
        }
    }

    /**
     * Registers an opened socket. A participation keeps at most {@code maxSocketsPerParticipant} on
     * this node: beyond that its oldest are closed (4429), so a ticket cannot hold open any number.
     */
    Subscriber subscriber(Session session, MeetingChannel.Listener listener, long after, boolean coalesce) {
        return new Subscriber(session, listener, after, opened.incrementAndGet(), messagesPerSecond, coalesce);
    }

    /**
     * Registers an opened socket (the caller holds its lock until its greeting is sent: no delivery
     * overtakes it). A participation keeps at most {@code maxSocketsPerParticipant} on this node:
     * beyond that its oldest are closed (4429), so a ticket cannot hold open any number.
     */
    void subscribe(Subscriber s) {
        Set<Subscriber> meeting = byMeeting.computeIfAbsent(s.meetingId, id -> ConcurrentHashMap.newKeySet());
        meeting.add(s);
        List<Subscriber> same = meeting.stream().filter(o -> o.participationId.equals(s.participationId))
                .sorted(java.util.Comparator.comparingLong((Subscriber o) -> o.order)).toList();
        for (Subscriber old : same.subList(0, Math.max(0, same.size() - maxSocketsPerParticipant))) {
            LOG.info(() -> "Participation " + old.participationId + " has over " + maxSocketsPerParticipant
                    + " channel sockets open; closing its oldest");
            close(old, REPLACED);
        }
    }

    /** Closes a socket for a reason it is told, and forgets it. */
    void close(Subscriber s, CloseReason reason) {
        unsubscribe(s);
        try {
            s.session.close(reason);
        } catch (IOException | IllegalStateException gone) {
            LOG.log(Level.FINE, "Channel socket of participation " + s.participationId + " already gone", gone);
        }
    }

    /**
     * Pings each socket not known to read for {@code every}, and drops (4408) those whose client has
     * left a ping unanswered for longer than {@code patience}: a frozen tab or a dead link would
     * otherwise have the server hold everything the meeting says for it. The client reconnects with
     * the last seq it read and is sent what it missed.
     */
    void dropNonReaders(Duration every, Duration patience) {
        long now = System.nanoTime();
        for (Set<Subscriber> meeting : byMeeting.values()) {
            for (Subscriber s : meeting) {
                boolean stopped;
                try {
                    stopped = s.stoppedReading(now, every.toNanos(), patience.toNanos());
                } catch (IOException | IllegalStateException gone) { // its sender gave up on it: closed, not only forgotten
                    close(s, NOT_READING);
                    continue;
                }
                if (stopped) {
                    close(s, NOT_READING);
                    LOG.info(() -> "Channel socket of participation " + s.participationId + " in meeting " + s.meetingId
                            + " has not answered a ping for " + patience.toSeconds() + " s (its client stopped reading); dropped");
                }
            }
        }
    }

    /** Open channel sockets on this node (a gauge in /metrics: what a cluster scales on). */
    public int openSockets() {
        return byMeeting.values().stream().mapToInt(Set::size).sum();
    }

    void unsubscribe(Subscriber s) {
        byMeeting.computeIfPresent(s.meetingId, (id, set) -> {
            set.remove(s);
            return set.isEmpty() ? null : set;
        });
    }

    /**
     * A client asks for what came after the last seq it saw (one that opened without {@code ?after=}).
     * What this socket has not carried before its start is sent now, once; what it carried already
     * is not sent again. Those events may arrive after later ones the socket carried meanwhile: a
     * client that needs them in order opens with {@code ?after=}.
     */
    void resume(Subscriber s, long afterSeq) throws IOException {
        if (!s.replays.take()) {
            s.send(Jsons.createObjectBuilder().add("type", "error").add("code", "rate-limited")
                    .add("message", "Too many replays; wait a few seconds before asking again").build());
            return;
        }
        synchronized (s) {
            long after = Math.max(0, afterSeq);
            if (after < s.floor) {
                long upTo = s.floor;
                // judged by a copy: the socket's own access has moved on with the events it carried
                MeetingChannel.Access judged = s.access.copy();
                long from = after;
                while (from < upTo) {
                    MeetingChannel.Batch batch = channel.batch(s.meetingId, from);
                    if (batch.events().isEmpty()) {
                        break;
                    }
                    for (MeetingEvent e : batch.visibleTo(judged, from)) {
                        if (e.seq() <= upTo) {
                            s.text(json(ChannelEvent.of(e)).toString());
                        }
                    }
                    from = batch.lastSeq(from);
                }
                s.floor = after;
            }
        }
        catchUp(s);
    }

    /** Sends a meeting's new events to its listeners on this node. */
    void deliver(UUID meetingId) {
        Set<Subscriber> subscribers = byMeeting.get(meetingId);
        if (subscribers != null && !subscribers.isEmpty()) {
            deliver(meetingId, subscribers);
        }
    }

    /**
     * Sends one socket the events after the last it carried: a socket just opened is sent what came
     * between its greeting and its registration, whose NOTIFY may have been handled before it was
     * there. Only this socket: the meeting's others are the notifications' to serve (a thousand
     * joining would otherwise each walk all the others' sockets, contending for their locks).
     */
    void catchUp(Subscriber s) {
        deliver(s.meetingId, Set.of(s));
    }

    /** Reads the meeting's events after the furthest-behind of these sockets, a batch at a time, and sends each its share. */
    private void deliver(UUID meetingId, Set<Subscriber> subscribers) {
        long from = subscribers.stream().mapToLong(Subscriber::lastSent).min().orElse(0);
        MeetingChannel.Batch batch;
        do {
            batch = channel.batch(meetingId, from);
            Map<Long, String> texts = new HashMap<>();
            for (Subscriber s : subscribers) {
                send(s, batch, from, texts);
            }
            from = batch.lastSeq(from);
        } while (batch.events().size() >= MeetingChannel.MAX_BATCH);
    }

    /** After a lost NOTIFY connection: catch every listener up. */
    void deliverAll() {
        byMeeting.keySet().forEach(this::deliver);
    }

    /**
     * @param from  the seq the batch was read after: a socket that starts before it (opened after the
     *              batch was read) is left to the delivery its opening makes, or it would skip events
     * @param texts each event's JSON, made once per batch for all the listeners that see it
     */
    private void send(Subscriber s, MeetingChannel.Batch batch, long from, Map<Long, String> texts) {
        List<MeetingEvent> events;
        synchronized (s) {
            if (!s.session.isOpen()) {
                unsubscribe(s);
                return;
            }
            if (s.lastSent < from) {
                return;
            }
            events = batch.visibleTo(s.access, s.lastSent);
            try {
                List<String> frames = new java.util.ArrayList<>(events.size());
                for (MeetingEvent e : events) {
                    frames.add(texts.computeIfAbsent(e.seq(), seq -> json(ChannelEvent.of(e)).toString()));
                }
                s.texts(frames);
                s.lastSent = Math.max(s.lastSent, batch.lastSeq(s.lastSent));
                if (s.access.removed() || batch.removed().contains(s.participationId)) {
                    s.out.closeWhenSent(REMOVED);
                } else if (batch.status() == MeetingStatus.ENDED) {
                    s.out.closeWhenSent(ENDED);
                }
            } catch (IOException | IllegalStateException e) {
                LOG.log(Level.FINE, "Channel socket of participation " + s.participationId + " gone", e);
                unsubscribe(s);
                return;
            }
        }
        MediaLinks media = s.media;
        if (media != null && !events.isEmpty()) {
            media.observe(events); // outside the socket's lock: it may ask the media server
        }
    }

    /** The participations with a socket open on this node. */
    public Set<UUID> openParticipations() {
        Set<UUID> open = new java.util.HashSet<>();
        byMeeting.values().forEach(set -> set.forEach(s -> open.add(s.participationId)));
        return open;
    }

    /** Closes this node's sockets of these participations, saying why. */
    public void close(Set<UUID> participationIds, CloseReason reason) {
        byMeeting.values().forEach(set -> set.stream().filter(s -> participationIds.contains(s.participationId))
                .forEach(s -> {
                    synchronized (s) {
                        try {
                            s.session.close(reason);
                        } catch (IOException | IllegalStateException e) {
                            LOG.log(Level.FINE, "Channel socket of participation " + s.participationId + " already gone", e);
                        }
                    }
                }));
    }

    static JsonObject json(ChannelEvent e) {
        return Jsons.createObjectBuilder().add("type", "event").add("seq", e.seq()).add("event", e.type())
                .add("at", e.at().toString()).add("data", e.data()).build();
    }
}
