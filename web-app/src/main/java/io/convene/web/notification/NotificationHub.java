package io.convene.web.notification;

import io.convene.notification.NotificationService;
import io.convene.notification.NotificationView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.convene.shared.Jsons;
import jakarta.json.JsonObject;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open notification sockets of this node, by user. When a user's notifications change (a
 * NOTIFY) each of their sockets gets what was stored after the last one it was sent, in order.
 */
@ApplicationScoped
public class NotificationHub {

    private static final Logger LOG = Logger.getLogger(NotificationHub.class.getName());

    @Inject
    NotificationService notifications;

    private final Map<UUID, Set<Subscriber>> byUser = new ConcurrentHashMap<>();

    /** One socket and how far it has been served. */
    static final class Subscriber {
        final Session session;
        final UUID userId;
        private long lastSent;
        /** Writes in order without making the delivery wait for this socket's network. */
        private final io.convene.web.channel.OrderedSender out;

        Subscriber(Session session, UUID userId, long lastSent) {
            this.session = session;
            this.userId = userId;
            this.lastSent = lastSent;
            this.out = new io.convene.web.channel.OrderedSender(session, false);
        }
    }

    Subscriber subscribe(Session session, NotificationService.Listener listener) {
        Subscriber s = new Subscriber(session, listener.userId(), listener.position());
        byUser.computeIfAbsent(listener.userId(), id -> ConcurrentHashMap.newKeySet()).add(s);
        return s;
    }

    void unsubscribe(Subscriber s) {
        byUser.computeIfPresent(s.userId, (id, set) -> {
            set.remove(s);
            return set.isEmpty() ? null : set;
        });
    }

    /** Sends the user's new notifications to their sockets on this node. */
    public void deliver(UUID userId) {
        Set<Subscriber> subscribers = byUser.get(userId);
        if (subscribers == null) {
            return;
        }
        for (Subscriber s : subscribers) {
            synchronized (s) {
                List<NotificationView> news = notifications.after(userId, s.lastSent);
                try {
                    for (NotificationView n : news) {
                        s.out.text(json(n).toString());
                        s.lastSent = n.position();
                    }
                } catch (IOException | IllegalStateException e) {
                    LOG.log(Level.FINE, "Notification socket of user " + userId + " gone", e);
                    unsubscribe(s);
                }
            }
        }
    }

    /** After a lost NOTIFY connection: catch every socket up. */
    public void deliverAll() {
        byUser.keySet().forEach(this::deliver);
    }

    /** The users with a notification socket open on this node. */
    public Set<UUID> openUsers() {
        return Set.copyOf(byUser.keySet());
    }

    /** Closes this node's notification sockets of these users, saying why. */
    public void close(Set<UUID> userIds, jakarta.websocket.CloseReason reason) {
        userIds.forEach(id -> byUser.getOrDefault(id, Set.of()).forEach(s -> {
            synchronized (s) {
                try {
                    s.session.close(reason);
                } catch (IOException | IllegalStateException e) {
                    LOG.log(Level.FINE, "Notification socket of user " + id + " already gone", e);
                }
            }
        }));
    }

    static void send(Subscriber s, JsonObject message) throws IOException {
        synchronized (s) {
            if (s.session.isOpen()) {
                s.out.text(message.toString());
            }
        }
    }

    private static JsonObject json(NotificationView n) {
        return Jsons.createObjectBuilder().add("type", "notification").add("id", n.id().toString())
                .add("kind", n.kind().name()).add("meetingId", n.meetingId() == null ? "" : n.meetingId().toString())
                .add("message", n.message()).add("sentAt", n.sentAt().toString()).add("position", n.position()).build();
    }
}
