package io.convene.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One thing a user was told in the app; read or not. */
@Entity
@Table(name = "notifications")
public class InAppNotification {

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(name = "meeting_id")
    private UUID meetingId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NoticeKind kind;

    @Column(nullable = false)
    private String message;

    @Column(name = "notice_id", nullable = false)
    private UUID noticeId;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    @Column(name = "read_at")
    private Instant readAt;

    /** The order of storing (a database sequence). */
    @Column(insertable = false, updatable = false)
    private long position;

    protected InAppNotification() {
    }

    void markRead(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public UUID id() {
        return id;
    }

    public UUID userId() {
        return userId;
    }

    public UUID meetingId() {
        return meetingId;
    }

    public NoticeKind kind() {
        return kind;
    }

    public String message() {
        return message;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public Instant readAt() {
        return readAt;
    }

    public long position() {
        return position;
    }
}
