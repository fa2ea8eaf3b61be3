package io.convene.chat.persistence;

import io.convene.chat.ChatAttachment;
import io.convene.chat.ChatMessage;
import io.convene.chat.ChatRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link ChatRepository} in PostgreSQL: messages and attachments by JPA, reactions and sweeps by SQL. */
@ApplicationScoped
public class JpaChatRepository implements ChatRepository {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    /** One flush for all: it inserts them in order and reads back the positions the sequence gave them. */
    @Override
    public void add(List<ChatMessage> messages) {
        if (!messages.isEmpty()) {
            messages.forEach(em::persist);
            em.flush();
        }
    }

    @Override
    public void add(ChatAttachment attachment) {
        em.persist(attachment);
    }

    @Override
    public Optional<ChatMessage> message(UUID meetingId, UUID messageId) {
        return Optional.ofNullable(em.find(ChatMessage.class, messageId)).filter(m -> m.meetingId().equals(meetingId));
    }

    @Override
    public Optional<ChatMessage> byClientId(UUID meetingId, UUID senderId, String clientMessageId) {
        return em.createQuery("""
                        select m from ChatMessage m where m.meetingId = :m and m.senderId = :s
                        and m.clientMessageId = :c""", ChatMessage.class)
                .setParameter("m", meetingId).setParameter("s", senderId).setParameter("c", clientMessageId)
                // nothing of the chat waits to be written when a send asks (it stores its messages after
                // judging them all): flushing the whole context first, per message, is what a batch cost
                .setFlushMode(FlushModeType.COMMIT).getResultStream().findFirst();
    }

    @Override
    public List<ChatMessage> visibleBefore(UUID meetingId, UUID participationId, UUID room, boolean allRooms,
                                           long before, int size) {
        return em.createQuery("""
                        select m from ChatMessage m left join fetch m.attachment where m.meetingId = :m
                        and m.position < :before
                        and ((m.recipientId is null and (m.roomId is null or :allRooms = true or m.roomId = :room
                                or m.senderId = :p))
                             or m.recipientId = :p or m.senderId = :p)
                        order by m.position desc""", ChatMessage.class)
                .setParameter("m", meetingId).setParameter("before", before).setParameter("p", participationId)
                .setParameter("allRooms", allRooms).setParameter("room", room == null ? new UUID(0, 0) : room)
                .setMaxResults(size).getResultList();
    }

    @Override
    public Optional<ChatAttachment> attachment(UUID meetingId, UUID attachmentId) {
        return Optional.ofNullable(em.find(ChatAttachment.class, attachmentId))
                .filter(a -> a.meetingId().equals(meetingId));
    }

    @Override
    public Optional<ChatAttachment> attachmentToSend(UUID meetingId, UUID attachmentId) {
        return Optional.ofNullable(em.find(ChatAttachment.class, attachmentId, LockModeType.PESSIMISTIC_WRITE))
                .filter(a -> a.meetingId().equals(meetingId));
    }


    @Override
    public AttachmentBytes attachmentBytes(UUID meetingId, UUID uploaderId) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        select coalesce(sum(a.size_bytes) filter (where a.uploader_id = ?2 and not exists
                                   (select 1 from chat_messages m where m.attachment_id = a.id)), 0),
                               coalesce(sum(a.size_bytes), 0)
                        from chat_attachments a where a.meeting_id = ?1""")
                .setParameter(1, meetingId).setParameter(2, uploaderId).getSingleResult();
        return new AttachmentBytes(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    @Override
    public void lockMeeting(UUID meetingId) {
        em.createNativeQuery("select 1 from meetings where id = ?1 for update").setParameter(1, meetingId).getResultList();
    }


    @Override
    public List<Removed> deleteUnsentBefore(Instant cutoff, int limit) {
        @SuppressWarnings("unchecked")
        List<UUID> candidates = em.createNativeQuery("""
                        select a.id from chat_attachments a where a.created_at < ?1
                        and not exists (select 1 from chat_messages m where m.attachment_id = a.id)
                        order by a.created_at limit ?2 for update of a skip locked""")
                .setParameter(1, cutoff).setParameter(2, limit).getResultList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        delete from chat_attachments a where a.id = any(?1)
                        and not exists (select 1 from chat_messages m where m.attachment_id = a.id)
                        returning a.storage_key, a.size_bytes""")
                .setParameter(1, candidates.toArray(new UUID[0])).getResultList();
        return rows.stream().map(r -> new Removed((String) r[0], ((Number) r[1]).longValue())).toList();
    }

    @Override
    public Optional<ChatMessage> messageWith(ChatAttachment attachment) {
        return em.createQuery("select m from ChatMessage m where m.attachment = :a", ChatMessage.class)
                .setParameter("a", attachment).getResultStream().findFirst();
    }

    @Override
    public boolean react(UUID messageId, UUID participationId, String emoji, boolean on, Instant at) {
        if (on) {
            return em.createNativeQuery("""
                            insert into chat_reactions (message_id, participation_id, emoji, reacted_at)
                            values (?1, ?2, ?3, ?4) on conflict do nothing""")
                    .setParameter(1, messageId).setParameter(2, participationId).setParameter(3, emoji)
                    .setParameter(4, at).executeUpdate() > 0;
        }
        return em.createNativeQuery("delete from chat_reactions where message_id = ?1 and participation_id = ?2 and emoji = ?3")
                .setParameter(1, messageId).setParameter(2, participationId).setParameter(3, emoji).executeUpdate() > 0;
    }

    @Override
    public Map<UUID, Map<String, Long>> reactions(List<UUID> messageIds) {
        Map<UUID, Map<String, Long>> counts = new HashMap<>();
        if (messageIds.isEmpty()) {
            return counts;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select message_id, emoji, count(*) from chat_reactions where message_id = any(?1)
                        group by message_id, emoji order by message_id, emoji""")
                .setParameter(1, messageIds.toArray(new UUID[0])).getResultList();
        for (Object[] row : rows) {
            counts.computeIfAbsent((UUID) row[0], id -> new LinkedHashMap<>())
                    .put((String) row[1], ((Number) row[2]).longValue());
        }
        return counts;
    }
}
