package io.convene.notification;

import java.time.Instant;
import java.util.UUID;

/** A notification as its owner sees it. */
public record NotificationView(UUID id, NoticeKind kind, UUID meetingId, String message, Instant sentAt, boolean read,
                               long position) {

    static NotificationView of(InAppNotification n) {
        return new NotificationView(n.id(), n.kind(), n.meetingId(), n.message(), n.sentAt(), n.readAt() != null,
                n.position());
    }
}
