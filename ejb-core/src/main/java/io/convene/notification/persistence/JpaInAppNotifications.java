package io.convene.notification.persistence;

import io.convene.notification.InAppNotification;
import io.convene.notification.InAppNotifications;
import io.convene.notification.Notice;
import io.convene.notification.NoticeKind;
import io.convene.notification.NotificationService;
import io.convene.shared.IdLists;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** {@link InAppNotifications} in PostgreSQL: read by JPA, stored in bulk by SQL with their NOTIFYs. */
@ApplicationScoped
public class JpaInAppNotifications implements InAppNotifications {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Override
    public int store(Notice notice, UUID meetingId, String headline, Set<UUID> userIds) {
        int stored = 0;
        for (List<UUID> users : IdLists.parts(userIds)) {
            stored += ((Number) em.createNativeQuery("""
                            with stored as (
                                insert into notifications (id, user_id, meeting_id, kind, message, notice_id, sent_at)
                                select gen_random_uuid(), u.id, ?1, ?2, ?3, ?4, ?5 from users u where u.id in (?6)
                                on conflict (user_id, notice_id) do nothing returning user_id)
                            select count(pg_notify(?7, cast(user_id as text))) from stored""")
                    .setParameter(1, meetingId).setParameter(2, notice.kind().name()).setParameter(3, headline)
                    .setParameter(4, notice.id()).setParameter(5, notice.at()).setParameter(6, users)
                    .setParameter(7, NotificationService.CHANNEL).getSingleResult()).intValue();
        }
        return stored;
    }

    @Override
    public List<InAppNotification> page(UUID userId, boolean unreadOnly, int page, int size) {
        return em.createQuery("select n from InAppNotification n where " + where(unreadOnly) + " order by n.sentAt desc, n.id",
                        InAppNotification.class)
                .setParameter("u", userId).setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    @Override
    public long count(UUID userId, boolean unreadOnly) {
        return em.createQuery("select count(n) from InAppNotification n where " + where(unreadOnly), Long.class)
                .setParameter("u", userId).getSingleResult();
    }

    private static String where(boolean unreadOnly) {
        return "n.userId = :u" + (unreadOnly ? " and n.readAt is null" : "");
    }

    @Override
    public long lastPosition(UUID userId) {
        return em.createQuery("select coalesce(max(n.position), 0) from InAppNotification n where n.userId = :u",
                Long.class).setParameter("u", userId).getSingleResult();
    }

    @Override
    public List<InAppNotification> after(UUID userId, long position, int limit) {
        return em.createQuery("select n from InAppNotification n where n.userId = :u and n.position > :p order by n.position",
                        InAppNotification.class)
                .setParameter("u", userId).setParameter("p", position).setMaxResults(limit).getResultList();
    }

    @Override
    public Optional<InAppNotification> byId(UUID id) {
        return Optional.ofNullable(em.find(InAppNotification.class, id));
    }

    @Override
    public int markAllRead(UUID userId, Instant now) {
        return em.createQuery("update InAppNotification n set n.readAt = :now where n.userId = :u and n.readAt is null")
                .setParameter("now", now).setParameter("u", userId).executeUpdate();
    }

    @Override
    public void holdCounts(Collection<UUID> userIds) {
        // PostgreSQL's order of uuids is their text's: each part, and the parts, in that one order
        List<UUID> ordered = userIds.stream().distinct().sorted(java.util.Comparator.comparing(UUID::toString)).toList();
        for (List<UUID> part : io.convene.shared.IdLists.parts(ordered)) {
            em.createNativeQuery("select id from users where id in (?1) order by id for no key update")
                    .setParameter(1, part).getResultList();
        }
    }

    @Override
    public long sentSince(UUID userId, Collection<NoticeKind> kinds, Instant since) {
        // no key update: the row's foreign keys stay free for the notifications inserted meanwhile
        em.createNativeQuery("select id from users where id = ?1 for no key update").setParameter(1, userId).getResultList();
        return ((Number) em.createNativeQuery("""
                        select count(*) from notifications
                        where user_id = ?1 and kind in (?2) and sent_at > ?3""")
                .setParameter(1, userId).setParameter(2, kinds.stream().map(Enum::name).toList()).setParameter(3, since)
                .getSingleResult()).longValue();
    }
}
