package io.convene.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps a flood of notices from burying a user: at most {@code convene.notifications.max-per-hour}
 * non-urgent ones (reminders, mentions) per user and hour; invitations and changes to meetings are
 * urgent and always get through. The count is of stored in-app notifications, so a user who turned
 * the app channel off is not throttled by e-mail alone.
 */
@ApplicationScoped
public class NotificationThrottle {

    private static final Duration WINDOW = Duration.ofHours(1);
    private static final List<NoticeKind> NOT_URGENT = Arrays.stream(NoticeKind.values()).filter(k -> !k.urgent()).toList();

    @Inject
    InAppNotifications notifications;

    @Inject
    @ConfigProperty(name = "convene.notifications.max-per-hour", defaultValue = "20")
    int maxPerHour;

    /** Whether this notice may still reach this user now. */
    /** Whether notices of this kind are counted against the limit (the urgent ones are not). */
    public boolean counts(NoticeKind kind) {
        return !kind.urgent();
    }

    public boolean allows(NoticeKind kind, UUID userId, Instant now) {
        if (!counts(kind)) {
            return true;
        }
        // one count at a time per user, or concurrent deliveries would all see room under the limit
        return notifications.sentSince(userId, NOT_URGENT, now.minus(WINDOW)) < maxPerHour;
    }
}
