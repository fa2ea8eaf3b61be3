package io.convene.chat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

/**
 * A chat message: to everyone in the meeting, or privately to one participant. The sender's own
 * {@code clientMessageId} makes a resend land on the same message.
 */
@Entity
@Table(name = "chat_messages")
public class ChatMessage {

    @Id
    private UUID id;

    /** Order of the meeting's chat (a database sequence); the cursor for paging. */
    @Generated(event = EventType.INSERT)
    @Column(insertable = false, updatable = false)
    private Long position;

    @Column(name = "meeting_id", nullable = false)
    private UUID meetingId;

    @Column(name = "sender_id", nullable = false)
    private UUID senderId;

    @Column(name = "recipient_id")
    private UUID recipientId;

    @Column(name = "client_message_id", nullable = false)
    private String clientMessageId;

    @Column(nullable = false)
    private String content;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "attachment_id")
    private ChatAttachment attachment;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    /** The breakout room a group message was sent in; null: the main room. */
    @Column(name = "room_id")
    private UUID roomId;

    protected ChatMessage() {
    }

    ChatMessage(UUID meetingId, UUID senderId, UUID recipientId, UUID roomId, String clientMessageId, String content,
                ChatAttachment attachment, Instant sentAt) {
        this.roomId = roomId;
        this.id = UUID.randomUUID();
        this.meetingId = meetingId;
        this.senderId = senderId;
        this.recipientId = recipientId;
        this.clientMessageId = clientMessageId;
        this.content = content;
        this.attachment = attachment;
        this.sentAt = sentAt;
    }

    public boolean isPrivate() {
        return recipientId != null;
    }

    /**
     * A private message: only its two ends. A group message: everyone, or when sent in a breakout
     * room, those in that room and the hosts.
     */
    public boolean isVisibleTo(UUID participationId, UUID viewersRoom, boolean viewerRunsMeeting) {
        if (isPrivate()) {
            return recipientId.equals(participationId) || senderId.equals(participationId);
        }
        return roomId == null || viewerRunsMeeting || roomId.equals(viewersRoom) || senderId.equals(participationId);
    }

    public UUID roomId() {
        return roomId;
    }

    public UUID id() {
        return id;
    }

    public Long position() {
        return position;
    }

    public UUID meetingId() {
        return meetingId;
    }

    public UUID senderId() {
        return senderId;
    }

    public UUID recipientId() {
        return recipientId;
    }

    public String content() {
        return content;
    }

    public ChatAttachment attachment() {
        return attachment;
    }

    public Instant sentAt() {
        return sentAt;
    }
}
