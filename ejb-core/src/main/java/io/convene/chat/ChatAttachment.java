package io.convene.chat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A file uploaded to a meeting's chat; its bytes are in the blob store under {@code storageKey}. */
@Entity
@Table(name = "chat_attachments")
public class ChatAttachment {

    @Id
    private UUID id;

    @Column(name = "meeting_id", nullable = false)
    private UUID meetingId;

    @Column(name = "uploader_id", nullable = false)
    private UUID uploaderId;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "storage_key", nullable = false)
    private String storageKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ChatAttachment() {
    }

    ChatAttachment(UUID meetingId, UUID uploaderId, String fileName, String contentType, long size, String storageKey,
                   Instant createdAt) {
        this.id = UUID.randomUUID();
        this.meetingId = meetingId;
        this.uploaderId = uploaderId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.size = size;
        this.storageKey = storageKey;
        this.createdAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public UUID meetingId() {
        return meetingId;
    }

    public UUID uploaderId() {
        return uploaderId;
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    public long size() {
        return size;
    }

    String storageKey() {
        return storageKey;
    }
}
