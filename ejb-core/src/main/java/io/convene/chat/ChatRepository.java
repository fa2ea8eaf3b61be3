package io.convene.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ChatRepository {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    public void add(ChatMessage message) {
        em.persist(message);
        em.flush();
    }

    public void add(ChatAttachment attachment) {
        em.persist(attachment);
    }

    public Optional<ChatMessage> message(UUID meetingId, UUID messageId) {
        return Optional.ofNullable(em.find(ChatMessage.class, messageId)).filter(m -> m.meetingId().equals(meetingId));
    }

    public Optional<ChatMessage> byClientId(UUID meetingId, UUID senderId, String clientMessageId) {
        return em.createQuery("""
                        select m from ChatMessage m where m.meetingId = :m and m.senderId = :s
                        and m.clientMessageId = :c""", ChatMessage.class)
                .setParameter("m", meetingId).setParameter("s", senderId).setParameter("c", clientMessageId)
                .getResultStream().findFirst();
    }

    /**
     * The newest {@code size} messages before {@code before} that the participant may see, newest
     * first: group messages of the main room and of their breakout room (all rooms for hosts), and
     * private messages to or from them.
     */
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

    public Optional<ChatAttachment> attachment(UUID meetingId, UUID attachmentId) {
        return Optional.ofNullable(em.find(ChatAttachment.class, attachmentId))
                .filter(a -> a.meetingId().equals(meetingId));
    }

    public Optional<ChatMessage> messageWith(ChatAttachment attachment) {
        return em.createQuery("select m from ChatMessage m where m.attachment = :a", ChatMessage.class)
                .setParameter("a", attachment).getResultStream().findFirst();
    }

    /** Adds or takes back one participant's reaction; answers whether anything changed. */
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

    /** Reaction counts per emoji for each of the messages. */
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
