package io.convene.chat;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The chat context's repository kept in lists, for unit tests: the same answers as
 * {@code persistence.JpaChatRepository}. As the database does, it numbers each message it takes
 * (the {@code position} sequence) and reads the columns the entities keep to themselves (a
 * message's client id, an attachment's upload time) from their fields.
 */
final class InMemoryChat implements ChatRepository {

    private record Reaction(UUID messageId, UUID participationId, String emoji) {
    }

    private final List<ChatMessage> messages = new ArrayList<>();
    private final List<ChatAttachment> attachments = new ArrayList<>();
    private final Set<Reaction> reactions = new LinkedHashSet<>();
    private long positions;
    private int meetingLocks;

    @Override
    public void add(List<ChatMessage> stored) {
        stored.forEach(this::add);
    }

    /** One message stored as the sequence numbers them (as if sent earlier). */
    public void add(ChatMessage message) {
        column(message, "position", ++positions);
        messages.add(message);
    }

    @Override
    public void add(ChatAttachment attachment) {
        attachments.add(attachment);
    }

    @Override
    public Optional<ChatMessage> message(UUID meetingId, UUID messageId) {
        return messages.stream().filter(m -> m.id().equals(messageId) && m.meetingId().equals(meetingId)).findFirst();
    }

    @Override
    public Optional<ChatMessage> byClientId(UUID meetingId, UUID senderId, String clientMessageId) {
        return messages.stream().filter(m -> m.meetingId().equals(meetingId) && m.senderId().equals(senderId)
                && column(m, "clientMessageId").equals(clientMessageId)).findFirst();
    }

    /** As the query: group messages of the main room, of the room (of every room) and one's own, and private ones to or from them. */
    @Override
    public List<ChatMessage> visibleBefore(UUID meetingId, UUID participationId, UUID room, boolean allRooms, long before,
                                           int size) {
        return messages.stream().filter(m -> m.meetingId().equals(meetingId) && m.position() < before)
                .filter(m -> (m.recipientId() == null && (m.roomId() == null || allRooms || m.roomId().equals(room)
                        || m.senderId().equals(participationId)))
                        || participationId.equals(m.recipientId()) || m.senderId().equals(participationId))
                .sorted(Comparator.comparing(ChatMessage::position).reversed()).limit(size).toList();
    }

    @Override
    public Optional<ChatAttachment> attachment(UUID meetingId, UUID attachmentId) {
        return attachments.stream().filter(a -> a.id().equals(attachmentId) && a.meetingId().equals(meetingId)).findFirst();
    }

    @Override
    public Optional<ChatAttachment> attachmentToSend(UUID meetingId, UUID attachmentId) {
        return attachment(meetingId, attachmentId);
    }

    @Override
    public AttachmentBytes attachmentBytes(UUID meetingId, UUID uploaderId) {
        long unsent = 0;
        long all = 0;
        for (ChatAttachment a : attachments) {
            if (a.meetingId().equals(meetingId)) {
                all += a.size();
                if (a.uploaderId().equals(uploaderId) && messageWith(a).isEmpty()) {
                    unsent += a.size();
                }
            }
        }
        return new AttachmentBytes(unsent, all);
    }

    @Override
    public void lockMeeting(UUID meetingId) {
        meetingLocks++;
    }

    @Override
    public List<Removed> deleteUnsentBefore(Instant cutoff, int limit) {
        List<ChatAttachment> gone = attachments.stream()
                .filter(a -> ((Instant) column(a, "createdAt")).isBefore(cutoff) && messageWith(a).isEmpty())
                .sorted(Comparator.comparing(a -> (Instant) column(a, "createdAt"))).limit(limit).toList();
        attachments.removeAll(gone);
        return gone.stream().map(a -> new Removed(a.storageKey(), a.size())).toList();
    }

    @Override
    public Optional<ChatMessage> messageWith(ChatAttachment attachment) {
        return messages.stream().filter(m -> m.attachment() != null && m.attachment().id().equals(attachment.id()))
                .findFirst();
    }

    @Override
    public boolean react(UUID messageId, UUID participationId, String emoji, boolean on, Instant at) {
        Reaction reaction = new Reaction(messageId, participationId, emoji);
        return on ? reactions.add(reaction) : reactions.remove(reaction);
    }

    @Override
    public Map<UUID, Map<String, Long>> reactions(List<UUID> messageIds) {
        Map<UUID, Map<String, Long>> counts = new LinkedHashMap<>();
        reactions.stream().filter(r -> messageIds.contains(r.messageId()))
                .sorted(Comparator.comparing(Reaction::emoji))
                .forEach(r -> counts.computeIfAbsent(r.messageId(), id -> new LinkedHashMap<>())
                        .merge(r.emoji(), 1L, Long::sum));
        return counts;
    }

    List<ChatMessage> messages() {
        return List.copyOf(messages);
    }

    List<ChatAttachment> attachments() {
        return List.copyOf(attachments);
    }

    /** How often a use case held the meeting's row lock. */
    int meetingLocks() {
        return meetingLocks;
    }

    // A fake repository reads and sets the columns the entities have no accessors for, as JPA does (by their fields).
    private static Object column(Object entity, String field) {
        try {
            return field(entity, field).get(entity);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void column(Object entity, String field, Object value) {
        try {
            field(entity, field).set(entity, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field field(Object entity, String name) throws NoSuchFieldException {
        Field f = entity.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }
}
