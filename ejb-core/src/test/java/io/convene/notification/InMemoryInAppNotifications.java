package io.convene.notification;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The in-app notifications kept in a list, for unit tests: the same answers as
 * {@code persistence.JpaInAppNotifications} (one per user and notice, positions in the order of
 * storing, newest first by time of sending). The entity has no constructor for its fields (the
 * database fills them), so they are set here as JPA sets them.
 */
final class InMemoryInAppNotifications implements InAppNotifications {

    private final List<InAppNotification> stored = new ArrayList<>();
    private final List<UUID> noticeOf = new ArrayList<>();
    private long sequence;

    /** Everything stored, in the order it was. */
    List<InAppNotification> all() {
        return List.copyOf(stored);
    }

    List<InAppNotification> of(UUID userId) {
        return stored.stream().filter(n -> n.userId().equals(userId)).toList();
    }

    /** A notification as if stored by an earlier delivery. */
    InAppNotification add(UUID userId, NoticeKind kind, UUID meetingId, String message, Instant sentAt) {
        return put(UUID.randomUUID(), userId, kind, meetingId, message, sentAt);
    }

    @Override
    public int store(Notice notice, UUID meetingId, String headline, Set<UUID> userIds) {
        int added = 0;
        for (UUID user : userIds) {
            boolean has = false;
            for (int i = 0; i < stored.size(); i++) {
                has |= noticeOf.get(i).equals(notice.id()) && stored.get(i).userId().equals(user);
            }
            if (!has) {
                put(notice.id(), user, notice.kind(), meetingId, headline, notice.at());
                added++;
            }
        }
        return added;
    }

    private InAppNotification put(UUID noticeId, UUID userId, NoticeKind kind, UUID meetingId, String message, Instant at) {
        InAppNotification n = new InAppNotification();
        set(n, "id", UUID.randomUUID());
        set(n, "userId", userId);
        set(n, "meetingId", meetingId);
        set(n, "kind", kind);
        set(n, "message", message);
        set(n, "noticeId", noticeId);
        set(n, "sentAt", at);
        set(n, "position", ++sequence);
        stored.add(n);
        noticeOf.add(noticeId);
        return n;
    }

    // A fake repository sets the columns the entity has no constructor or setters for, as JPA does (by its fields).
    private static void set(InAppNotification n, String field, Object value) {
        try {
            Field f = InAppNotification.class.getDeclaredField(field);
            f.setAccessible(true);
            f.set(n, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("InAppNotification." + field + " is gone: update the fake", e);
        }
    }

    @Override
    public List<InAppNotification> page(UUID userId, boolean unreadOnly, int page, int size) {
        return mine(userId, unreadOnly).sorted(Comparator.comparing(InAppNotification::sentAt).reversed()
                        .thenComparing(InAppNotification::id))
                .skip((long) page * size).limit(size).toList();
    }

    @Override
    public long count(UUID userId, boolean unreadOnly) {
        return mine(userId, unreadOnly).count();
    }

    private java.util.stream.Stream<InAppNotification> mine(UUID userId, boolean unreadOnly) {
        return stored.stream().filter(n -> n.userId().equals(userId) && (!unreadOnly || n.readAt() == null));
    }

    @Override
    public long lastPosition(UUID userId) {
        return mine(userId, false).mapToLong(InAppNotification::position).max().orElse(0);
    }

    @Override
    public List<InAppNotification> after(UUID userId, long position, int limit) {
        return mine(userId, false).filter(n -> n.position() > position)
                .sorted(Comparator.comparingLong(InAppNotification::position)).limit(limit).toList();
    }

    @Override
    public Optional<InAppNotification> byId(UUID id) {
        return stored.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    @Override
    public int markAllRead(UUID userId, Instant now) {
        List<InAppNotification> unread = mine(userId, true).toList();
        unread.forEach(n -> n.markRead(now));
        return unread.size();
    }

    @Override
    public void holdCounts(Collection<UUID> userIds) {
        // one test thread: nothing to wait for
    }

    @Override
    public long sentSince(UUID userId, Collection<NoticeKind> kinds, Instant since) {
        return mine(userId, false).filter(n -> kinds.contains(n.kind()) && n.sentAt().isAfter(since)).count();
    }
}
