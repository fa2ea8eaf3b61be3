package io.convene.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Where the notification context keeps in-app notifications ({@code persistence.JpaInAppNotifications}). */
public interface InAppNotifications {

    /**
     * Stores the notice for each of these users who does not have it yet (a redelivered notice adds
     * none), and tells each user's open sockets on every node once this commits; answers how many were added.
     */
    int store(Notice notice, UUID meetingId, String headline, Set<UUID> userIds);

    /** A page of the user's notifications, newest first. */
    List<InAppNotification> page(UUID userId, boolean unreadOnly, int page, int size);

    long count(UUID userId, boolean unreadOnly);

    /** The position of the user's latest notification (0: none yet). */
    long lastPosition(UUID userId);

    /** The user's notifications after {@code position}, oldest first, at most {@code limit}. */
    List<InAppNotification> after(UUID userId, long position, int limit);

    Optional<InAppNotification> byId(UUID id);

    /** Marks all of the user's unread notifications read; answers how many. */
    int markAllRead(UUID userId, Instant now);

    /**
     * How many notifications of these kinds the user was sent since then; the user's count is held
     * until the transaction ends, so that concurrent deliveries count one after the other.
     */
    long sentSince(UUID userId, Collection<NoticeKind> kinds, Instant since);

    /**
     * Holds these users' counts until the transaction ends, all at once and in one order, before a
     * delivery counts any of them: deliveries of several notices each then never wait for each other
     * in a circle.
     */
    void holdCounts(Collection<UUID> userIds);
}
