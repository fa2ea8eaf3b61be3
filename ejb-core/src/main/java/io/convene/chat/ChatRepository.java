package io.convene.chat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Where the chat context keeps messages, attachments and reactions ({@code persistence.JpaChatRepository} in PostgreSQL). */
public interface ChatRepository {

    /** Stores the messages, in this order; each has its position once this returns. */
    void add(List<ChatMessage> messages);

    void add(ChatAttachment attachment);

    Optional<ChatMessage> message(UUID meetingId, UUID messageId);

    /**
     * The sender's message of that client id, among those written to the database: a message added
     * in the same transaction is found only once it is flushed (the caller knows its own).
     */
    Optional<ChatMessage> byClientId(UUID meetingId, UUID senderId, String clientMessageId);

    /**
     * The newest {@code size} messages before {@code before} that the participant may see, newest
     * first: group messages of the main room and of their breakout room (all rooms for hosts), and
     * private messages to or from them.
     */
    List<ChatMessage> visibleBefore(UUID meetingId, UUID participationId, UUID room, boolean allRooms,
                                    long before, int size);

    Optional<ChatAttachment> attachment(UUID meetingId, UUID attachmentId);

    /**
     * The attachment, locked until the transaction ends, for sending it: the sweep of unsent ones
     * ({@link #deleteUnsentBefore}) either waits and then sees it sent, or has removed it already.
     */
    Optional<ChatAttachment> attachmentToSend(UUID meetingId, UUID attachmentId);

    /** How many bytes of attachments a meeting holds, and how many of them one participant uploaded and has not sent. */
    record AttachmentBytes(long unsentByUploader, long inMeeting) {
    }

    AttachmentBytes attachmentBytes(UUID meetingId, UUID uploaderId);

    /** Holds the meeting's row lock until the transaction ends (what sending a message holds too). */
    void lockMeeting(UUID meetingId);

    /** A removed attachment: where its bytes are, and how many. */
    record Removed(String storageKey, long size) {
    }

    /**
     * Deletes up to {@code limit} attachments uploaded before {@code cutoff} and never sent, and
     * answers them. The candidates are locked first, then deleted in a second statement that sees
     * every message committed meanwhile: an attachment sent at that moment stays.
     */
    List<Removed> deleteUnsentBefore(Instant cutoff, int limit);

    Optional<ChatMessage> messageWith(ChatAttachment attachment);

    /** Adds or takes back one participant's reaction; answers whether anything changed. */
    boolean react(UUID messageId, UUID participationId, String emoji, boolean on, Instant at);

    /** Reaction counts per emoji for each of the messages. */
    Map<UUID, Map<String, Long>> reactions(List<UUID> messageIds);
}
